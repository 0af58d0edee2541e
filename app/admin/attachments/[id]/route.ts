// Downloads a stored scan (audited in lib/attachments).
import { readAttachment } from "@/lib/attachments/queries";
import { canAccess } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor || !canAccess(actor.role, "customers")) return new Response("Forbidden", { status: 403 });
  const file = await readAttachment(actor, (await params).id);
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
