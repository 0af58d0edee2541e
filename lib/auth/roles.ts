// Staff roles, as plain values usable on the client (the Prisma enum has the same members).
export const ROLES = ["ADMIN", "STAFF", "COMPLIANCE"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must sign in with a second factor when the company's setting asks for it. */
export const TWO_FACTOR_ROLES: readonly Role[] = ["ADMIN", "COMPLIANCE"];
