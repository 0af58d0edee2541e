import { z } from "zod";

// Messages are i18n keys; forms and the action wrapper translate them.
export const emailField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .pipe(z.email("validation.email"))
  .transform((v) => v.toLowerCase());

export const passwordField = z.string({ error: "validation.required" }).min(10, "validation.passwordTooShort").max(200, "validation.tooLong");

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: "validation.required" }).min(1, "validation.required").max(200, "validation.tooLong"),
  /** The second factor, when the account has one: a 6-digit code or a recovery code. */
  code: z.string().trim().max(40, "validation.tooLong").optional(),
});
export type SignInInput = z.input<typeof signInSchema>;
