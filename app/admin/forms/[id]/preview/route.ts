// Staff preview of any form (draft included), exactly as visitors will see it; it cannot be submitted.
import { renderFormPage } from "@/components/public-form/render";
import { currentActor } from "@/lib/auth/session";
import { canAccess } from "@/lib/auth/permissions";
import { getForm } from "@/lib/forms/queries";
import { formPageHeaders } from "@/lib/forms/security-headers";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor || !canAccess(actor.role, "forms")) return new Response("Forbidden", { status: 403 });
  const form = await getForm(actor, (await params).id);
  if (!form) return new Response("Not found", { status: 404 });
  const q = new URL(request.url).searchParams;
  const html = await renderFormPage(
    form,
    { slug: form.slug, locale: q.get("lang") === "en" ? "en" : "vi", embed: q.get("embed") === "1" },
    { values: {}, errors: {}, preview: true },
  );
  return new Response(html, { headers: { ...formPageHeaders({ allowedOrigins: [], redirectUrl: null }), "x-robots-tag": "noindex" } });
}
