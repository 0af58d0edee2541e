import "server-only";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { StaffActor } from "@/lib/auth/actor";
import { recordAccessRefused } from "@/lib/audit/mutations";
import { canAccess, type Area } from "@/lib/auth/permissions";
import { findSessionUser } from "@/lib/auth/queries";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";

/** next-auth's cookie name (prefixed __Secure- when the app is served over https). */
export function sessionCookieName() {
  return `${env().APP_URL.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * The database session id in the signed-in browser's next-auth cookie. Read here, on the server,
 * so the id never appears in /api/auth/session or anywhere else a script could read it.
 */
async function sessionId(): Promise<string | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET });
    return typeof token?.sid === "string" ? token.sid : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in staff member, re-checked against the database; null when signed out. A session that
 * must set up two-factor first counts as signed out everywhere but where it is allowed explicitly
 * (its account page, the setup actions, the layout that sends it there).
 */
export async function currentActor(options: { allowRestricted?: boolean } = {}): Promise<(StaffActor & { locale: "vi" | "en" }) | null> {
  const sid = await sessionId();
  if (!sid) return null;
  const user = await findSessionUser(sid);
  if (!user) return null;
  if (user.restricted && !options.allowRestricted) return null;
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    sessionId: user.sessionId,
    restricted: user.restricted,
    ip: clientIp(await headers()),
  };
}

/** Where a restricted session (two-factor required but not set up) is sent, and may stay. */
export const TWO_FACTOR_SETUP_PATH = "/admin/account";

/** For pages: sends signed-out visitors to /login and renders 403 for roles outside the area. */
export async function requireArea(area: Area) {
  const actor = await currentActor({ allowRestricted: true });
  if (!actor) redirect("/login");
  if (actor.restricted) redirect(TWO_FACTOR_SETUP_PATH);
  if (!canAccess(actor.role, area)) {
    await recordAccessRefused(actor, { area, reason: "role" });
    forbidden();
  }
  return actor;
}

/** For pages every signed-in staff member may open (their own account), restricted sessions too. */
export async function requireSignedIn() {
  const actor = await currentActor({ allowRestricted: true });
  if (!actor) redirect("/login");
  return actor;
}
