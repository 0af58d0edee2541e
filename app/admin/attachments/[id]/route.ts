// Downloads a stored scan (audited in lib/attachments).
import { readAttachment } from "@/lib/attachments/queries";
import { canAccess } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { translateMessage } from "@/lib/i18n/translate";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
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
