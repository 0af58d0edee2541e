import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

/** Staff who may read the form's submissions, with how each is told of new ones (null: not told). */
export async function leadWatchers(actor: Actor, formId: string) {
  authorize(actor, ...rolesFor("forms"));
  const [users, watchers] = await Promise.all([
    db().user.findMany({
      where: { disabledAt: null, role: { in: rolesFor("forms") } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true, role: true },
    }),
    db().formWatcher.findMany({ where: { formId }, select: { userId: true, mode: true } }),
  ]);
  return users.map((u) => ({ ...u, mode: watchers.find((w) => w.userId === u.id)?.mode ?? null }));
}

/** Who answered these submissions (names for the list). */
export async function answeredByNames(actor: Actor, userIds: string[]) {
  authorize(actor, ...rolesFor("forms"));
  if (userIds.length === 0) return new Map<string, string>();
  const users = await db().user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
