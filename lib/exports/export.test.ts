import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { customerFilterSchema } from "@/lib/customers/schemas";
import { translator } from "@/lib/i18n/translate";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer, token } from "@/tests/support/customers";
import { recordCustomerExport } from "./mutations";
import { streamCustomerCsv } from "./queries";

async function exportAs(role: "STAFF" | "COMPLIANCE", q: string) {
  const actor = await makeStaff(role);
  let done: { rows: number; complete: boolean } | undefined;
  const stream = await streamCustomerCsv(actor, customerFilterSchema.parse({ q }), translator("en"), async (rows, complete) => {
    done = { rows, complete };
    await recordCustomerExport(actor, { q }, rows, complete);
  });
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return {
    actor,
    text,
    done,
    lines: text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n"),
  };
}

describe("customer CSV export", () => {
  it("streams the filtered rows with the role's columns, spreadsheet-safe, and audits the row count", async () => {
    const tag = token();
    await makeCustomer({ fullName: `=cmd|' /C calc'!A0 ${tag}`, organization: "+SUM(A1)" });
    await makeCustomer({ fullName: `Normal ${tag}` });
    const compliance = await exportAs("COMPLIANCE", tag);
    expect(compliance.text.startsWith("\uFEFF")).toBe(true);
    expect(compliance.lines[0]).toBe(
      "Customer ID,Full name,Email,Phone number,Address,Organisation / company,Status,Source,Language,Created (UTC),Consents given",
    );
    expect(compliance.lines).toHaveLength(3);
    expect(compliance.text).toContain(`"'=cmd|' /C calc'!A0 ${tag}"`);
    expect(compliance.text).toContain(`"'+SUM(A1)"`);
    expect(compliance.done).toEqual({ rows: 2, complete: true });
    // Codes are written as people read them: status, source and language in the export's language.
    expect(compliance.lines[1]).toContain('"Lead","Entered by staff","Tiếng Việt"');
    expect(compliance.text).not.toMatch(/"LEAD"|"staff"|"vi"/);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "customers.exported", actorId: compliance.actor.id } });
    // That a search narrowed it, not the words typed (often a name): the chain is permanent.
    expect(audit.details).toMatchObject({ rows: 2, complete: true, filter: { q: "[search]" } });
    expect(JSON.stringify(audit.details)).not.toContain(tag);

    const staff = await exportAs("STAFF", tag);
    expect(staff.lines[0]).not.toContain("Phone number");
    expect(staff.lines[0]).not.toContain("Address");
    expect(staff.lines).toHaveLength(3);
  });

  it("is refused to administrators", async () => {
    await expect(streamCustomerCsv(await makeStaff("ADMIN"), customerFilterSchema.parse({}), translator("en"), async () => {})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
