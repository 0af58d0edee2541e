import { apiRoute } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { apiListPurposes } from "@/lib/api/queries";

export const GET = apiRoute(OPERATIONS.listPurposes, ({ actor }) => apiListPurposes(actor));
