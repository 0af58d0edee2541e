import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer, randomPhone, token } from "@/tests/support/customers";
import { revealContact } from "./mutations";
import { countCustomers, getCustomer, listCustomers } from "./queries";
import { customerFilterSchema } from "./schemas";

const system = systemActor("test");
const find = async (q: string, extra: Record<string, string> = {}) =>
  (await listCustomers(system, customerFilterSchema.parse({ q, ...extra }))).rows.map((r) => r.id);

describe("customer search", () => {
  it("matches part of a name or organisation with or without accents, an email, or a phone in any format", async () => {
    const tag = token();
    const phone = randomPhone();
    const a = await makeCustomer({ fullName: `Nguyễn Văn Đức ${tag}`, organization: `Công ty Ánh Dương ${tag}`, email: `duc.${tag}@example.test`, phone });
    const b = await makeCustomer({ fullName: `Trần Thị Lan ${tag}`, organization: "" });
    expect(await find(`nguyen duc ${tag}`)).toEqual([a.id]);
    expect(await find(`NGUYỄN ${tag}`)).toEqual([a.id]);
    expect(await find(`đức ${tag}`)).toEqual([a.id]);
    expect(await find(`anh duong ${tag}`)).toEqual([a.id]);
    expect((await find(tag)).sort()).toEqual([a.id, b.id].sort());
    expect(await find(`duc.${tag}@example`)).toEqual([a.id]);
    expect(await find(`${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`)).toEqual([a.id]);
    expect(await find(`+84 ${phone.slice(1)}`)).toEqual([a.id]);
    expect(await find(`lan nguyen ${tag}`)).toEqual([]);
  });

  it("finds whole words (the last may be unfinished) — two-letter names, email words — and fragments only when asked to search inside words", async () => {
    const tag = token();
    const vy = await makeCustomer({ fullName: `Lê Thị Vy ${tag}`, email: `vy.le92.${tag}@congty.vn` });
    const vyn = await makeCustomer({ fullName: `Phạm Vyn ${tag}`, organization: "", email: "" });
    const huy = await makeCustomer({ fullName: `Nguyễn Huy ${tag}`, organization: `Công ty Hà Thành ${tag}`, email: "" });
    // A two-letter given name, accents optional; typed last, "vy" also finds "Vyn", as typing would.
    expect((await find(`${tag} Vy`)).sort()).toEqual([vy.id, vyn.id].sort());
    expect(await find(`Vy ${tag}`)).toEqual([vy.id]);
    expect(await find(`le vy ${tag}`)).toEqual([vy.id]);
    // Typing as you go: the last word may be unfinished; the others are whole words.
    expect(await find(`${tag} Ngu`)).toEqual([huy.id]);
    expect(await find(`Ngu ${tag}`)).toEqual([]);
    expect(await find(`Ngu ${tag}`, { match: "inside" })).toEqual([huy.id]);
    expect(await find(`ha thanh ${tag}`)).toEqual([huy.id]);
    // The words of the email, split at its punctuation (but never the phone).
    expect(await find(`le92 ${tag}`)).toEqual([vy.id]);
    expect(await find(`congty ${tag}`)).toEqual([vy.id]);
    // Inside a word: not by default…
    expect(await find(`guyen ${tag}`)).toEqual([]);
    expect(await find(`${tag.slice(2)}`)).toEqual([]);
    // …but on request, the trigram search finds fragments anywhere.
    expect(await find(`guyen ${tag}`, { match: "inside" })).toEqual([huy.id]);
    expect((await find(`${tag.slice(2)}`, { match: "inside" })).length).toBe(3);
    expect(await countCustomers(system, customerFilterSchema.parse({ q: `guyen ${tag}`, match: "inside" }))).toEqual({ count: 1, capped: false });
    // Letters whose accents fold into text-search syntax are searched, never an error.
    for (const q of ["ʻa", "aː b", "ŉ", "⑴ ¼", `${tag} ʻ`]) {
      await expect(find(q), q).resolves.toBeInstanceOf(Array);
      await expect(countCustomers(system, customerFilterSchema.parse({ q })), q).resolves.toHaveProperty("count");
    }
    expect(await find(`${tag} ʻ`)).toHaveLength(3); // "ʻ" folds to a quote: nothing left of it to look for
    // Punctuation separates words; a search of punctuation alone finds nobody.
    expect(await find(`vy.le92 ${tag}`)).toEqual([vy.id]);
    expect(await find("%%%")).toEqual([]);
  });

  it("treats % and _ as plain characters when searching inside words", async () => {
    const tag = token();
    await makeCustomer({ fullName: `Percent ${tag}` });
    expect(await find(`%${tag}`, { match: "inside" })).toEqual([]);
    expect(await find(`_${tag.slice(1)}`, { match: "inside" })).toEqual([]);
    expect(await find(`${tag.slice(1)}`, { match: "inside" })).toHaveLength(1);
  });

  it("pages with cursors both ways, in every sort order", async () => {
    const tag = token();
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push((await makeCustomer({ fullName: `Trang ${String(i).padStart(2, "0")} ${tag}` })).id);
    for (const sort of ["newest", "oldest", "name"] as const) {
      const first = await listCustomers(system, customerFilterSchema.parse({ q: tag, sort }));
      expect(first.rows).toHaveLength(25);
      expect(first.prev).toBeNull();
      const second = await listCustomers(system, customerFilterSchema.parse({ q: tag, sort, after: first.next! }));
      expect(second.rows).toHaveLength(5);
      expect(second.next).toBeNull();
      expect(new Set([...first.rows, ...second.rows].map((r) => r.id))).toEqual(new Set(ids));
      const back = await listCustomers(system, customerFilterSchema.parse({ q: tag, sort, before: second.prev! }));
      expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }
    const byName = await listCustomers(system, customerFilterSchema.parse({ q: tag, sort: "name" }));
    expect(byName.rows[0].fullName).toBe(`Trang 00 ${tag}`);
    expect(await countCustomers(system, customerFilterSchema.parse({ q: tag }))).toEqual({ count: 30, capped: false });
  });

  it("reads and pages by creation time in UTC when the server runs on Vietnam time", async () => {
    const tag = token();
    const made = [];
    for (let i = 0; i < 27; i++) made.push(await makeCustomer({ fullName: `Giờ ${i} ${tag}` }));
    const saved = process.env.TZ;
    process.env.TZ = "Asia/Ho_Chi_Minh";
    try {
      const stored = await db().customer.findMany({ where: { id: { in: made.map((c) => c.id) } }, select: { id: true, createdAt: true } });
      const first = await listCustomers(system, customerFilterSchema.parse({ q: tag }));
      for (const row of first.rows) expect(row.createdAt).toEqual(stored.find((s) => s.id === row.id)?.createdAt);
      // The cursor carries a time: read back in the wrong zone, the next page would skip or repeat rows.
      const second = await listCustomers(system, customerFilterSchema.parse({ q: tag, after: first.next! }));
      expect(new Set([...first.rows, ...second.rows].map((r) => r.id))).toEqual(new Set(made.map((c) => c.id)));
      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      expect((await listCustomers(system, customerFilterSchema.parse({ q: tag, from: today, to: today }))).rows).toHaveLength(25);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("filters by status and by current consent to a purpose", async () => {
    const tag = token();
    const granted = await makeCustomer({ fullName: `Granted ${tag}` });
    const withdrawn = await makeCustomer({ fullName: `Withdrawn ${tag}` });
    const purpose = await db().purpose.findUniqueOrThrow({ where: { key: "surveys" } });
    const event = (customerId: string, action: "GRANTED" | "WITHDRAWN", minutesAgo: number) =>
      db().consentEvent.create({
        data: { customerId, purposeId: purpose.id, action, source: "STAFF", wording: "x", givenAt: new Date(Date.now() - minutesAgo * 60_000) },
      });
    await event(granted.id, "GRANTED", 10);
    await event(withdrawn.id, "GRANTED", 10);
    await event(withdrawn.id, "WITHDRAWN", 5);
    expect(await find(tag, { purpose: "surveys" })).toEqual([granted.id]);
    expect(await find(tag, { purpose: "surveys", consent: "WITHDRAWN" })).toEqual([withdrawn.id]);
    expect(await find(tag, { status: "ACTIVE" })).toEqual([]);
  });
});

describe("contact masking", () => {
  it("masks phone and address for STAFF, shows them to COMPLIANCE, and audits a reveal", async () => {
    const c = await makeCustomer();
    const staff = await makeStaff("STAFF");
    const compliance = await makeStaff("COMPLIANCE");
    const phone = `+84${c.phone!.slice(1)}`;
    const masked = await getCustomer(staff, c.id);
    expect(masked?.masked).toBe(true);
    expect(masked?.phone).not.toBe(phone);
    expect(masked?.phone).toBe(`${phone.slice(0, 5)}••••${phone.slice(-3)}`);
    expect(masked?.address).not.toContain("Phố Huế");
    expect((await listCustomers(staff, customerFilterSchema.parse({ q: c.email! }))).rows[0].phone).toBe(masked?.phone);
    expect((await getCustomer(compliance, c.id))?.phone).toBe(phone);

    expect(await revealContact(staff, c.id)).toEqual({ phone, address: "12 Phố Huế, Hà Nội" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "customer.contact_revealed", entityId: c.id } });
    expect(audit.actorId).toBe(staff.id);
  });

  it("lets STAFF find a masked phone number only whole, never digit by digit", async () => {
    const c = await makeCustomer();
    const staff = await makeStaff("STAFF");
    const compliance = await makeStaff("COMPLIANCE");
    const ids = async (actor: typeof staff, q: string) => (await listCustomers(actor, customerFilterSchema.parse({ q }))).rows.map((r) => r.id);
    const part = c.phone!.slice(0, 8); // the first digits: a guess at the hidden middle
    expect(await ids(staff, part)).not.toContain(c.id);
    expect(await ids(staff, c.phone!)).toEqual([c.id]);
    expect(await ids(compliance, part)).toContain(c.id);
    // Nor by words: the word index holds neither the phone nor the (masked) address.
    const tag = token();
    const hidden = await makeCustomer({ address: `12 ngõ ${tag}, Hà Nội` });
    for (const actor of [staff, compliance]) {
      expect(await ids(actor, tag)).toEqual([]);
      expect(await ids(actor, hidden.phone!.slice(-6))).not.toContain(hidden.id);
    }
  });

  it("refuses the register to administrators", async () => {
    const admin = await makeStaff("ADMIN");
    const c = await makeCustomer();
    for (const call of [() => listCustomers(admin, customerFilterSchema.parse({})), () => getCustomer(admin, c.id), () => revealContact(admin, c.id)]) {
      await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" } satisfies Partial<AppError>);
    }
  });
});
