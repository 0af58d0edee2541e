import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  rateLimitPerMinute: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  approvedAt: true,
} satisfies Prisma.ApiKeySelect;

export type ApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof apiKeySelect }>;

/** Every key, active first; never the hash. */
export async function listApiKeys(actor: Actor): Promise<ApiKeyRow[]> {
  authorize(actor, ...rolesFor("settings"));
  return db().apiKey.findMany({ select: apiKeySelect, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
}

/**
 * For the compliance officers' approvals page (the records area): every key that reaches personal
 * data, waiting ones first, with who made and who approved it.
 */
export async function listPersonalDataKeys(actor: Actor) {
  authorize(actor, ...rolesFor("records"));
  const keys = await db().apiKey.findMany({
    where: { NOT: { scopes: { equals: ["webhooks:manage"] } } },
    select: { ...apiKeySelect, createdById: true, approvedById: true },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { approvedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  const ids = [...new Set(keys.flatMap((k) => [k.createdById, k.approvedById]).filter((id): id is string => id !== null))];
  const users = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return keys.map(({ createdById, approvedById, ...k }) => ({
    ...k,
    createdBy: createdById ? (users.get(createdById) ?? null) : null,
    approvedBy: approvedById ? (users.get(approvedById) ?? null) : null,
  }));
}
