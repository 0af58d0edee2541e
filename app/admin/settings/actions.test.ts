// Settings and the holiday table through their real wrappers (administrators only).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readSettings } from "@/lib/settings/queries";
import { actAsStaff } from "@/tests/support/session";
import { addHolidayAction, removeHolidayAction, updateSettingsAction } from "./actions";

describe("settings actions", () => {
  it("save settings with field errors for bad values; compliance are refused", async () => {
    const before = await readSettings();
    await actAsStaff("COMPLIANCE");
    expect(await updateSettingsAction(before)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("ADMIN");
    expect(await updateSettingsAction({ ...before, noticePeriodDays: "-3" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { noticePeriodDays: expect.any(String) } },
    });
    expect(await updateSettingsAction({ ...before, companyName: "Công ty Thử Nghiệm" })).toMatchObject({ ok: true });
    expect((await readSettings()).companyName).toBe("Công ty Thử Nghiệm");
    // The data-protection contact published on /privacy and /privacy/me.
    expect(await updateSettingsAction({ ...before, dpoEmail: "not an email", dpoName: "" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { dpoEmail: expect.any(String), dpoName: expect.any(String) } },
    });
    expect(await updateSettingsAction({ ...before, dpoName: "Chị Lan, phụ trách dữ liệu", dpoEmail: "LAN@Example.test" })).toMatchObject({ ok: true });
    expect(await readSettings()).toMatchObject({ dpoName: "Chị Lan, phụ trách dữ liệu", dpoEmail: "lan@example.test" });
    expect(await updateSettingsAction(before)).toMatchObject({ ok: true });
  });

  it("add and remove a holiday", async () => {
    await actAsStaff("ADMIN");
    expect(await addHolidayAction({ date: "2031-09-02", name: "Quốc khánh" })).toMatchObject({ ok: true });
    expect(await db().holiday.count({ where: { date: new Date("2031-09-02") } })).toBe(1);
    expect(await addHolidayAction({ date: "not a date", name: "" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { date: expect.any(String), name: expect.any(String) } },
    });
    expect(await removeHolidayAction({ date: "2031-09-02" })).toMatchObject({ ok: true });
    expect(await db().holiday.count({ where: { date: new Date("2031-09-02") } })).toBe(0);
  });
});
