"use server";
import { revalidatePath } from "next/cache";
import { parsedByLib, staffAction } from "@/lib/actions/action";
import { requeueCampaignFailures } from "@/lib/email/mutations";
import { wake } from "@/lib/jobs/mutations";
import { createDraft, schedulePolicy, sendReconsentRequests, updateDraft } from "@/lib/policies/mutations";
import { campaignProgress } from "@/lib/policies/queries";
import { draftSchema, policyIdSchema, scheduleSchema, updateDraftSchema } from "@/lib/policies/schemas";
import { rewordPurpose } from "@/lib/purposes/mutations";
import { rewordSchema } from "@/lib/purposes/schemas";
import { z } from "zod";

export const createDraftAction = staffAction("createDraftAction", parsedByLib(draftSchema), async (actor, input) => {
  const version = await createDraft(actor, input);
  revalidatePath("/admin/policies");
  return version;
});

export const updateDraftAction = staffAction("updateDraftAction", parsedByLib(updateDraftSchema), async (actor, input) => {
  await updateDraft(actor, input);
  revalidatePath(`/admin/policies/${input.id}`);
});

export const schedulePolicyAction = staffAction("schedulePolicyAction", parsedByLib(scheduleSchema), async (actor, input) => {
  await schedulePolicy(actor, input);
  await wake("policy-activation", "campaign-queue", "campaign-send");
  revalidatePath("/admin/policies");
  revalidatePath(`/admin/policies/${input.id}`);
});

export const campaignProgressAction = staffAction("campaignProgressAction", policyIdSchema, async (actor, { id }) => campaignProgress(actor, id));

export const retryCampaignAction = staffAction("retryCampaignAction", z.object({ campaignId: z.uuid() }), async (actor, { campaignId }) => {
  const count = await requeueCampaignFailures(actor, campaignId);
  await wake("campaign-send");
  return count;
});

export const sendReconsentAction = staffAction("sendReconsentAction", policyIdSchema, async (actor, { id }) => {
  await sendReconsentRequests(actor, id);
  await wake("campaign-queue", "campaign-send");
  revalidatePath(`/admin/policies/${id}`);
});

export const rewordPurposeAction = staffAction("rewordPurposeAction", parsedByLib(rewordSchema), async (actor, input) => {
  const version = await rewordPurpose(actor, input);
  revalidatePath("/admin/policies/purposes");
  revalidatePath(`/admin/policies/purposes/${input.key}`);
  return version;
});
