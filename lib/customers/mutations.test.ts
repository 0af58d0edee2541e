import { describe, expect, it } from "vitest";
import { openSealedDetails } from "@/lib/audit/queries";
import { db } from "@/lib/db";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer } from "@/tests/support/customers";
import { createCustomer, terminateCustomer, updateCustomer } from "./mutations";

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
    await expect(createCustomer(staff, { ...c, email: c.email!.toUpperCase(), phone: "" })).rejects.toMatchObject({ fieldErrors: { email: "customers.exists" } });
    await expect(createCustomer(staff, { ...c, email: "", phone: `+84 ${c.phone!.slice(1)}` })).rejects.toMatchObject({ fieldErrors: { phone: "customers.exists" } });
  });

  it("terminates the service with a date and reason, once", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer({ status: "ACTIVE" });
    await terminateCustomer(staff, { customerId: c.id, date: "2026-10-01", reason: "Hết hợp đồng" });
    const row = await db().customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "TERMINATED", terminationReason: "Hết hợp đồng" });
    expect(row.terminatedAt?.toISOString()).toBe("2026-09-30T17:00:00.000Z");
    await expect(terminateCustomer(staff, { customerId: c.id, date: "2026-10-02", reason: "lại" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(terminateCustomer(await makeStaff("ADMIN"), { customerId: c.id, date: "2026-10-02", reason: "x x x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
