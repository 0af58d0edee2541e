import { z } from "zod";
import { emailField, passwordField } from "@/lib/auth/schemas";

export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "validation.required" }).min(1, "validation.required").max(200, "validation.tooLong"),
    password: passwordField,
    confirmPassword: z.string({ error: "validation.required" }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordMismatch" });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const userIdSchema = z.object({ userId: z.uuid({ error: "validation.invalid" }) });
