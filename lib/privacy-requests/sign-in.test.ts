import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { makeCustomer, randomPhone, token } from "@/tests/support/customers";
import { oneTimeLinkTo, tokenOf } from "@/tests/support/email";
import { customerForSession, LIMITS, processSignInRequests, redeemSignInToken, requestSignInLink } from "./mutations/sign-in";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e,
  );
const ip = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function drain() {
  while ((await processSignInRequests()) > 0) {}
}

/** The token from the newest sign-in email to `to`. */
async function linkTokenFor(to: string) {
  return tokenOf(await oneTimeLinkTo(to, "customer_sign_in"));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe("signing in to the privacy page", () => {
  it("answers the same way, in about the same time, for known and unknown addresses, and emails only the known", async () => {
    const known = await makeCustomer();
    const unknown = `${token()}@example.test`;
    const timings: Record<"known" | "unknown", number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 12; i++) {
      for (const [kind, identifier] of [
        ["known", known.email!],
        ["unknown", unknown],
      ] as const) {
        const t0 = performance.now();
        const result = await failure(requestSignInLink({ identifier: i % 2 ? identifier.toUpperCase() : identifier }, { ip: ip(), locale: "vi" }));
        timings[kind].push(performance.now() - t0);
        // Identical outcome: no error, nothing returned (over the per-address ceiling too: quietly not sent).
        expect(result).toBeNull();
      }
    }
    const [a, b] = [median(timings.known), median(timings.unknown)];
    expect(Math.abs(a - b)).toBeLessThan(Math.max(10, 0.5 * Math.max(a, b)));

    await drain();
    expect(await db().emailMessage.count({ where: { to: known.email!, template: "customer_sign_in" } })).toBe(LIMITS.perAddress.limit);
    expect(await db().emailMessage.count({ where: { to: unknown } })).toBe(0);
    expect(await db().signInRequest.count()).toBe(0);
    // The limiter's keys do not spell out who asked, nor can a guessed address be hashed to find them.
    expect(await db().rateLimitBucket.count({ where: { key: { contains: known.email! } } })).toBe(0);
    const plainHash = createHash("sha256").update(known.email!).digest("hex").slice(0, 32);
    expect(await db().rateLimitBucket.count({ where: { key: { contains: plainHash } } })).toBe(0);
  });

  it("finds the customer by phone and sends the link to the email on record", async () => {
    const phone = randomPhone();
    const c = await makeCustomer({ phone });
    await requestSignInLink({ identifier: `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}` }, { ip: ip(), locale: "en" });
    await drain();
    expect(await linkTokenFor(c.email!)).not.toBeNull();
    expect((await failure(requestSignInLink({ identifier: "not an address" }, { ip: ip(), locale: "vi" })))?.fieldErrors).toEqual({
      identifier: "privacy.identifierInvalid",
    });
  });

  it("limits requests per IP address", async () => {
    const from = ip();
    for (let i = 0; i < LIMITS.perIp.limit; i++) await requestSignInLink({ identifier: `${token()}@example.test` }, { ip: from, locale: "vi" });
    expect((await failure(requestSignInLink({ identifier: `${token()}@example.test` }, { ip: from, locale: "vi" })))?.code).toBe("RATE_LIMITED");
    await drain();
  });

  it("uses a link once, within 15 minutes, and refuses tampered ones", async () => {
    const c = await makeCustomer();
    await requestSignInLink({ identifier: c.email! }, { ip: ip(), locale: "vi" });
    await drain();
    const link = (await linkTokenFor(c.email!))!;
    // Staff reading the outbox see the email without its link.
    const stored = await db().emailMessage.findFirstOrThrow({ where: { to: c.email!, template: "customer_sign_in" }, orderBy: { createdAt: "desc" } });
    expect(`${stored.html}${stored.text}${stored.secret}`).not.toContain(link);
    const { sessionToken } = await redeemSignInToken(link);
    expect(await customerForSession(sessionToken)).toMatchObject({ kind: "customer", customerId: c.id });
    expect(await failure(redeemSignInToken(link))).toMatchObject({ code: "EXPIRED", userMessage: "privacy.linkUsed" });
    expect(await failure(redeemSignInToken(`${link.slice(0, -2)}xx`))).toMatchObject({ code: "NOT_FOUND", userMessage: "privacy.linkInvalid" });
    expect(await failure(redeemSignInToken("../../etc"))).toMatchObject({ userMessage: "privacy.linkInvalid" });
    expect(await customerForSession(`${sessionToken}x`)).toBeNull();

    await requestSignInLink({ identifier: c.email! }, { ip: ip(), locale: "vi" });
    await drain();
    const late = (await linkTokenFor(c.email!))!;
    const issued = await db().authToken.findFirstOrThrow({ where: { customerId: c.id, usedAt: null } });
    expect(issued.expiresAt.getTime() - issued.createdAt.getTime()).toBeLessThanOrEqual(15 * 60_000 + 1000);
    // Sixteen minutes later (links and sessions follow real time, so the test moves the row instead).
    await db().authToken.update({ where: { id: issued.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect(await failure(redeemSignInToken(late))).toMatchObject({ code: "EXPIRED", userMessage: "privacy.linkExpired" });
    // Sessions end too, after an hour.
    const session = await db().customerSession.findFirstOrThrow({ where: { customerId: c.id } });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1000);
    await db().customerSession.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await customerForSession(sessionToken)).toBeNull();
  });

  it("cannot be blocked by a stranger asking for someone's links, and answers in the language asked in", async () => {
    const victim = await makeCustomer({ locale: "vi" });
    await requestSignInLink({ identifier: victim.email! }, { ip: "10.66.1.1", locale: "en" });
    await drain();
    const held = (await linkTokenFor(victim.email!))!;
    const sent = await db().emailMessage.findFirstOrThrow({ where: { to: victim.email!, template: "customer_sign_in" }, orderBy: { createdAt: "desc" } });
    expect(sent.subject).toBe("Your sign-in link to My data");
    // A stranger asks again and again, from one address and from many: their own clicks are limited,
    // the customer's mailbox gets at most the per-address ceiling, and the link the customer holds still works.
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i < LIMITS.perAsker.limit + 1; i++)
      outcomes.push((await failure(requestSignInLink({ identifier: victim.email! }, { ip: "10.66.2.2", locale: "vi" })))?.code);
    expect(outcomes.at(-1)).toBe("RATE_LIMITED");
    for (let i = 0; i < LIMITS.perAddress.limit; i++)
      expect(await failure(requestSignInLink({ identifier: victim.email! }, { ip: ip(), locale: "vi" }))).toBeNull();
    await drain();
    const emails = await db().emailMessage.count({ where: { to: victim.email!, template: "customer_sign_in" } });
    expect(emails).toBeGreaterThan(LIMITS.perAsker.limit);
    expect(emails).toBeLessThanOrEqual(LIMITS.perAddress.limit);
    const { sessionToken } = await redeemSignInToken(held);
    expect(await customerForSession(sessionToken)).toMatchObject({ customerId: victim.id });
  });

  it("tells the owner of an address several records share which record each link opens", async () => {
    const shared = `${token()}@example.test`;
    // The register refuses a second record for an address; older data (or a merge not yet done) can hold two.
    const a = await makeCustomer({ email: shared, fullName: `Nguyễn An ${token()}` });
    const b = await db().customer.create({ data: { email: shared, fullName: `Nguyễn Bình ${token()}`, source: "legacy" } });
    await requestSignInLink({ identifier: shared }, { ip: ip(), locale: "vi" });
    await drain();
    const texts = (await db().emailMessage.findMany({ where: { to: shared, template: "customer_sign_in" } })).map((m) => m.text ?? "");
    expect(texts).toHaveLength(2);
    expect(texts.filter((x) => x.includes(a.fullName!) && !x.includes(b.fullName!))).toHaveLength(1);
    expect(texts.filter((x) => x.includes(b.fullName!) && !x.includes(a.fullName!))).toHaveLength(1);
    expect(texts[0]).toContain("Có nhiều hồ sơ");
    // One record alone: no such line.
    const single = await makeCustomer();
    await requestSignInLink({ identifier: single.email! }, { ip: ip(), locale: "vi" });
    await drain();
    expect((await db().emailMessage.findFirstOrThrow({ where: { to: single.email!, template: "customer_sign_in" } })).text).not.toContain("Có nhiều hồ sơ");
  });
});
