"use server";
import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/action";
import { createForm, updateForm } from "@/lib/forms/mutations";
import { formInputSchema, formUpdateSchema, submissionIdSchema } from "@/lib/forms/schemas";
import { revealSubmissionContact } from "@/lib/submissions/mutations";

export const createFormAction = staffAction("createFormAction", formInputSchema, async (actor, input) => {
  const form = await createForm(actor, input);
  revalidatePath("/admin/forms");
  return form;
});

export const updateFormAction = staffAction("updateFormAction", formUpdateSchema, async (actor, { id, ...values }) => {
  const form = await updateForm(actor, id, values);
  revalidatePath("/admin/forms");
  revalidatePath(`/admin/forms/${id}`);
  return form;
});

export const revealSubmissionContactAction = staffAction("revealSubmissionContactAction", submissionIdSchema, async (actor, { submissionId }) => revealSubmissionContact(actor, submissionId));
