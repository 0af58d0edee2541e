// Policy actions through their real wrappers (compliance only).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { day, draftInput, settleAnnouncements } from "@/tests/support/policies";
import { actAsStaff } from "@/tests/support/session";
import {
  campaignProgressAction,
  createDraftAction,
  retryCampaignAction,
  rewordPurposeAction,
  schedulePolicyAction,
  sendReconsentAction,
  updateDraftAction,
} from "./actions";

describe("policy actions", () => {
  it("draft, edit, announce, follow the campaign, retry failures and ask for re-consent; staff are refused", async () => {
    await actAsStaff("STAFF");
    expect(await createDraftAction(draftInput("staff"))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("COMPLIANCE");
    expect(await createDraftAction({ ...draftInput(), bodyVi: "ngắn" })).toMatchObject({ ok: false, error: { fieldErrors: { bodyVi: expect.any(String) } } });
    const draft = await createDraftAction(draftInput("v1", ["advertising"]));
    expect(draft).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const id = (draft as { data: { id: string } }).data.id;
    expect(await updateDraftAction({ id, ...draftInput("v1 sửa", ["advertising"]) })).toMatchObject({ ok: true });
    await settleAnnouncements();
    expect(await schedulePolicyAction({ id, effectiveOn: await day(45), shortNoticeReason: "" })).toMatchObject({ ok: true });
    const progress = await campaignProgressAction({ id });
    expect(progress).toMatchObject({ ok: true });
    const campaign = await db().emailCampaign.findFirstOrThrow({ where: { policyVersionId: id } });
    expect(await retryCampaignAction({ campaignId: campaign.id })).toMatchObject({ ok: true, data: 0 });
    // Re-consent is for a version in force.
    expect(await sendReconsentAction({ id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await settleAnnouncements();
    expect(await sendReconsentAction({ id })).toMatchObject({ ok: true });
    // Whatever this queued is not the business of the other test files.
    await db().emailMessage.updateMany({ where: { campaign: { policyVersionId: id }, status: "QUEUED" }, data: { status: "CANCELLED" } });
  });

  it("reword a purpose as a new version, with the field named when the reason is missing; staff are refused", async () => {
    const key = `act_${Date.now().toString(36)}`;
    await db().purpose.create({
      data: { key, legalBasis: "CONSENT", labelVi: "Thử", labelEn: "Test", descriptionVi: "Mô tả.", descriptionEn: "Text.", active: false },
    });
    const input = { key, basedOn: 0, labelVi: "Thử nghiệm", labelEn: "Trial", descriptionVi: "Mô tả rõ hơn.", descriptionEn: "Clearer text.", reason: "" };
    await actAsStaff("STAFF");
    expect(await rewordPurposeAction({ ...input, reason: "Cho rõ nghĩa hơn." })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("COMPLIANCE");
    expect(await rewordPurposeAction(input)).toMatchObject({
      ok: false,
      error: { code: "BAD_INPUT", fieldErrors: { reason: "Vui lòng ghi lý do, ít nhất 10 ký tự." } },
    });
    expect(await rewordPurposeAction({ ...input, reason: "Cho rõ nghĩa hơn." })).toMatchObject({ ok: true, data: { number: 2 } });
    expect(await db().purpose.findUniqueOrThrow({ where: { key }, select: { labelEn: true } })).toEqual({ labelEn: "Trial" });
  });
});
