import { apiRoute } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { apiListSubmissions } from "@/lib/api/queries";

export const GET = apiRoute(OPERATIONS.listSubmissions, ({ actor, query }) => apiListSubmissions(actor, query));
