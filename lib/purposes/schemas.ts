import { z } from "zod";

export const MIN_REWORD_REASON = 10;

const text = (max: number) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(max, "validation.tooLong")
    .refine((value) => value.isWellFormed() && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), "validation.invalid");

/**
 * A new wording for a purpose. `basedOn` is the version the officer was looking at: if someone else
 * reworded it meanwhile, the change is refused instead of silently overwriting theirs.
 */
export const rewordSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,60}$/, "validation.invalid"),
  basedOn: z.coerce.number().int().min(0),
  labelVi: text(120),
  labelEn: text(120),
  descriptionVi: text(1000),
  descriptionEn: text(1000),
  reason: z.string().trim().min(MIN_REWORD_REASON, "purposes.reasonTooShort").max(1000, "validation.tooLong"),
});
export type RewordInput = z.input<typeof rewordSchema>;
