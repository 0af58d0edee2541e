"use server";
import { cookies } from "next/headers";
import { currentActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { setOwnLocale } from "@/lib/users/mutations";

/** The language switch: a cookie for everyone, and the preference of a signed-in staff member. */
export async function setLocaleAction(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", secure: env().APP_URL.startsWith("https://") });
  const actor = await currentActor();
  if (actor) await setOwnLocale(actor, locale);
}
