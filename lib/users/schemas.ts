import { z } from "zod";
import { emailField, passwordField } from "@/lib/auth/schemas";
import { ROLES } from "@/lib/auth/roles";
import { LOCALES } from "@/lib/i18n/config";

const nameField = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(120, "validation.tooLong");

const roleField = z.enum(ROLES, { error: "validation.role" });
const userId = z.uuid({ error: "validation.invalid" });

export const inviteUserSchema = z.object({ email: emailField, name: nameField, role: roleField, locale: z.enum(LOCALES).default("vi") });
export type InviteUserInput = z.input<typeof inviteUserSchema>;

export const changeRoleSchema = z.object({ userId, role: roleField });
export const setDisabledSchema = z.object({ userId, disabled: z.boolean() });
export const resendInviteSchema = z.object({ userId });

export const setPasswordSchema = z
  .object({
    token: z.string().min(20, "setPassword.invalidLink").max(200, "setPassword.invalidLink"),
    password: passwordField,
    confirmPassword: z.string({ error: "validation.required" }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordMismatch" });
export type SetPasswordInput = z.input<typeof setPasswordSchema>;

export const createUserSchema = z.object({ email: emailField, name: nameField, role: roleField, password: passwordField });

export const localeSchema = z.object({ locale: z.enum(LOCALES) });
