// Downloads a stored scan (audited in lib/attachments): a POST from our own page. Opening the
// address shows the button instead, so a link (or another site) cannot record a download.
import { readAttachment } from "@/lib/attachments/queries";
import { canAccess } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { escapeHtml } from "@/lib/html/escape";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/same-origin";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { translateMessage } from "@/lib/i18n/translate";

export async function GET(request: Request) {
  const { t } = await getT();
  const action = escapeHtml(new URL(request.url).pathname);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(t("attachments.download"))}</title></head><body style="font-family:system-ui,sans-serif;padding:2rem"><form method="post" action="${action}"><button type="submit">${escapeHtml(t("attachments.download"))}</button></form></body></html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  const actor = await currentActor();
  if (!actor || !canAccess(actor.role, "customers")) return new Response("Forbidden", { status: 403 });
  let file: Awaited<ReturnType<typeof readAttachment>>;
  try {
    file = await readAttachment(actor, (await params).id);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return new Response(translateMessage((await getT()).t, error.userMessage), { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.data), {
    headers: {
      "content-type": file.mimeType,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
