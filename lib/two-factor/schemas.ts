import { z } from "zod";

export const enableTwoFactorSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, "login.codeInvalid"),
});
export type EnableTwoFactorInput = z.input<typeof enableTwoFactorSchema>;

export const disableTwoFactorSchema = z.object({
  password: z.string({ error: "validation.required" }).min(1, "validation.required").max(200, "validation.tooLong"),
});
export type DisableTwoFactorInput = z.input<typeof disableTwoFactorSchema>;
