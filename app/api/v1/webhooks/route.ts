import { apiRoute } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { createWebhookEndpoint } from "@/lib/webhooks/mutations";
import { listWebhookEndpoints } from "@/lib/webhooks/queries";

export const GET = apiRoute(OPERATIONS.listWebhooks, async ({ actor }) => ({
  data: (await listWebhookEndpoints(actor)).map((e) => ({
    id: e.id,
    url: e.url,
    events: e.events,
    description: e.description,
    enabled: e.enabled,
    createdAt: e.createdAt.toISOString(),
  })),
}));

export const POST = apiRoute(OPERATIONS.createWebhook, ({ actor, body }) => createWebhookEndpoint(actor, body));
