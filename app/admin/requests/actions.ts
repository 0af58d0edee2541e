"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parsedByLib, staffAction, staffFormAction } from "@/lib/actions/action";
import {
  acknowledgeRequest,
  clearLegalHold,
  completeRequest,
  extendRequest,
  logRequest,
  rejectRequest,
  setLegalHold,
} from "@/lib/privacy-requests/mutations/desk";
import { setThirdParty, updateRequestRule } from "@/lib/privacy-requests/mutations/rules";
import { erasureBatchProgress } from "@/lib/privacy-requests/queries/desk";
import { confirmRetentionBatch } from "@/lib/privacy-requests/mutations/retention";
import {
  completeSchema,
  confirmRetentionSchema,
  extendSchema,
  clearLegalHoldSchema,
  legalHoldSchema,
  logRequestSchema,
  rejectSchema,
  requestIdSchema,
  requestRuleSchema,
  thirdPartySchema,
} from "@/lib/privacy-requests/schemas";
import { wake } from "@/lib/jobs/mutations";

const refresh = (id?: string) => {
  revalidatePath("/admin/requests");
  if (id) revalidatePath(`/admin/requests/${id}`);
};

export const logRequestAction = staffFormAction("logRequestAction", parsedByLib(logRequestSchema), async (actor, input) => {
  const request = await logRequest(actor, input);
  refresh();
  return { id: request.id };
});

export const acknowledgeRequestAction = staffAction("acknowledgeRequestAction", parsedByLib(requestIdSchema), async (actor, input) => {
  await acknowledgeRequest(actor, input);
  refresh(input.id);
});

export const extendRequestAction = staffAction("extendRequestAction", parsedByLib(extendSchema), async (actor, input) => {
  await extendRequest(actor, input);
  refresh(input.id);
});

export const completeRequestAction = staffAction("completeRequestAction", parsedByLib(completeSchema), async (actor, input) => {
  const result = await completeRequest(actor, input);
  refresh(input.id);
  return result;
});

export const rejectRequestAction = staffAction("rejectRequestAction", parsedByLib(rejectSchema), async (actor, input) => {
  await rejectRequest(actor, input);
  refresh(input.id);
});

export const setLegalHoldAction = staffAction("setLegalHoldAction", parsedByLib(legalHoldSchema), async (actor, input) => {
  await setLegalHold(actor, input);
  revalidatePath(`/admin/customers/${input.customerId}`);
});

export const clearLegalHoldAction = staffAction("clearLegalHoldAction", parsedByLib(clearLegalHoldSchema), async (actor, input) => {
  await clearLegalHold(actor, input);
  revalidatePath(`/admin/customers/${input.customerId}`);
});

export const confirmRetentionAction = staffAction("confirmRetentionAction", parsedByLib(confirmRetentionSchema), async (actor, input) => {
  const batch = await confirmRetentionBatch(actor, input);
  await wake("retention-erasure");
  revalidatePath("/admin/requests/retention");
  return batch;
});

export const erasureProgressAction = staffAction("erasureProgressAction", z.object({ id: z.uuid() }), async (actor, input) =>
  erasureBatchProgress(actor, input.id),
);

export const updateRequestRuleAction = staffAction("updateRequestRuleAction", parsedByLib(requestRuleSchema), async (actor, input) => {
  const result = await updateRequestRule(actor, input);
  revalidatePath("/admin/requests/rules");
  refresh();
  return result;
});

export const setThirdPartyAction = staffAction("setThirdPartyAction", parsedByLib(thirdPartySchema), async (actor, input) => {
  const result = await setThirdParty(actor, input);
  refresh(input.id);
  return result;
});
