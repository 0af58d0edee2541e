// The public form page, served as plain HTML (see components/public-form). GET shows it; a POST
// without JavaScript submits it and either redirects (Post/Redirect/Get) or shows it again with errors.
import { renderFormPage, renderThankYouPage, renderUnavailablePage, formHref, type FormView } from "@/components/public-form/render";
import { isAppError } from "@/lib/errors";
import { formPostToSubmission, formPostValues } from "@/lib/forms/form-data";
import { findPublishedForm } from "@/lib/forms/queries";
import { formPageHeaders } from "@/lib/forms/security-headers";
import { readBodyCapped } from "@/lib/http/body";
import { clientIp, userAgent } from "@/lib/http/client-ip";
import { isCrossSiteBrowserPost } from "@/lib/http/same-origin";
import { translateMessage, translator } from "@/lib/i18n/translate";
import { submitForm } from "@/lib/submissions/mutations";

type Ctx = { params: Promise<{ slug: string }> };

function viewOf(request: Request, slug: string): FormView {
  const q = new URL(request.url).searchParams;
  return { slug, locale: q.get("lang") === "en" ? "en" : "vi", embed: q.get("embed") === "1" };
}

export async function GET(request: Request, { params }: Ctx) {
  const { slug } = await params;
  const view = viewOf(request, slug);
  const form = await findPublishedForm(slug);
  if (!form) return new Response(await renderUnavailablePage(view), { status: 404, headers: formPageHeaders(null) });
  const q = new URL(request.url).searchParams;
  const html = await (q.get("done") === "1" ? renderThankYouPage(form, view, { confirm: q.get("confirm") === "1" }) : renderFormPage(form, view));
  return new Response(html, { headers: formPageHeaders(form) });
}

export async function POST(request: Request, { params }: Ctx) {
  const { slug } = await params;
  const view = viewOf(request, slug);
  const form = await findPublishedForm(slug);
  if (!form) return new Response(await renderUnavailablePage(view), { status: 404, headers: formPageHeaders(null) });
  const t = translator(view.locale);
  if (isCrossSiteBrowserPost(request)) {
    const html = await renderFormPage(form, view, { values: {}, errors: {}, summary: t("publicForm.crossSite") });
    return new Response(html, { status: 403, headers: formPageHeaders(form) });
  }
  let body = "";
  try {
    body = await readBodyCapped(request);
    const raw = formPostToSubmission(body);
    const result = await submitForm(form, { ...raw, locale: view.locale }, { ip: clientIp(request.headers), userAgent: userAgent(request.headers) });
    const next = form.redirectUrl ?? formHref(view, { done: "1", ...(result.confirmationRequired ? { confirm: "1" } : {}) });
    return new Response(null, { status: 303, headers: { location: next, "cache-control": "no-store" } });
  } catch (error) {
    if (!isAppError(error)) {
      console.error("[form] submission failed", error);
      const html = await renderFormPage(form, view, { values: formPostValues(body), errors: {}, summary: t("publicForm.serverError") });
      return new Response(html, { status: 503, headers: formPageHeaders(form) });
    }
    const errors = Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([k, v]) => [k, translateMessage(t, v)]));
    const status = error.code === "RATE_LIMITED" ? 429 : error.params?.status === 413 ? 413 : 422;
    const summary = translateMessage(t, error.userMessage, error.params);
    const html = await renderFormPage(form, view, { values: status === 413 ? {} : formPostValues(body), errors, summary });
    const headers = new Headers(formPageHeaders(form));
    if (status === 429) headers.set("retry-after", String(error.params?.seconds ?? 60));
    return new Response(html, { status, headers });
  }
}
