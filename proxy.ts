// `?lang=en` / `?lang=vi` on a page: remember the choice in the language cookie and show the same
// address without the parameter, so links from emails and embedded forms open in the right language.
// (Public form pages under /f/ take ?lang themselves and are not touched.)
import { NextResponse, type NextRequest } from "next/server";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

export function proxy(request: NextRequest) {
  // A prefetch is not the person choosing a language.
  if (request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch") return NextResponse.next();
  const lang = request.nextUrl.searchParams.get("lang");
  if (!isLocale(lang)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.searchParams.delete("lang");
  const response = NextResponse.redirect(url);
  response.cookies.set(LOCALE_COOKIE, lang, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  return response;
}

export const config = {
  matcher: ["/((?!f/|api/|_next/|admin/forms/[^/]+/preview|.*\\.(?:js|css|png|svg|ico|txt)$).*)"],
};
