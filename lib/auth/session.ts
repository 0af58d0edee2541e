import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { StaffActor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/options";
import { canAccess, type Area } from "@/lib/auth/permissions";
import { findSessionUser } from "@/lib/auth/queries";
import { clientIp } from "@/lib/http/client-ip";

/** The signed-in staff member, re-checked against the database; null when signed out. */
export async function currentActor(): Promise<(StaffActor & { locale: "vi" | "en" }) | null> {
  const session = (await getServerSession(authOptions())) as { sid?: string } | null;
  if (!session?.sid) return null;
  const user = await findSessionUser(session.sid);
  if (!user) return null;
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    sessionId: user.sessionId,
    ip: clientIp(await headers()),
  };
}

/** For pages: sends signed-out visitors to /login and renders 403 for roles outside the area. */
export async function requireArea(area: Area) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (!canAccess(actor.role, area)) forbidden();
  return actor;
}
