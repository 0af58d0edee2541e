import { apiRoute, notFound } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { apiListConsents } from "@/lib/api/queries";
import { recordStaffConsent } from "@/lib/consent/mutations";

export const GET = apiRoute(OPERATIONS.listConsents, async ({ actor, params }) => {
  const consents = await apiListConsents(actor, params.id);
  if (!consents) throw notFound();
  return consents;
});

// The same lib function as consent staff record from paper or a call (source API for a key).
export const POST = apiRoute(OPERATIONS.recordConsent, async ({ actor, params, body }) => {
  const event = await recordStaffConsent(actor, { ...body, customerId: params.id });
  return { id: event.id };
});
