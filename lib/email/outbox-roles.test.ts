// The outbox for the people who run it: an ADMIN (no access to the register) sees that a customer was
// written to, masked, without the words; staff mail and compliance officers see everything.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeCustomer } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { enqueueEmail } from "./mutations";
import { getOutboxMessage, listOutbox } from "./queries";
import { renderEmail } from "./render";

async function mailTo(address: string) {
  const rendered = await renderEmail(
    "breach_notice",
    "vi",
    { reference: "SC-00042", notice: "Hệ thống của chúng tôi đã gặp sự cố liên quan đến dữ liệu của bạn.", link: "http://x/privacy/me" },
    "Công ty Test",
  );
  return db().$transaction((tx) => enqueueEmail(tx, address, rendered));
}

describe("the outbox by role", () => {
  it("masks customers' addresses and withholds their messages from administrators, not from compliance", async () => {
    const customer = await makeCustomer();
    const colleague = await makeStaff("STAFF");
    const toCustomer = await mailTo(customer.email!);
    const toStaff = await mailTo(colleague.email);
    const admin = await makeStaff("ADMIN");
    const officer = await makeStaff("COMPLIANCE");

    const listed = (await listOutbox(admin)).rows;
    const customerRow = listed.find((r) => r.id === toCustomer.id)!;
    expect(customerRow.to).not.toContain(customer.email!.split("@")[0]);
    expect(customerRow.to).toMatch(/^.•••@/);
    expect(listed.find((r) => r.id === toStaff.id)?.to).toBe(colleague.email);
    expect(await getOutboxMessage(admin, toCustomer.id)).toMatchObject({ withheld: true, html: "", text: "" });
    expect(await getOutboxMessage(admin, toStaff.id)).toMatchObject({ withheld: false, text: expect.stringContaining("SC-00042") });

    expect((await listOutbox(officer)).rows.find((r) => r.id === toCustomer.id)?.to).toBe(customer.email);
    expect(await getOutboxMessage(officer, toCustomer.id)).toMatchObject({ withheld: false, to: customer.email, text: expect.stringContaining("SC-00042") });
  });
});
