// Policy actions through their real wrappers (compliance only).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { day, draftInput, settleAnnouncements } from "@/tests/support/policies";
import { actAsStaff } from "@/tests/support/session";
import { campaignProgressAction, createDraftAction, retryCampaignAction, schedulePolicyAction, sendReconsentAction, updateDraftAction } from "./actions";

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
});
