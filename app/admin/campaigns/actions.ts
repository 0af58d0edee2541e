"use server";
import { revalidatePath } from "next/cache";
import { parsedByLib, staffAction } from "@/lib/actions/action";
import { changeCampaignState, previewEmail, saveCampaign, scheduleCampaign, sendTestEmail, updateMarketingRules } from "@/lib/campaigns/mutations/marketing";
import { audiencePreview } from "@/lib/campaigns/queries";
import {
  campaignIdSchema,
  previewAudienceSchema,
  previewEmailSchema,
  saveCampaignSchema,
  scheduleCampaignSchema,
  updateMarketingRulesSchema,
} from "@/lib/campaigns/schemas";

const refresh = (id?: string) => {
  revalidatePath("/admin/campaigns");
  if (id) revalidatePath(`/admin/campaigns/${id}`);
};

export const saveCampaignAction = staffAction("saveCampaignAction", parsedByLib(saveCampaignSchema), async (actor, input) => {
  const saved = await saveCampaign(actor, input);
  refresh(saved.id);
  return saved;
});

export const scheduleCampaignAction = staffAction("scheduleCampaignAction", parsedByLib(scheduleCampaignSchema), async (actor, input) => {
  const result = await scheduleCampaign(actor, input);
  refresh(input.id);
  return result;
});

export const pauseCampaignAction = staffAction("pauseCampaignAction", parsedByLib(campaignIdSchema), async (actor, input) => {
  await changeCampaignState(actor, input, "pause");
  refresh(input.id);
});

export const resumeCampaignAction = staffAction("resumeCampaignAction", parsedByLib(campaignIdSchema), async (actor, input) => {
  await changeCampaignState(actor, input, "resume");
  refresh(input.id);
});

export const cancelCampaignAction = staffAction("cancelCampaignAction", parsedByLib(campaignIdSchema), async (actor, input) => {
  await changeCampaignState(actor, input, "cancel");
  refresh(input.id);
});

export const sendTestEmailAction = staffAction("sendTestEmailAction", parsedByLib(campaignIdSchema), sendTestEmail);

export const previewEmailAction = staffAction("previewEmailAction", parsedByLib(previewEmailSchema), previewEmail);

export const previewAudienceAction = staffAction("previewAudienceAction", previewAudienceSchema, (actor, input) =>
  audiencePreview(actor, input.purposeKey, input.audience),
);

export const updateMarketingRulesAction = staffAction("updateMarketingRulesAction", parsedByLib(updateMarketingRulesSchema), async (actor, input) => {
  await updateMarketingRules(actor, input);
  revalidatePath("/admin/campaigns/rules");
});
