import { apiRoute } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { apiListCustomers } from "@/lib/api/queries";

export const GET = apiRoute(OPERATIONS.listCustomers, ({ actor, query }) => apiListCustomers(actor, query));
