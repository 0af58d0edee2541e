// Rotating NEXTAUTH_SECRET (docs/operations.md): with the old secret listed in
// NEXTAUTH_SECRET_PREVIOUS, this seals every stored secret again under the new one, so the old one
// can then be dropped. Audited with the counts.
import "server-only";
import type { ResealCounts } from "@/lib/auth/app-seal";
import { type Actor, authorize } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { resealOutboxLinks } from "@/lib/email/mutations";
import { resealTwoFactorSecrets } from "@/lib/two-factor/mutations";
import { resealWebhookSecrets } from "@/lib/webhooks/mutations";

export type ResealReport = Record<"twoFactor" | "webhooks" | "outboxLinks", ResealCounts>;

export async function resealAppSecrets(actor: Actor): Promise<ResealReport> {
  authorize(actor, "ADMIN");
  const report: ResealReport = {
    twoFactor: await resealTwoFactorSecrets(),
    webhooks: await resealWebhookSecrets(),
    outboxLinks: await resealOutboxLinks(),
  };
  await db().$transaction((tx) => recordAudit(tx, actor, { action: "secrets.resealed", entityType: "Setting", details: report }));
  return report;
}
