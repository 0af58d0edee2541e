// Route handlers that change something (an audited export, a counted download) take POST only,
// and only from the app's own pages: a browser says where a request comes from in Sec-Fetch-Site
// and Origin, so another site cannot make a signed-in browser do it. (Server actions get the same
// check from Next.js.)
import { env } from "@/lib/env";

export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  return origin === new URL(env().APP_URL).origin || origin === new URL(request.url).origin;
}

/** Said in both languages: the refusal comes before anything knows the visitor's. */
export function crossSiteRefusal() {
  return new Response(
    "Yêu cầu gửi từ trang web khác nên đã bị từ chối. Hãy mở lại trang và thử lại.\nCross-site request refused: open the page again and retry.",
    { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } },
  );
}

/**
 * For a form page that posts to itself (the public form without JavaScript, also inside a partner's
 * iframe, where the post still goes to this app): a browser's post from another site is refused, so no
 * site can submit through its visitors' browsers in their name and from their addresses. A client that
 * is not a browser sends neither header, and gains nothing it could not do through the JSON API.
 */
export function isCrossSiteBrowserPost(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  return origin !== new URL(env().APP_URL).origin && origin !== new URL(request.url).origin;
}
