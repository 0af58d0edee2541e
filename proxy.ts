// Runs before every page request (API routes and Next.js's own static files are left out, so their
// bodies are not buffered here; scripts/server.mjs gives every response nosniff and HSTS):
//  * hardening headers on every response, and a fresh CSP nonce for app pages (lib/http/security-headers);
//  * `?lang=en` / `?lang=vi` on a page: remember the choice in the language cookie and show the same
//    address without the parameter, so links from emails and embedded forms open in the right
//    language. (Public form pages under /f/ take ?lang themselves and are not touched.)
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isAppPage, securityHeaders } from "@/lib/http/security-headers";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

function languageRedirect(request: NextRequest) {
  // A prefetch is not the person choosing a language.
  if (request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch") return null;
  const lang = request.nextUrl.searchParams.get("lang");
  if (!isLocale(lang) || !isAppPage(request.nextUrl.pathname)) return null;
  const url = request.nextUrl.clone();
  url.searchParams.delete("lang");
  const response = NextResponse.redirect(url);
  response.cookies.set(LOCALE_COOKIE, lang, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", secure: url.protocol === "https:" });
  return response;
}

export function proxy(request: NextRequest) {
  const { APP_URL, NODE_ENV } = env();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const headers = securityHeaders({ pathname: request.nextUrl.pathname, nonce, https: APP_URL.startsWith("https://"), dev: NODE_ENV === "development" });

  let response = languageRedirect(request);
  if (!response) {
    // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
    const forward = new Headers(request.headers);
    if (headers["content-security-policy"]) forward.set("content-security-policy", headers["content-security-policy"]);
    response = NextResponse.next({ request: { headers: forward } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image).*)"],
};
