// Rotating NEXTAUTH_SECRET: what was sealed or signed under the old secret keeps working while it is
// listed in NEXTAUTH_SECRET_PREVIOUS, the reseal moves stored secrets to the new one, and nothing
// opens under a secret that is not listed.
import { afterEach, describe, expect, it } from "vitest";
import { openValue, resealEach, sealValue } from "@/lib/auth/app-seal";
import { systemActor } from "@/lib/auth/actor";
import { messageIdFromToken, unsubscribeToken } from "@/lib/campaigns/mutations/unsubscribe";
import { db } from "@/lib/db";
import { openLink } from "@/lib/email/secret-link";
import { assertEnv } from "@/lib/env";
import { makeStaff } from "@/tests/support/factories";
import { resealAppSecrets } from "./mutations";

const ORIGINAL = process.env.NEXTAUTH_SECRET as string;
const NEW = `rotated-${ORIGINAL}`;

function useSecrets(current: string, previous?: string) {
  process.env.NEXTAUTH_SECRET = current;
  if (previous) process.env.NEXTAUTH_SECRET_PREVIOUS = previous;
  else delete process.env.NEXTAUTH_SECRET_PREVIOUS;
  assertEnv();
}

afterEach(() => useSecrets(ORIGINAL));

/** An email waiting in the outbox with a one-time link sealed under the current secret. */
const waitingLink = (to: string, link: string) =>
  db().emailMessage.create({
    data: {
      to,
      locale: "vi",
      template: "t",
      subject: "s",
      html: "{{one-time-link}}",
      text: "{{one-time-link}}",
      carriesSecret: true,
      secret: sealValue("outbox one-time link", link),
    },
  });

describe("rotating the app secret", () => {
  it("opens values sealed and links signed under a previous secret only while it is listed, and makes new ones under the current one", () => {
    const sealed = sealValue("two-factor secret", "JBSWY3DPEHPK3PXP");
    const messageId = crypto.randomUUID();
    const token = unsubscribeToken(messageId);

    useSecrets(NEW, ORIGINAL);
    expect(openValue("two-factor secret", sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(messageIdFromToken(token)).toBe(messageId);
    const fresh = sealValue("two-factor secret", "NEW");
    const freshToken = unsubscribeToken(messageId);
    expect(freshToken).not.toBe(token);

    useSecrets(NEW);
    expect(() => openValue("two-factor secret", sealed)).toThrow();
    expect(messageIdFromToken(token)).toBeNull();
    expect(openValue("two-factor secret", fresh)).toBe("NEW");
    expect(messageIdFromToken(freshToken)).toBe(messageId);
    // A purpose's key opens nothing of another purpose, whichever secret sealed it.
    expect(() => openValue("webhook signing secret", fresh)).toThrow();
  });

  it("refuses a previous secret shorter than a secret may be", () => {
    process.env.NEXTAUTH_SECRET_PREVIOUS = `${"x".repeat(40)}, short`;
    expect(() => assertEnv()).toThrow(/NEXTAUTH_SECRET_PREVIOUS must list secrets of at least 32 characters/);
  });

  it("counts a value that changed while the reseal ran as changed, and leaves the newer value", async () => {
    const endpoint = await db().webhookEndpoint.create({
      data: { url: "https://crm.example.com/race", events: ["consent.changed"], secret: sealValue("webhook signing secret", "whsec_old"), secretHint: "old" },
    });
    useSecrets(NEW, ORIGINAL);
    // Read by the reseal, then replaced by someone else before the reseal writes.
    const read = [{ id: endpoint.id, sealed: endpoint.secret }];
    await db().webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret: sealValue("webhook signing secret", "whsec_newer") } });
    const counts = await resealEach("webhook signing secret", read, (id, from, to) =>
      db().webhookEndpoint.updateMany({ where: { id, secret: from }, data: { secret: to } }),
    );
    expect(counts).toEqual({ resealed: 0, current: 0, unreadable: 0, changed: 1 });
    const stored = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(openValue("webhook signing secret", stored.secret)).toBe("whsec_newer");
    await db().webhookEndpoint.delete({ where: { id: endpoint.id } });
  });

  it("seals stored two-factor secrets, webhook secrets and waiting one-time links again, counts what cannot be opened, and is audited", async () => {
    const admin = await makeStaff("ADMIN");
    const user = await makeStaff("COMPLIANCE");
    await db().user.update({
      where: { id: user.id },
      data: { totpSecret: sealValue("two-factor secret", "ACTIVESECRET"), totpPendingSecret: sealValue("two-factor secret", "PENDING") },
    });
    const endpoint = await db().webhookEndpoint.create({
      data: { url: "https://crm.example.com/hook", events: ["consent.changed"], secret: sealValue("webhook signing secret", "whsec_old"), secretHint: "old" },
    });
    const message = await waitingLink("khach@example.test", "https://app/link/1");
    // Sealed under a secret nobody lists any more: counted, left as it is.
    useSecrets(`lost-${ORIGINAL}`);
    const lost = await waitingLink("khac@example.test", "https://app/link/2");

    useSecrets(NEW, ORIGINAL);
    await expect(resealAppSecrets(user)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const report = await resealAppSecrets(admin);
    expect(report.twoFactor.resealed).toBeGreaterThanOrEqual(2);
    expect(report.webhooks.resealed).toBeGreaterThanOrEqual(1);
    expect(report.outboxLinks.resealed).toBeGreaterThanOrEqual(1);
    expect(report.outboxLinks.unreadable).toBeGreaterThanOrEqual(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "secrets.resealed" }, orderBy: { createdAt: "desc" } });
    expect(audit.actorId).toBe(admin.id);

    // The old secret can go: everything stored opens under the new one alone.
    useSecrets(NEW);
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpPendingSecret: true } });
    expect(openValue("two-factor secret", stored.totpSecret!)).toBe("ACTIVESECRET");
    expect(openValue("two-factor secret", stored.totpPendingSecret!)).toBe("PENDING");
    expect(openValue("webhook signing secret", (await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).secret)).toBe("whsec_old");
    expect(openLink((await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).secret!)).toBe("https://app/link/1");
    const untouched = await db().emailMessage.findUniqueOrThrow({ where: { id: lost.id } });
    expect(untouched.secret).not.toBeNull();
    expect(() => openLink(untouched.secret!)).toThrow();
    // A second run finds nothing left to do under this secret.
    const again = await resealAppSecrets(systemActor("test"));
    expect(again.twoFactor.resealed + again.webhooks.resealed + again.outboxLinks.resealed).toBe(0);
    await db().emailMessage.deleteMany({ where: { id: { in: [message.id, lost.id] } } });
    await db().webhookEndpoint.delete({ where: { id: endpoint.id } });
    // Other test files share this database: everything goes back under the secret they use.
    useSecrets(ORIGINAL, NEW);
    await resealAppSecrets(systemActor("test"));
  });
});
