import { z } from "zod";
import { WEBHOOK_EVENTS } from "./events";

export const webhookEndpointSchema = z.object({
  url: z.url({ error: "webhooks.urlInvalid" }).max(2000, "validation.tooLong"),
  events: z.array(z.enum(WEBHOOK_EVENTS, { error: "webhooks.unknownEvent" })).min(1, "webhooks.eventsRequired"),
  description: z.string().trim().max(200, "validation.tooLong").default(""),
});
export type WebhookEndpointInput = z.input<typeof webhookEndpointSchema>;

export const endpointIdSchema = z.object({ id: z.uuid("webhooks.notFound") });
export const setEndpointEnabledSchema = z.object({ id: z.uuid("webhooks.notFound"), enabled: z.boolean() });
export const deliveryIdSchema = z.object({ id: z.uuid("errors.notFound") });
