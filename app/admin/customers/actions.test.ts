import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeCustomer } from "@/tests/support/customers";
import { actAsStaff } from "@/tests/support/session";
import { mergeCustomersAction } from "./actions";

describe("merge through its action (issue 11.4)", () => {
  it("STAFF merge two records of one email, but not two strangers", async () => {
    const a = await makeCustomer();
    const b = await makeCustomer();
    await db().customer.update({ where: { id: b.id }, data: { email: a.email } });
    const stranger = await makeCustomer();
    await actAsStaff("STAFF");
    expect(await mergeCustomersAction({ keepId: a.id, mergeId: stranger.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await mergeCustomersAction({ keepId: a.id, mergeId: b.id })).toMatchObject({ ok: true, data: { keepId: a.id } });
    expect(await db().customer.count({ where: { id: { in: [a.id, b.id, stranger.id] } } })).toBe(2);
  });

  it("COMPLIANCE merge strangers only with a reason, shown on the field", async () => {
    const [a, b] = [await makeCustomer(), await makeCustomer()];
    await actAsStaff("COMPLIANCE");
    const refused = await mergeCustomersAction({ keepId: a.id, mergeId: b.id, reason: "" });
    expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { reason: expect.stringMatching(/ít nhất 10 ký tự/) } } });
    expect(await mergeCustomersAction({ keepId: a.id, mergeId: b.id, reason: "Confirmed in person with ID card" })).toMatchObject({ ok: true });
  });
});
