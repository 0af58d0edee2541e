// Marketing campaign actions through their real wrapper: field errors in the app's language, the
// sending rules for COMPLIANCE alone, and administrators kept out of marketing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_MARKETING_RULES } from "@/lib/campaigns/schemas";
import { token } from "@/tests/support/customers";
import { actAsStaff } from "@/tests/support/session";
import {
  cancelCampaignAction,
  pauseCampaignAction,
  previewAudienceAction,
  previewEmailAction,
  resumeCampaignAction,
  saveCampaignAction,
  scheduleCampaignAction,
  sendTestEmailAction,
  updateMarketingRulesAction,
} from "./actions";

const draft = () => ({
  id: "",
  name: `Sự kiện ${token()}`,
  purposeKey: "promotions_events" as const,
  subjectVi: "Mời dự hội thảo",
  subjectEn: "Join our seminar",
  bodyVi: "Chào {{name}},\n\nMời bạn dự hội thảo chuyển đổi số ngày 15/12.",
  bodyEn: "Hello {{name}},\n\nJoin our digital transformation seminar on 15 December.",
  audience: { statuses: ["LEAD" as const], organization: `Org ${token()}` },
});

describe("campaign actions", () => {
  it("save, preview, test, schedule, pause, resume and cancel; field errors in Vietnamese", async () => {
    const staff = await actAsStaff("STAFF");
    expect(await saveCampaignAction({ ...draft(), name: "", bodyVi: "ngắn", audience: { statuses: [] } })).toMatchObject({
      ok: false,
      error: {
        fieldErrors: {
          name: "Đặt tên cho chiến dịch (ít nhất 3 ký tự).",
          bodyVi: "Nhập nội dung (ít nhất 10 ký tự).",
          "audience.statuses": "Chọn ít nhất một nhóm khách hàng.",
        },
      },
    });
    const saved = await saveCampaignAction(draft());
    if (!saved.ok) throw new Error(saved.error.message);
    const { id } = saved.data;

    const preview = await previewEmailAction({ ...draft(), locale: "en" });
    expect(preview).toMatchObject({ ok: true, data: { subject: "[ADV] Join our seminar" } });
    expect(preview.ok && preview.data.html).toContain(staff.name);
    expect(await previewAudienceAction({ purposeKey: "promotions_events", audience: { statuses: ["LEAD"], organization: `none ${token()}` } })).toMatchObject({
      ok: true,
      data: { eligible: 0, total: 0 },
    });

    expect(await sendTestEmailAction({ id })).toMatchObject({ ok: true, data: { to: staff.email } });
    const tests = await db().emailMessage.findMany({ where: { to: staff.email }, select: { subject: true } });
    expect(tests.map((m) => m.subject).sort()).toEqual(["[TEST] [ADV] Join our seminar", "[TEST] [QC] Mời dự hội thảo"]);

    expect(await scheduleCampaignAction({ id, sendOn: "2020-01-01", sendTime: "09:00" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { sendOn: "Thời điểm này đã qua." } },
    });
    expect(await scheduleCampaignAction({ id, sendOn: "2099-01-01", sendTime: "9h" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { sendTime: "Nhập giờ dạng 09:30." } },
    });
    expect(await scheduleCampaignAction({ id, sendOn: "2099-01-01", sendTime: "09:00" })).toMatchObject({ ok: true });
    expect(await saveCampaignAction({ ...draft(), id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await pauseCampaignAction({ id })).toMatchObject({ ok: false, error: { message: "Không thể làm việc này với chiến dịch ở trạng thái hiện tại." } });
    await db().emailCampaign.update({ where: { id }, data: { status: "QUEUED", queuedAt: new Date() } });
    expect(await pauseCampaignAction({ id })).toMatchObject({ ok: true });
    expect(await resumeCampaignAction({ id })).toMatchObject({ ok: true });
    expect(await db().emailCampaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED" });
    expect(await cancelCampaignAction({ id })).toMatchObject({ ok: true });
    expect(await db().emailCampaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CANCELLED" });
  });

  it("keeps the sending rules to COMPLIANCE, with a reason, and keeps administrators out", async () => {
    await actAsStaff("STAFF");
    const change = { ...DEFAULT_MARKETING_RULES, windowEndHour: 21, reason: "Tránh gửi muộn vào buổi tối" };
    expect(await updateMarketingRulesAction(change)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("ADMIN");
    expect(await saveCampaignAction(draft())).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("COMPLIANCE");
    expect(await updateMarketingRulesAction({ ...change, reason: "" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { reason: "Ghi lý do (ít nhất 10 ký tự)." } },
    });
    expect(await updateMarketingRulesAction(change)).toMatchObject({ ok: true });
    expect(await updateMarketingRulesAction(change)).toMatchObject({ ok: false, error: { message: "Không có gì thay đổi." } });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "campaign.rules_changed" }, orderBy: { createdAt: "desc" } });
    expect(audit.details).toMatchObject({ reason: change.reason, changes: { windowEndHour: { before: 22, after: 21 } } });
    expect(await updateMarketingRulesAction({ ...DEFAULT_MARKETING_RULES, reason: "Trở lại mặc định sau thử nghiệm" })).toMatchObject({ ok: true });
  });
});
