// What an API key may do. Each /api/v1 operation names the one scope it needs (lib/api/operations.ts).
export const API_SCOPES = ["customers:read", "consents:read", "consents:write", "submissions:read", "disclosures:read", "webhooks:manage"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
