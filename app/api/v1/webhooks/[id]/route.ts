import { apiRoute } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { deleteWebhookEndpoint } from "@/lib/webhooks/mutations";

export const DELETE = apiRoute(OPERATIONS.deleteWebhook, ({ actor, params }) => deleteWebhookEndpoint(actor, params));
