// One-click unsubscribe (RFC 8058) for marketing emails. Mail clients POST
// "List-Unsubscribe=One-Click" here; the visible link in the email opens /unsubscribe/<token>, whose
// button posts the same. A GET never changes anything (mail scanners open links): it only leads to
// that page.
import { unsubscribe } from "@/lib/campaigns/mutations/unsubscribe";
import { isAppError } from "@/lib/errors";
import { readBodyCapped } from "@/lib/http/body";
import { clientIp, userAgent } from "@/lib/http/client-ip";

type Ctx = { params: Promise<{ token: string }> };

const page = (request: Request, token: string, query = "") => new URL(`/unsubscribe/${encodeURIComponent(token)}${query}`, request.url);

export async function GET(request: Request, { params }: Ctx) {
  return Response.redirect(page(request, (await params).token), 303);
}

export async function POST(request: Request, { params }: Ctx) {
  const { token } = await params;
  const fromPage = (request.headers.get("accept") ?? "").includes("text/html");
  let body = "";
  try {
    body = await readBodyCapped(request, 4096);
  } catch {
    return new Response(null, { status: 413 });
  }
  if (new URLSearchParams(body).get("List-Unsubscribe") !== "One-Click") {
    return Response.json({ error: { code: "BAD_INPUT", message: "Expected List-Unsubscribe=One-Click" } }, { status: 400 });
  }
  try {
    await unsubscribe(token, { ip: clientIp(request.headers), userAgent: userAgent(request.headers), oneClick: !fromPage });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") {
      return fromPage ? Response.redirect(page(request, token), 303) : Response.json({ error: { code: "NOT_FOUND" } }, { status: 404 });
    }
    console.error("[unsubscribe] failed", error);
    return Response.json({ error: { code: "UNAVAILABLE" } }, { status: 503, headers: { "retry-after": "60" } });
  }
  return fromPage ? Response.redirect(page(request, token, "?done=1"), 303) : Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
