import { apiRoute, notFound } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { apiGetCustomer } from "@/lib/api/queries";

export const GET = apiRoute(OPERATIONS.getCustomer, async ({ actor, params }) => {
  const customer = await apiGetCustomer(actor, params.id);
  if (!customer) throw notFound();
  return customer;
});
