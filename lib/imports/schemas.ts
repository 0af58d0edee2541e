import { z } from "zod";
import { mappingSchema } from "./mapping";

export const checkImportSchema = z.object({
  id: z.uuid(),
  mapping: mappingSchema,
  evidence: z.string().trim().max(1000, "validation.tooLong").default(""),
});
export type CheckImportInput = z.input<typeof checkImportSchema>;

export const importIdSchema = z.object({ id: z.uuid() });
/** Starting names the dry run the person looked at: a mapping changed since (another tab, a colleague) is not started unseen. */
export const startImportSchema = z.object({ id: z.uuid(), checkedAt: z.string().min(1).max(40) });

export type ImportReport = {
  checkedAt: string;
  validRows: number;
  /** Different people among the valid rows (a person on several rows is written once). */
  people: number;
  errorRows: number;
  blankLines: number;
  formulaCells: number;
  errors: { row: number; column: string; message: string }[];
  failure?: string;
};
