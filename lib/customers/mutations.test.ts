import { describe, expect, it } from "vitest";
import { listAuditEvents, openSealedDetails } from "@/lib/audit/queries";
import { db } from "@/lib/db";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer } from "@/tests/support/customers";
import { eraseCustomer } from "@/lib/privacy-requests/mutations/erasure";
import { createCustomer, terminateCustomer, updateCustomer } from "./mutations";
import { listCustomers } from "./queries";
import { customerFilterSchema } from "./schemas";

describe("editing customers", () => {
  it("audits every change with the values before and after", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer({ organization: "" });
    await updateCustomer(staff, { ...c, customerId: c.id, organization: "Công ty Mới", phone: "" });
    const stored = await db().auditEvent.findFirstOrThrow({ where: { action: "customer.updated", entityId: c.id } });
    // Sealed with the customer's key in the chain (erasure shreds the key), readable in the log.
    expect(JSON.stringify(stored.details)).not.toContain("Công ty Mới");
    const [audit] = await openSealedDetails([stored]);
    expect(audit.details).toEqual({
      changes: { organization: { before: null, after: "Công ty Mới" }, phone: { before: `+84${c.phone!.slice(1)}`, after: null } },
    });
    // In the audit log, compliance read the values; administrators (no access to the register) do not.
    const inLog = async (role: "ADMIN" | "COMPLIANCE") =>
      JSON.stringify((await listAuditEvents(await makeStaff(role), { action: "customer.updated" })).rows.find((r) => r.entityId === c.id)?.details);
    expect(await inLog("COMPLIANCE")).toContain("Công ty Mới");
    expect(await inLog("ADMIN")).not.toContain("Công ty Mới");
    expect(await inLog("ADMIN")).toContain("[sealed]");
  });

  it("stores names, addresses and organisations composed (NFC), so a decomposed entry is found and shown like any other", async () => {
    const staff = await makeStaff("STAFF");
    const tag = `${Date.now()}`;
    const typed = { fullName: `Nguyễn Thị Hà ${tag}`, address: "12 Phố Huế, Hà Nội", organization: "Công ty Ánh Dương" };
    const nfd = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, v.normalize("NFD")]));
    const { id } = await createCustomer(staff, { ...nfd, email: "", phone: "", locale: "vi", status: "LEAD" });
    expect(await db().customer.findUniqueOrThrow({ where: { id }, select: { fullName: true, address: true, organization: true } })).toEqual(typed);
    const found = async (q: string) => (await listCustomers(staff, customerFilterSchema.parse({ q }))).rows.map((r) => r.id);
    expect(await found(`Nguyễn Hà ${tag}`.normalize("NFD"))).toEqual([id]);
    expect(await found(`nguyen ha ${tag}`)).toEqual([id]);
  });

  it("never write a record back that an erasure took meanwhile", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    let erasing!: () => void;
    const erased = new Promise<void>((r) => (erasing = r));
    const erasure = db().$transaction(
      async (tx) => {
        await eraseCustomer(tx, { kind: "system", label: "test" }, c.id, {});
        erasing();
        // Still open while the edit starts: the edit must wait for it, then see the erasure.
        await new Promise((r) => setTimeout(r, 300));
      },
      { timeout: 10_000 },
    );
    await erased;
    const edit = updateCustomer(staff, { ...c, customerId: c.id, fullName: "Viết Lại" }).then(
      () => "written",
      (e) => e.code,
    );
    await erasure;
    expect(await edit).toBe("NOT_FOUND");
    expect(await db().customer.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "ERASED", fullName: null, email: null });
  });

  it("are refused to administrators", async () => {
    const admin = await makeStaff("ADMIN");
    const c = await makeCustomer();
    await expect(createCustomer(admin, { ...c, email: "new@example.test", phone: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateCustomer(admin, { ...c, customerId: c.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a second record for the same email or phone, on the field", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    await expect(createCustomer(staff, { ...c, email: c.email!.toUpperCase(), phone: "" })).rejects.toMatchObject({
      fieldErrors: { email: "customers.exists" },
    });
    await expect(createCustomer(staff, { ...c, email: "", phone: `+84 ${c.phone!.slice(1)}` })).rejects.toMatchObject({
      fieldErrors: { phone: "customers.exists" },
    });
  });

  it("terminates the service with a date and reason, once", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer({ status: "ACTIVE" });
    await terminateCustomer(staff, { customerId: c.id, date: "2026-10-01", reason: "Hết hợp đồng" });
    const row = await db().customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "TERMINATED", terminationReason: "Hết hợp đồng" });
    expect(row.terminatedAt?.toISOString()).toBe("2026-09-30T17:00:00.000Z");
    await expect(terminateCustomer(staff, { customerId: c.id, date: "2026-10-02", reason: "lại" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(terminateCustomer(await makeStaff("ADMIN"), { customerId: c.id, date: "2026-10-02", reason: "x x x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("changing a customer's email", () => {
  it("is for compliance only (it is the key to their privacy page), and ends their sessions and links", async () => {
    const c = await makeCustomer();
    const staff = await makeStaff("STAFF");
    await expect(updateCustomer(staff, { ...c, customerId: c.id, email: "mine@staff.example" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      fieldErrors: { email: "customers.emailChangeCompliance" },
    });
    await db().customerSession.create({ data: { tokenHash: `h-${c.id}`, customerId: c.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    await updateCustomer(await makeStaff("COMPLIANCE"), { ...c, customerId: c.id, email: `new.${c.email}` });
    expect(await db().customerSession.count({ where: { customerId: c.id } })).toBe(0);
    // Other fields stay open to staff.
    await updateCustomer(staff, { ...c, email: `new.${c.email}`, customerId: c.id, organization: "Công ty Khác" });
  });
});
