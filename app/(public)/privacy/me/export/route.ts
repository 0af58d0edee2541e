import { currentCustomer } from "@/lib/auth/customer-session";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/same-origin";
import { getT } from "@/lib/i18n/server";
import { vnDay } from "@/lib/privacy-requests/deadlines";
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
  const { t, locale } = await getT();
  // Built first: the export is recorded (and the customer emailed about it) only once there is one to hand over.
  const body = format === "csv" ? await myExportCsv(actor, t) : JSON.stringify(await myExport(actor), null, 2);
  await recordMyExport(actor, format);
  const name = `${locale === "en" ? "my-data" : "du-lieu-cua-toi"}-${vnDay(new Date())}.${format}`;
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
