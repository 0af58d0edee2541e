import { apiRoute } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { apiListDisclosures } from "@/lib/api/queries";

export const GET = apiRoute(OPERATIONS.listDisclosures, ({ actor, query }) => apiListDisclosures(actor, query));
