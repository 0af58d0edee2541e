// Seeds demo data into an empty embedded database. Production databases get no demo users:
// create the first administrator with `npm run user:create`.
import { systemActor } from "@/lib/auth/actor";
import { createForm } from "@/lib/forms/mutations";
import { findPublishedForm } from "@/lib/forms/queries";
import { submitForm } from "@/lib/submissions/mutations";
import { confirmSubmission, sendConfirmationEmails } from "@/lib/confirmations/mutations";
import { cancelEmails, pendingConfirmationEmails } from "./demo/inbox";
import { listCustomers } from "@/lib/customers/queries";
import { customerFilterSchema } from "@/lib/customers/schemas";
import { logRequest } from "@/lib/privacy-requests/mutations/desk";
import { requestDeletion } from "@/lib/privacy-requests/mutations/self-service";
import { publishInitialPolicy } from "@/lib/policies/mutations";
import { DEMO_USERS } from "@/lib/users/demo";
import { createUserWithPassword } from "@/lib/users/mutations";
import { hasAnyUser } from "@/lib/users/queries";
import { DEMO_FORMS } from "./demo/forms";
import { person } from "./demo/people";
import { POLICY_V1_EN, POLICY_V1_VI } from "./demo/policy-v1";

export async function seedDemo(): Promise<boolean> {
  if (await hasAnyUser()) return false;
  const actor = systemActor("seed");
  for (const user of DEMO_USERS) await createUserWithPassword(actor, user);
  await publishInitialPolicy(actor, {
    bodyVi: POLICY_V1_VI,
    bodyEn: POLICY_V1_EN,
    summaryVi: "Phiên bản đầu tiên.",
    summaryEn: "First version.",
    effectiveAt: new Date("2026-01-01T00:00:00+07:00"),
  });
  for (const form of DEMO_FORMS) await createForm(actor, form);
  await seedDemoCustomers();
  await seedDemoRequests();
  return true;
}

/** A few privacy requests, so the desk shows its deadlines: one late, one new, one self-service. */
async function seedDemoRequests() {
  const actor = systemActor("seed");
  const byEmail = async (email: string) => (await listCustomers(actor, customerFilterSchema.parse({ q: email }))).rows[0];
  const [late, fresh, self] = [await byEmail(person(1).email), await byEmail(person(2).email), await byEmail(person(3).email)];
  const day = (ago: number) => new Date(Date.now() - ago * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  if (late)
    await logRequest(actor, {
      customerId: late.id,
      type: "ACCESS",
      channel: "PHONE",
      receivedOn: day(24),
      details: "Gọi điện hỏi công ty đang lưu những dữ liệu gì về mình và đã chia sẻ cho ai.",
    });
  if (fresh)
    await logRequest(actor, {
      customerId: fresh.id,
      type: "RECTIFY",
      channel: "IN_PERSON",
      receivedOn: day(1),
      details: "Đến văn phòng báo địa chỉ công ty mới: 18 Tam Trinh, Hoàng Mai, Hà Nội.",
    });
  if (self) await requestDeletion({ kind: "customer", customerId: self.id, sessionId: "seed" }, { confirm: true });
}

/**
 * Forty visitors who used the contact form, through the same code path as real visitors; three in
 * four of them confirmed their choices with the emailed link (the rest are still waiting).
 */
async function seedDemoCustomers() {
  const form = await findPublishedForm("lien-he");
  if (!form) return;
  for (let i = 0; i < 40; i++) {
    const p = person(i);
    await submitForm(
      form,
      {
        fields: { fullName: p.fullName, email: p.email, phone: p.phone, organization: p.organization ?? "" },
        answers: { message: i % 4 === 0 ? "Tôi cần báo giá thiết kế website." : "" },
        consents: form.purposes.filter((_, k) => (i + k) % 3 !== 0).map((x) => x.key),
        locale: p.locale,
        idempotencyKey: `demo-seed-${i}`,
      },
      { ip: `192.0.2.${i + 1}`, userAgent: "demo seed" },
    );
  }
  while ((await sendConfirmationEmails(50)) > 0) {}
  const emails = await pendingConfirmationEmails();
  for (const [i, email] of emails.entries()) {
    if (i % 4 === 3) continue;
    const token = email.link.split("/confirm/")[1]?.split("?")[0];
    if (token) await confirmSubmission(token, { ip: `198.51.100.${i + 1}`, userAgent: "demo seed" });
  }
  // Their links are used: nothing left to send (or print) for them.
  await cancelEmails(emails.filter((_, i) => i % 4 !== 3).map((e) => e.id));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seeded = await seedDemo();
  console.log(seeded ? "Demo data seeded." : "Users already exist: nothing seeded.");
  process.exit(0);
}
