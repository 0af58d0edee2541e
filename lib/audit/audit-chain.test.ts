import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { makeStaff } from "@/tests/support/factories";
import { recordAudit } from "./mutations";
import { verifyAuditChain } from "./queries";

const system = systemActor("test");

async function appendEvents(count: number) {
  const ids: bigint[] = [];
  for (let i = 0; i < count; i++) {
    await db().$transaction((tx) => recordAudit(tx, system, { action: "test.event", entityType: "Test", details: { i } }));
    const last = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    ids.push(last!.id);
  }
  return ids;
}

/** Edits a row behind the trigger's back (as an attacker with table-owner rights could) and returns an undo. */
async function tamper(sql: string) {
  await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
  try {
    await db().$executeRawUnsafe(sql);
  } finally {
    await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
  }
}

describe("audit hash chain", () => {
  it("links each event to the previous one", async () => {
    const [a, b] = await appendEvents(2);
    const rows = await db().auditEvent.findMany({ where: { id: { in: [a, b] } }, orderBy: { id: "asc" } });
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(system)).toMatchObject({ ok: true });
  });

  it("refuses UPDATE and DELETE in the database itself", async () => {
    const [id] = await appendEvents(1);
    await expect(db().auditEvent.update({ where: { id }, data: { action: "forged" } })).rejects.toThrow();
    await expect(db().auditEvent.delete({ where: { id } })).rejects.toThrow();
  });

  it("detects an edited row and says which one", async () => {
    const [, target] = await appendEvents(3);
    await tamper(`UPDATE "AuditEvent" SET details = '{"i": 999}' WHERE id = ${target}`);
    try {
      expect(await verifyAuditChain(system)).toMatchObject({ ok: false, brokenAtId: target.toString(), reason: "hash" });
    } finally {
      await tamper(`UPDATE "AuditEvent" SET details = '{"i": 1}' WHERE id = ${target}`);
    }
    expect(await verifyAuditChain(system)).toMatchObject({ ok: true });
  });

  it("detects a deleted row at the event after the gap", async () => {
    const [, removed, after] = await appendEvents(3);
    const row = await db().auditEvent.findUniqueOrThrow({ where: { id: removed } });
    await tamper(`DELETE FROM "AuditEvent" WHERE id = ${removed}`);
    try {
      expect(await verifyAuditChain(system)).toMatchObject({ ok: false, brokenAtId: after.toString(), reason: "link" });
    } finally {
      // Put the row back exactly as it was (the chain trigger is disabled so it keeps its id and hashes).
      await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_chain"`);
      await db()
        .$executeRaw`INSERT INTO "AuditEvent" (id, "createdAt", "actorType", "actorId", "actorLabel", action, "entityType", "entityId", ip, details, "prevHash", hash)
        VALUES (${row.id}, ${row.createdAt}, ${row.actorType}, ${row.actorId}, ${row.actorLabel}, ${row.action}, ${row.entityType}, ${row.entityId}, ${row.ip}, ${JSON.stringify(row.details)}::jsonb, ${row.prevHash}, ${row.hash})`;
      await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_chain"`);
    }
    expect(await verifyAuditChain(system)).toMatchObject({ ok: true });
  });

  it("keeps the chain intact under concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db().$transaction((tx) => recordAudit(tx, system, { action: "test.concurrent", entityType: "Test", details: { i } })),
      ),
    );
    expect(await verifyAuditChain(system)).toMatchObject({ ok: true });
  });

  it("is verified only by compliance and admin", async () => {
    const staff = await makeStaff("STAFF");
    await expect(verifyAuditChain(staff)).rejects.toBeInstanceOf(AppError);
    await expect(verifyAuditChain(await makeStaff("COMPLIANCE"))).resolves.toMatchObject({ ok: true });
  });
});
