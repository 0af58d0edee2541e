import "server-only";
import { db } from "@/lib/db";

/** What the queues look like right now (read at each scrape, so every instance reports the same). */
export async function queueSnapshot() {
  const [[outbox], webhooks, notices] = await Promise.all([
    db().$queryRaw<{ depth: bigint; oldest: number | null; failed: bigint }[]>`
      SELECT count(*) FILTER (WHERE status = 'QUEUED') AS depth,
        extract(epoch FROM now() - min("createdAt") FILTER (WHERE status = 'QUEUED'))::float8 AS oldest,
        count(*) FILTER (WHERE status = 'FAILED') AS failed
      FROM "EmailMessage" WHERE status IN ('QUEUED', 'FAILED')`,
    db().$queryRaw<{ status: string; count: bigint }[]>`SELECT status::text, count(*) FROM "WebhookDelivery" WHERE status <> 'SUCCEEDED' GROUP BY status`,
    db().$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM "RecipientNotice" WHERE "emailMessageId" IS NULL`,
  ]);
  return {
    outboxDepth: Number(outbox?.depth ?? 0),
    outboxOldestSeconds: outbox?.oldest ?? 0,
    outboxFailed: Number(outbox?.failed ?? 0),
    webhooksPending: Number(webhooks.find((w) => w.status === "PENDING")?.count ?? 0),
    webhooksFailed: Number(webhooks.find((w) => w.status === "FAILED")?.count ?? 0),
    noticesWaiting: Number(notices[0]?.count ?? 0),
  };
}
