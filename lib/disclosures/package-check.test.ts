// The package's COPY checks everyone included once more with the join form of the exclusion rules
// (leftOutSql); the list is built with their CASE form (exclusionCase). The two must never disagree,
// and a package must never go out with someone the rules would now leave out.
import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { purposeIdByKey } from "@/lib/customers/queries";
import { recordSharingObjection } from "@/lib/customers/mutations";
import { db } from "@/lib/db";
import { makeCustomer, token } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { Prisma } from "@/generated/prisma/client";
import { approveDisclosure, buildDisclosureItems, createRecipient, downloadPackage, prepareDisclosure } from "./mutations";
import { dropNewlyExcluded } from "./mutations/shared";
import { exclusionCase, leftOutSql } from "./mutations/shared";
import { EXCLUDES, type RecipientCategory } from "./rules";

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** One customer in each state the rules look at, and a few in two at once. */
async function everyState() {
  const staff = await makeStaff("STAFF");
  const tag = token();
  const consent = async (customerId: string, action: "GRANTED" | "WITHDRAWN") =>
    recordStaffConsent(staff, { customerId, purposeKey: "advertising", action, givenOn: today(), method: "PAPER", documentRef: "Phiếu" });
  const make = async (name: string, status: "LEAD" | "ACTIVE" = "LEAD") => (await makeCustomer({ fullName: `${name} ${tag}`, status })).id;
  const people: Record<string, string> = {};
  people.agreed = await make("Đồng Ý");
  people.agreedActive = await make("Đang Dùng", "ACTIVE");
  people.neverAsked = await make("Chưa Hỏi");
  people.withdrew = await make("Rút Lại");
  people.terminated = await make("Chấm Dứt", "ACTIVE");
  people.erased = await make("Đã Xoá");
  people.objected = await make("Phản Đối");
  people.objectedSilent = await make("Phản Đối Im Lặng");
  people.terminatedSilent = await make("Chấm Dứt Im Lặng", "ACTIVE");
  for (const key of ["agreed", "agreedActive", "withdrew", "terminated", "erased", "objected"]) await consent(people[key], "GRANTED");
  await consent(people.withdrew, "WITHDRAWN");
  for (const key of ["objected", "objectedSilent"]) await recordSharingObjection(staff, { customerId: people[key], note: "Gọi điện" });
  for (const key of ["terminated", "terminatedSilent"]) {
    await db().customer.update({ where: { id: people[key] }, data: { status: "TERMINATED", terminatedAt: new Date() } });
  }
  await db().customer.update({ where: { id: people.erased }, data: { status: "ERASED", fullName: null, erasedAt: new Date() } });
  return { staff, tag, people };
}

/** An advertising disclosure to the given customers, sorted and waiting for an officer's approval. */
async function advertising(world: Awaited<ReturnType<typeof everyState>>, ids: string[]) {
  const officer = await makeStaff("COMPLIANCE");
  const recipient = await createRecipient(officer, { name: `Quảng cáo ${world.tag}`, category: "ADVERTISING" });
  const { id } = await prepareDisclosure(world.staff, {
    recipientId: recipient.id,
    reason: "Gửi thư mời hội thảo",
    fields: ["fullName", "address"],
    selection: { kind: "ids", ids },
  });
  while ((await buildDisclosureItems(50)) > 0) {}
  return { id, officer };
}

