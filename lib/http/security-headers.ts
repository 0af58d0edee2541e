// Hardening headers for every response, set in proxy.ts. App pages get a Content-Security-Policy
// with a fresh script nonce (Next.js stamps it on its own scripts) and may not be framed by anyone;
// public form pages and the staff preview set their own policy (lib/forms/security-headers.ts),
// because a form may be framed by the origins its owner allowed.

/** Pages whose address carries a one-time secret: never leak it in a Referer header. */
const TOKEN_PAGES = [/^\/set-password\//, /^\/reset-password\//, /^\/privacy\/me\/link\//, /^\/confirm\//];
/** Routes that answer with their own Content-Security-Policy. */
const OWN_POLICY = [/^\/f\//, /^\/admin\/forms\/[^/]+\/preview$/];

export type HeaderContext = { pathname: string; nonce: string; https: boolean; dev: boolean };

export function isTokenPage(pathname: string) {
  return TOKEN_PAGES.some((p) => p.test(pathname));
}

export function isAppPage(pathname: string) {
  return !pathname.startsWith("/api/") && !OWN_POLICY.some((p) => p.test(pathname)) && !/\.[a-z0-9]+$/i.test(pathname);
}

export function contentSecurityPolicy({ nonce, https, dev }: HeaderContext) {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced Next.js runtime loads are trusted; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (chart bars, progress) are harmless; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(ctx: HeaderContext): Record<string, string> {
  const headers: Record<string, string> = {
    "x-content-type-options": "nosniff",
    "referrer-policy": isTokenPage(ctx.pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  };
  if (ctx.https) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  if (isAppPage(ctx.pathname)) {
    headers["content-security-policy"] = contentSecurityPolicy(ctx);
    headers["x-frame-options"] = "DENY";
  }
  return headers;
}
