"use server";
import { revalidatePath } from "next/cache";
import { parsedByLib, staffAction } from "@/lib/actions/action";
import { createForm, updateForm } from "@/lib/forms/mutations";
import { formInputSchema, formUpdateSchema, submissionIdSchema } from "@/lib/forms/schemas";
import { markSubmissionAnswered, setLeadWatchers } from "@/lib/leads/mutations";
import { answeredSchema, leadWatchersSchema } from "@/lib/leads/schemas";
import { revealSubmissionContact } from "@/lib/submissions/mutations";

export const createFormAction = staffAction("createFormAction", parsedByLib(formInputSchema), async (actor, input) => {
  const form = await createForm(actor, input);
  revalidatePath("/admin/forms");
  return form;
});

export const updateFormAction = staffAction("updateFormAction", parsedByLib(formUpdateSchema), async (actor, input) => {
  const form = await updateForm(actor, input);
  revalidatePath("/admin/forms");
  revalidatePath(`/admin/forms/${input.id}`);
  return form;
});

export const revealSubmissionContactAction = staffAction("revealSubmissionContactAction", submissionIdSchema, async (actor, { submissionId }) =>
  revealSubmissionContact(actor, submissionId),
);

export const setLeadWatchersAction = staffAction("setLeadWatchersAction", parsedByLib(leadWatchersSchema), async (actor, input) => {
  const result = await setLeadWatchers(actor, input);
  revalidatePath(`/admin/forms/${input.formId}/submissions`);
  return result;
});

export const markAnsweredAction = staffAction("markAnsweredAction", parsedByLib(answeredSchema), async (actor, input) => markSubmissionAnswered(actor, input));
