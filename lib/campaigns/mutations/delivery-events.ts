import "server-only";
// Delivery reports from Resend (POST /api/webhooks/resend, Svix-signed): recorded once per event id
// on the outbox row they concern. A hard bounce or a spam complaint puts the address on the
// suppression list, so no marketing email reaches it again. Opens and clicks are not recorded.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/mutations";
import { systemActor } from "@/lib/auth/actor";
import { emailHash } from "@/lib/campaigns/mutations/guard";
import { db } from "@/lib/db";

export const resendEventSchema = z.object({
  type: z.string().min(1).max(100),
  created_at: z.string().optional(),
  data: z
    .object({
      email_id: z.string().max(200).optional(),
      to: z.union([z.array(z.string()), z.string()]).optional(),
      bounce: z.object({ type: z.string().optional(), subType: z.string().optional() }).partial().optional(),
    })
    .loose(),
});
export type ResendEvent = z.infer<typeof resendEventSchema>;

const STATUS = {
  "email.delivery_delayed": "DELAYED",
  "email.delivered": "DELIVERED",
  "email.bounced": "BOUNCED",
  "email.complained": "COMPLAINED",
} as const;
// A later, weaker report never hides a stronger one (a delay reported after the bounce, say).
const RANK = { DELAYED: 1, DELIVERED: 2, BOUNCED: 3, COMPLAINED: 4 } as const;

export async function recordDeliveryEvent(svixId: string, event: ResendEvent) {
  const status = STATUS[event.type as keyof typeof STATUS];
  const occurredAt = event.created_at && !Number.isNaN(Date.parse(event.created_at)) ? new Date(event.created_at) : null;
  return db().$transaction(async (tx) => {
    const message = event.data.email_id
      ? await tx.emailMessage.findFirst({ where: { providerId: event.data.email_id }, select: { id: true, to: true, delivery: true } })
      : null;
    const inserted = await tx.$executeRaw`
      INSERT INTO "DeliveryEvent" ("svixId", type, "providerId", "occurredAt", "messageId")
      VALUES (${svixId}, ${event.type}, ${event.data.email_id ?? null}, ${occurredAt}, ${message?.id ?? null}::uuid)
      ON CONFLICT ("svixId") DO NOTHING`;
    if (!inserted) return { duplicate: true, status: status ?? null };
    if (!status || !message) return { duplicate: false, status: status ?? null };
    if (!message.delivery || RANK[status] >= RANK[message.delivery]) {
      await tx.emailMessage.update({ where: { id: message.id }, data: { delivery: status, deliveryAt: occurredAt ?? new Date() } });
    }
    const hard = status === "COMPLAINED" || (status === "BOUNCED" && !/transient|soft|temporary/i.test(event.data.bounce?.type ?? ""));
    const address = message.to || (Array.isArray(event.data.to) ? event.data.to[0] : event.data.to);
    if (hard && address) {
      const reason = status === "COMPLAINED" ? "COMPLAINT" : "HARD_BOUNCE";
      const added = await tx.$executeRaw`
        INSERT INTO "Suppression" ("emailHash", reason, "messageId") VALUES (${emailHash(address)}, ${reason}::"SuppressionReason", ${message.id}::uuid)
        ON CONFLICT ("emailHash") DO NOTHING`;
      if (added)
        await recordAudit(tx, systemActor("resend webhook"), {
          action: "suppression.added",
          entityType: "EmailMessage",
          entityId: message.id,
          details: { reason },
        });
    }
    return { duplicate: false, status };
  });
}
