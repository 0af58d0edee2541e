import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { blockedAppearancesOf } from "./mutations";

/** Every item, with those that must come down (a customer shown objected or withdrew) flagged. */
export async function listMedia(actor: Actor) {
  authorize(actor, "STAFF", "COMPLIANCE");
  const items = await db().mediaItem.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      link: true,
      publishedWhere: true,
      status: true,
      publishedAt: true,
      takenDownAt: true,
      appearances: { select: { customer: { select: { id: true, fullName: true, email: true, status: true } } } },
    },
  });
  const blocked = await blockedAppearancesOf(items.filter((i) => i.status !== "TAKEN_DOWN").map((i) => i.id));
  return items.map((item) => ({ ...item, blocked: blocked.filter((b) => b.mediaId === item.id) }));
}
