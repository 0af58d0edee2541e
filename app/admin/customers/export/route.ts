// CSV export of the filtered register, streamed from PostgreSQL's COPY and audited when it ends.
import { currentActor } from "@/lib/auth/session";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/same-origin";
import { canAccess } from "@/lib/auth/permissions";
import { customerFilterSchema } from "@/lib/customers/schemas";
import { recordCustomerExport } from "@/lib/exports/mutations";
import { streamCustomerCsv } from "@/lib/exports/queries";
import { getT } from "@/lib/i18n/server";

/** Opening the address exports nothing: the button is on the register's page. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  return Response.redirect(new URL(`/admin/customers${url.search}`, request.url), 303);
}

export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!canAccess(actor.role, "customers")) return new Response("Forbidden", { status: 403 });
  const filter = customerFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { t } = await getT();
  const { after: _a, before: _b, ...audited } = filter;
  const body = await streamCustomerCsv(actor, filter, t, (rows, complete) => recordCustomerExport(actor, JSON.parse(JSON.stringify(audited)), rows, complete));
  const filename = `customers-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store, no-transform",
    },
  });
}