describe("the package's own check", () => {
  it("leaves out exactly whom the list's rules leave out, for every kind of recipient", async () => {
    const { people } = await everyState();
    const ids = Object.values(people);
    const purposeId = await purposeIdByKey("advertising");
    const seen = new Set<string>();
    for (const category of Object.keys(EXCLUDES) as RecipientCategory[]) {
      const check = leftOutSql(category, purposeId);
      const rows = await db().$queryRaw<{ id: string; reason: string | null; leftOut: boolean }[]>`
        SELECT c.id, ${exclusionCase(category, purposeId)} AS reason, (${Prisma.raw(check.leftOut)}) AS "leftOut"
        FROM "Customer" c ${Prisma.raw(check.join)} WHERE c.id = ANY(${ids}::uuid[])`;
      expect(rows).toHaveLength(ids.length);
      for (const row of rows) {
        expect({ category, id: row.id, leftOut: row.leftOut }).toEqual({ category, id: row.id, leftOut: row.reason !== null });
        seen.add(`${category}:${row.reason ?? "IN"}`);
      }
    }
    // Every rule of every category was met by someone above, and someone was let through.
    for (const [category, reasons] of Object.entries(EXCLUDES)) for (const reason of [...reasons, "IN"]) expect(seen).toContain(`${category}:${reason}`);
    // Without the purpose nobody can have agreed to advertising; both forms say so.
    const none = leftOutSql("ADVERTISING", null);
    const [row] = await db().$queryRaw<{ reason: string | null; leftOut: boolean }[]>`
      SELECT ${exclusionCase("ADVERTISING", null)} AS reason, (${Prisma.raw(none.leftOut)}) AS "leftOut"
      FROM "Customer" c ${Prisma.raw(none.join)} WHERE c.id = ${people.agreed}::uuid`;
    expect(row).toEqual({ reason: "NO_CONSENT", leftOut: true });
  });

  it("refuses in the database to copy an included customer who would now be left out", async () => {
    const world = await everyState();
    const { tag, people } = world;
    const { id, officer } = await advertising(world, Object.values(people));
    // An item marked included by hand for someone who withdrew: the check is the database's, not the list's.
    await db().disclosureItem.updateMany({ where: { disclosureId: id, customerId: people.withdrew }, data: { included: true, exclusionReason: null } });
    const purposeId = await purposeIdByKey("advertising");
    const check = leftOutSql("ADVERTISING", purposeId);
    await expect(
      db().$queryRawUnsafe(`SELECT count(*) FROM "DisclosureItem" i JOIN "Customer" c ON c.id = i."customerId" ${check.join}
        WHERE i."disclosureId" = '${id}' AND i.included AND CASE WHEN ${check.leftOut} THEN disclosure_item_changed(i.id) ELSE true END`),
    ).rejects.toThrow(/no longer allowed in its package/);

    // Approval drops them with the reason, audited, and writes the package without them.
    await approveDisclosure(officer, id);
    expect(await db().disclosureItem.findFirstOrThrow({ where: { disclosureId: id, customerId: people.withdrew } })).toMatchObject({
      included: false,
      exclusionReason: "NO_CONSENT",
    });
    expect(await db().auditEvent.count({ where: { action: "disclosure.customers_dropped", entityId: id } })).toBe(1);
    const parts: Buffer[] = [];
    for await (const part of (await downloadPackage(officer, id)).body) parts.push(part);
    const csv = Buffer.concat(parts).toString("utf8");
    expect(csv).toContain(`Đồng Ý ${tag}`);
    expect(csv).toContain(`Đang Dùng ${tag}`);
    for (const gone of ["Rút Lại", "Chưa Hỏi", "Chấm Dứt", "Phản Đối"]) expect(csv).not.toContain(`${gone} ${tag}`);
    expect(csv.trim().split("\n")).toHaveLength(3); // the header and the two who agreed
    // Only one package is kept: the refused write left nothing behind.
    const d = await db().disclosure.findUniqueOrThrow({ where: { id } });
    expect(await db().attachment.findMany({ where: { filename: `disclosure-${id}.csv` }, select: { id: true } })).toEqual([{ id: d.packageFileId }]);
  });

  it("writes the package again before it goes out when someone was dropped after it was written, even by another download", async () => {
    const world = await everyState();
    const { staff, tag, people } = world;
    const { id, officer } = await advertising(world, [people.agreed, people.agreedActive]);
    await approveDisclosure(officer, id);
    // They object; another download drops them but never gets to write the package again (it failed,
    // or is still writing). The next download must not hand out the package that still holds them.
    await recordSharingObjection(staff, { customerId: people.agreedActive, note: "Gọi điện" });
    expect(await dropNewlyExcluded(officer, id, "ADVERTISING")).toBe(1);
    const parts: Buffer[] = [];
    for await (const part of (await downloadPackage(officer, id)).body) parts.push(part);
    const csv = Buffer.concat(parts).toString("utf8");
    expect(csv).toContain(`Đồng Ý ${tag}`);
    expect(csv).not.toContain(`Đang Dùng ${tag}`);
    const d = await db().disclosure.findUniqueOrThrow({ where: { id } });
    expect(d.packageExclusionsVersion).toBe(d.exclusionsVersion);
  });

  it("quotes a shipment's reference safely and defuses it as a cell, whatever characters it holds", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    const recipient = await createRecipient(systemActor("test"), { name: `Giao hàng ${token()}`, category: "SHIPPING" });
    const reference = String.raw`=HYPERLINK("http://x") \' ; DROP TABLE "Customer"; --`;
    const { id } = await prepareDisclosure(staff, {
      recipientId: recipient.id,
      reason: "Giao hợp đồng bản giấy",
      fields: ["fullName", "reference"],
      reference,
      selection: { kind: "ids", ids: [c.id] },
    });
    while ((await buildDisclosureItems(50)) > 0) {}
    await approveDisclosure(staff, id);
    const parts: Buffer[] = [];
    for await (const part of (await downloadPackage(staff, id)).body) parts.push(part);
    const csv = Buffer.concat(parts).toString("utf8");
    expect(csv).toContain(`"'${reference.replaceAll('"', '""')}"`);
    expect(await db().customer.count({ where: { id: c.id } })).toBe(1);
  });
});
