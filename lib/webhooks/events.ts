// The events a webhook endpoint may listen for. The triggers that write them are in the migration
// `integrations`; payloads carry ids and no more personal data than that.
export const WEBHOOK_EVENTS = [
  "submission.created",
  "consent.changed",
  "customer.erased",
  "customer.sharing_objected",
  "privacy_request.created",
  "privacy_request.completed",
  "disclosure.approved",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
