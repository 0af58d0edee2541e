import type { ApiScope } from "@/lib/api-keys/scopes";

// The events a webhook endpoint may listen for. The triggers that write them are in the migration
// `integrations`; payloads carry ids and no more personal data than that.
export const WEBHOOK_EVENTS = [
  "submission.created",
  "consent.changed",
  "customer.erased",
  "customer.sharing_objected",
  "customer.merged",
  "privacy_request.created",
  "privacy_request.completed",
  "disclosure.approved",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** What a key must be allowed to read to subscribe to an event through the API (ids tell a story too). */
export const EVENT_SCOPE: Record<WebhookEventType, ApiScope> = {
  "submission.created": "submissions:read",
  "consent.changed": "consents:read",
  "customer.erased": "customers:read",
  "customer.sharing_objected": "customers:read",
  "customer.merged": "customers:read",
  "privacy_request.created": "customers:read",
  "privacy_request.completed": "customers:read",
  "disclosure.approved": "disclosures:read",
};
