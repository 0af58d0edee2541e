// The frozen package of an approved disclosure; each download is counted and audited (lib/disclosures).
import { canAccess } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { downloadPackage } from "@/lib/disclosures/mutations";
import { isAppError } from "@/lib/errors";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/same-origin";
import { getT } from "@/lib/i18n/server";
import { translateMessage } from "@/lib/i18n/translate";

type Ctx = { params: Promise<{ id: string }> };

/** Opening the address uses up nothing: the download button is on the disclosure's page. */
export async function GET(request: Request, { params }: Ctx) {
  return Response.redirect(new URL(`/admin/disclosures/${encodeURIComponent((await params).id)}`, request.url), 303);
}

export async function POST(request: Request, { params }: Ctx) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  const actor = await currentActor();
  if (!actor || actor.restricted || !canAccess(actor.role, "disclosures")) return new Response("Forbidden", { status: 403 });
  try {
    const file = await downloadPackage(actor, (await params).id);
    // Streamed part by part: a package of a million rows is never held in memory.
    const body = file.body;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { value, done } = await body.next();
          if (done) controller.close();
          else controller.enqueue(new Uint8Array(value));
        } catch (error) {
          // A damaged part: the download breaks off rather than hand out a wrong file.
          console.error("[disclosures] package download failed", error);
          controller.error(error);
        }
      },
      async cancel() {
        await body.return(undefined);
      },
    });
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-length": String(file.size),
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const { t } = await getT();
    const status = error.code === "FORBIDDEN" ? 403 : error.code === "NOT_FOUND" ? 404 : 410;
    return new Response(translateMessage(t, error.userMessage), { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
