import { apiRoute } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { createWebhookEndpoint } from "@/lib/webhooks/mutations";
import { endpointDto, listWebhookEndpoints } from "@/lib/webhooks/queries";

export const GET = apiRoute(OPERATIONS.listWebhooks, async ({ actor }) => ({ data: (await listWebhookEndpoints(actor)).map(endpointDto) }));

export const POST = apiRoute(OPERATIONS.createWebhook, ({ actor, body }) => createWebhookEndpoint(actor, body));
