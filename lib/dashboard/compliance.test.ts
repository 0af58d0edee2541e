import { describe, expect, it } from "vitest";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { makeStaff } from "@/tests/support/factories";
import { disclosuresPerMonth, requestSlaPerMonth } from "./queries";

// Figures are totals over a shared database: each test reads the current month before and after
// adding its own rows, and checks the difference.
const vnMonth = (date: Date) => new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
const HOUR = 3_600_000;

describe("compliance dashboard figures", () => {
  it("counts requests answered by their deadline (extended one included) and late ones, in the month they closed; cancelled ones are not answers", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const at = await now();
    const month = vnMonth(at);
    const before = (await requestSlaPerMonth(officer)).find((m) => m.month === month)!;
    const request = (status: "COMPLETED" | "REJECTED" | "CANCELLED", dueAt: Date, extendedDueAt?: Date) =>
      db().privacyRequest.create({
        // Closed at once, so the rule its deadlines came from is never read again.
        data: { type: "ACCESS", channel: "EMAIL", status, receivedAt: at, acknowledgeDueAt: at, dueAt, extendedDueAt, completedAt: at, rule: {} },
      });
    await request("COMPLETED", new Date(at.getTime() + HOUR)); // on time
    await request("REJECTED", new Date(at.getTime() - HOUR), new Date(at.getTime() + HOUR)); // on time thanks to the extension
    await request("COMPLETED", new Date(at.getTime() - HOUR)); // late
    await request("CANCELLED", new Date(at.getTime() - HOUR)); // not counted
    const after = (await requestSlaPerMonth(officer)).find((m) => m.month === month)!;
    expect({ onTime: after.onTime - before.onTime, late: after.late - before.late }).toEqual({ onTime: 2, late: 1 });
  });

  it("counts approved disclosures and the customers they carried, per month; drafts and rejected ones are not disclosures", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const month = vnMonth(new Date());
    const series = await disclosuresPerMonth(officer);
    expect(series).toHaveLength(12);
    expect(series.at(-1)?.month).toBe(vnMonth(await now()));
    const before = series.find((m) => m.month === month) ?? { disclosures: 0, customers: 0 };
    const recipient = await db().recipient.create({ data: { name: "Đối tác thử", category: "ADVERTISING" } });
    const disclosure = (status: "APPROVED" | "DELIVERED" | "DRAFT" | "REJECTED", itemsIncluded: number) =>
      db().disclosure.create({
        data: { recipientId: recipient.id, reason: "Thử", fields: ["fullName"], selection: {}, preparedById: officer.id, status, itemsIncluded },
      });
    await disclosure("APPROVED", 3);
    await disclosure("DELIVERED", 4);
    await disclosure("DRAFT", 50);
    await disclosure("REJECTED", 60);
    const after = (await disclosuresPerMonth(officer)).find((m) => m.month === month) ?? { disclosures: 0, customers: 0 };
    // The app's clock may run ahead of the wall clock in this suite; the rows are dated by the database's now().
    expect({ disclosures: after.disclosures - before.disclosures, customers: after.customers - before.customers }).toEqual({ disclosures: 2, customers: 7 });
  });

  it("follow the areas: staff (who prepare shipments and look at the desk) see them, administrators do not", async () => {
    await expect(requestSlaPerMonth(await makeStaff("STAFF"))).resolves.toHaveLength(12);
    await expect(disclosuresPerMonth(await makeStaff("STAFF"))).resolves.toHaveLength(12);
    await expect(disclosuresPerMonth(await makeStaff("ADMIN"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requestSlaPerMonth(await makeStaff("ADMIN"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
