import { currentCustomer } from "@/lib/auth/customer-session";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/same-origin";
import { getT } from "@/lib/i18n/server";
import { myExport, myExportCsv } from "@/lib/privacy-requests/queries/my-data";
import { recordMyExport } from "@/lib/privacy-requests/mutations/self-service";

/** Opening the address changes nothing: the download buttons are on the page. */
export async function GET(request: Request) {
  return Response.redirect(new URL("/privacy/me#export", request.url), 303);
}

/** The customer's data as JSON or CSV; each download is recorded as a completed export request. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  const actor = await currentCustomer();
  if (!actor) return Response.redirect(new URL("/privacy/me", request.url), 303);
  const form = await request.formData().catch(() => null);
  const format = form?.get("format") === "csv" ? "csv" : "json";
  await recordMyExport(actor, format);
  const day = new Date().toISOString().slice(0, 10);
  const body = format === "csv" ? await myExportCsv(actor, (await getT()).t) : JSON.stringify(await myExport(actor), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-data-${day}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
