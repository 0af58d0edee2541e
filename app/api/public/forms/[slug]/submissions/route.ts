// JSON submission API for integrators and for /form.js. Documented in docs/api.md.
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { corsDecision } from "@/lib/forms/cors";
import { findPublishedForm } from "@/lib/forms/queries";
import { readBodyCapped } from "@/lib/http/body";
import { clientIp, userAgent } from "@/lib/http/client-ip";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { translateMessage, translator } from "@/lib/i18n/translate";
import { submitForm } from "@/lib/submissions/mutations";

type Ctx = { params: Promise<{ slug: string }> };

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  // no-transform: these answers are tiny, so they are not worth compressing.
  return Response.json(body, { status, headers: { "cache-control": "no-store, no-transform", "x-content-type-options": "nosniff", ...headers } });
}

async function cors(request: Request, slug: string) {
  const form = await findPublishedForm(slug);
  // Our own pages, whatever address the app was opened at (127.0.0.1 or a name, http behind TLS):
  // the origin whose host is the host the browser asked for.
  const host = request.headers.get("host");
  const sent = request.headers.get("origin");
  const sameHost = !!host && !!sent && URL.canParse(sent) && new URL(sent).host === host;
  const own = [new URL(env().APP_URL).origin, new URL(request.url).origin, ...(sameHost ? [sent!] : [])];
  return { form, decision: corsDecision(request.headers.get("origin"), form?.allowedOrigins ?? [], own) };
}

/** The database out of reach for a moment: try again soon (with the same idempotency key). */
const unavailable = (t = translator("vi")) => json(503, { error: { code: "UNAVAILABLE", message: t("publicForm.serverError") } }, { "retry-after": "5" });

export async function OPTIONS(request: Request, { params }: Ctx) {
  const looked = await cors(request, (await params).slug).catch(() => null);
  if (!looked) return new Response(null, { status: 503, headers: { "retry-after": "5" } });
  const { form, decision } = looked;
  if (!form) return new Response(null, { status: 404 });
  return new Response(null, { status: decision.allowed ? 204 : 403, headers: decision.headers });
}

export async function POST(request: Request, { params }: Ctx) {
  const fallback: Locale = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "vi";
  let t = translator(fallback);
  const looked = await cors(request, (await params).slug).catch((error) => {
    console.error("[api] form lookup failed", (error as Error).message);
    return null;
  });
  if (!looked) return unavailable(t);
  const { form, decision } = looked;
  if (!form) return json(404, { error: { code: "NOT_FOUND", message: t("publicForm.unavailableTitle") } });
  if (!decision.allowed) return json(403, { error: { code: "ORIGIN_NOT_ALLOWED", message: t("publicForm.originNotAllowed") } }, decision.headers);

  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") return json(415, { error: { code: "UNSUPPORTED_MEDIA_TYPE", message: t("publicForm.notJson") } }, decision.headers);

  let payload: unknown;
  try {
    const body = await readBodyCapped(request);
    try {
      payload = JSON.parse(body);
    } catch {
      return json(400, { error: { code: "BAD_JSON", message: t("publicForm.badJson"), fields: {} } }, decision.headers);
    }
    const locale = (payload as { locale?: unknown })?.locale;
    if (isLocale(locale)) t = translator(locale);
    const result = await submitForm(form, payload, { ip: clientIp(request.headers), userAgent: userAgent(request.headers) });
    // A replay answers exactly like the first time; the header tells integrators it was one.
    const replay: Record<string, string> = result.duplicate ? { "idempotent-replayed": "true" } : {};
    return json(201, { submissionId: result.submissionId, confirmationRequired: result.confirmationRequired }, { ...decision.headers, ...replay });
  } catch (error) {
    if (!isAppError(error)) {
      console.error("[api] submission failed", error);
      // Most likely the database is out of reach for a moment: tell the client when to try again
      // (with the same idempotency key, so nothing is recorded twice).
      return json(503, { error: { code: "UNAVAILABLE", message: t("publicForm.serverError") } }, { ...decision.headers, "retry-after": "5" });
    }
    const fields = Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([k, v]) => [k, translateMessage(t, v)]));
    const message = translateMessage(t, error.userMessage, error.params);
    if (error.code === "RATE_LIMITED") {
      return json(429, { error: { code: "RATE_LIMITED", message } }, { ...decision.headers, "retry-after": String(error.params?.seconds ?? 60) });
    }
    if (error.params?.status === 413) return json(413, { error: { code: "TOO_LARGE", message } }, decision.headers);
    return json(422, { error: { code: "VALIDATION_FAILED", message, fields } }, decision.headers);
  }
}
