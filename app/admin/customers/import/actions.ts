"use server";
import { z } from "zod";
import { parsedByLib, staffAction, staffFormAction } from "@/lib/actions/action";
import { checkImport, startImport, uploadImport } from "@/lib/imports/mutations";
import { importProgress } from "@/lib/imports/queries";
import { checkImportSchema, importIdSchema, startImportSchema } from "@/lib/imports/schemas";
import { wake } from "@/lib/jobs/mutations";

export const uploadImportAction = staffFormAction(
  "uploadImportAction",
  z.object({ file: z.instanceof(File, { message: "imports.noFile" }) }),
  async (actor, { file }) => uploadImport(actor, file),
);
export const checkImportAction = staffAction("checkImportAction", parsedByLib(checkImportSchema), async (actor, input) => checkImport(actor, input));
export const startImportAction = staffAction("startImportAction", startImportSchema, async (actor, { id, checkedAt }) => {
  await startImport(actor, id, checkedAt);
  await wake("customer-import");
});
export const importProgressAction = staffAction("importProgressAction", importIdSchema, async (actor, { id }) => importProgress(actor, id));
