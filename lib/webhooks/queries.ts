import "server-only";
import { authorize, authorizeScope, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export const DELIVERIES_PAGE_SIZE = 25;

/** An endpoint as the API shows it: never the secret. */
export const endpointDto = (e: { id: string; url: string; events: string[]; description: string; enabled: boolean; createdAt: Date }) => ({
  id: e.id,
  url: e.url,
  events: e.events,
  description: e.description,
  enabled: e.enabled,
  createdAt: e.createdAt.toISOString(),
});

/** A key sees and changes only the endpoints it made; staff see them all. */
export const ownedBy = (actor: Actor) => (actor.kind === "api" ? { createdByKeyId: actor.keyId } : {});

/** Endpoints with their health: waiting and failed deliveries. Never the secret. */
export async function listWebhookEndpoints(actor: Actor) {
  authorizeScope(actor, "webhooks:manage", ...rolesFor("settings"));
  const [endpoints, counts] = await Promise.all([
    db().webhookEndpoint.findMany({
      where: ownedBy(actor),
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        url: true,
        description: true,
        events: true,
        enabled: true,
        disabledAt: true,
        disabledReason: true,
        failingSince: true,
        secretHint: true,
        createdAt: true,
      },
    }),
    db().webhookDelivery.groupBy({ by: ["endpointId", "status"], _count: { _all: true } }),
  ]);
  return endpoints.map((e) => {
    const count = (status: string) => counts.find((c) => c.endpointId === e.id && c.status === status)?._count._all ?? 0;
    return { ...e, pending: count("PENDING"), failed: count("FAILED"), succeeded: count("SUCCEEDED") };
  });
}

/** One endpoint's delivery log, newest first, with each try. */
export async function webhookDeliveries(actor: Actor, endpointId: string, page = 1) {
  authorize(actor, ...rolesFor("settings"));
  const where = { endpointId };
  const [rows, total] = await Promise.all([
    db().webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, page) - 1) * DELIVERIES_PAGE_SIZE,
      take: DELIVERIES_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        attempts: true,
        lastStatus: true,
        lastError: true,
        nextAttemptAt: true,
        deliveredAt: true,
        createdAt: true,
        event: { select: { id: true, type: true } },
        attemptLog: { orderBy: { at: "desc" }, take: 5, select: { at: true, status: true, error: true, durationMs: true } },
      },
    }),
    db().webhookDelivery.count({ where }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / DELIVERIES_PAGE_SIZE)) };
}
