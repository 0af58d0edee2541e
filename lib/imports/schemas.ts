import { z } from "zod";
import { mappingSchema } from "./mapping";

export const checkImportSchema = z.object({
  id: z.uuid(),
  mapping: mappingSchema,
  evidence: z.string().trim().max(1000, "validation.tooLong").default(""),
});
export type CheckImportInput = z.input<typeof checkImportSchema>;

export const importIdSchema = z.object({ id: z.uuid() });

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
