"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parsedByLib, staffAction } from "@/lib/actions/action";
import { approveApiKey, refuseApiKey } from "@/lib/api-keys/mutations";
import { apiKeyIdSchema } from "@/lib/api-keys/schemas";
import { createProcessor, generateRecordDocument, updateProcessor } from "@/lib/records/mutations";
import { generateDocumentSchema, processorSchema } from "@/lib/records/schemas";

/** Adds a processor, or changes one when `id` is given. */
export const saveProcessorAction = staffAction(
  "saveProcessorAction",
  parsedByLib(processorSchema.extend({ id: z.uuid().optional() })),
  async (actor, input) => {
    const result = input.id ? await updateProcessor(actor, input) : await createProcessor(actor, input);
    revalidatePath("/admin/records");
    return result;
  },
);

export const generateRecordDocumentAction = staffAction("generateRecordDocumentAction", parsedByLib(generateDocumentSchema), async (actor, input) => {
  const document = await generateRecordDocument(actor, input);
  revalidatePath("/admin/records");
  return document;
});

/** A compliance officer lets a key that reaches personal data work. */
export const approveApiKeyAction = staffAction("approveApiKeyAction", parsedByLib(apiKeyIdSchema), async (actor, input) => {
  await approveApiKey(actor, input);
  revalidatePath("/admin/records/api-keys");
});

/** A compliance officer refuses a waiting key or stops an approved one. */
export const refuseApiKeyAction = staffAction("refuseApiKeyAction", parsedByLib(apiKeyIdSchema), async (actor, input) => {
  await refuseApiKey(actor, input);
  revalidatePath("/admin/records/api-keys");
});
