import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { uniqueEmail } from "@/tests/support/factories";
import { actAsStaff } from "@/tests/support/session";
import { requeueEmailAction } from "./actions";

describe("outbox actions", () => {
  it("send a kept email again; staff are refused", async () => {
    const rendered = await renderEmail(
      "privacy_digest",
      "vi",
      { overdue: [], dueSoon: [], missingHolidayYears: [2031], link: "http://x/admin/requests" },
      "Công ty",
    );
    const { id } = await db().$transaction((tx) => enqueueEmail(tx, uniqueEmail("kept"), rendered));
    await db().emailMessage.update({ where: { id }, data: { status: "CAPTURED" } });
    await actAsStaff("STAFF");
    expect(await requeueEmailAction({ id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("COMPLIANCE");
    expect(await requeueEmailAction({ id })).toMatchObject({ ok: true });
    expect((await db().emailMessage.findUniqueOrThrow({ where: { id } })).status).toBe("QUEUED");
    await db().emailMessage.update({ where: { id }, data: { status: "CANCELLED" } });
  });
});
