// The form editor's input, shared by the react-hook-form resolver and the server action.
import { z } from "zod";
import { FIELD_MODES, fieldModesSchema, LIMITS, questionSchema } from "./definition";

export const FORM_KINDS = ["LEAD", "SURVEY"] as const;
export const FORM_STATUSES = ["DRAFT", "PUBLISHED", "CLOSED"] as const;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * "https://shop.example.com/page" → "https://shop.example.com"; anything else → null. Only https
 * (plain http only on this computer, for trying a page out): on an unencrypted page anyone on the
 * network could change the consent boxes a visitor sees.
 */
export function toOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) return null;
    return url.origin;
  } catch {
    return null;
  }
}

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");

export const formInputSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$/, "forms.slugFormat"),
    kind: z.enum(FORM_KINDS),
    status: z.enum(FORM_STATUSES),
    titleVi: text(200).min(1, "validation.required"),
    titleEn: text(200).min(1, "validation.required"),
    introVi: text(LIMITS.intro),
    introEn: text(LIMITS.intro),
    fields: fieldModesSchema,
    questions: z
      .array(questionSchema)
      .max(LIMITS.questions, "forms.tooManyQuestions")
      .refine((qs) => new Set(qs.map((q) => q.key)).size === qs.length, "forms.duplicateQuestion"),
    purposeKeys: z.array(z.string().regex(/^[a-z0-9_]{1,60}$/)).max(20),
    thankYouVi: text(1000),
    thankYouEn: text(1000),
    redirectUrl: z
      .string()
      .trim()
      .max(500, "validation.tooLong")
      .refine((v) => v === "" || toOrigin(v) !== null, "forms.redirectUrl"),
    /** One origin per line in the editor, or a list. */
    allowedOrigins: z.union([z.string().max(4000, "validation.tooLong"), z.array(z.string().max(300)).max(100)]).transform((v, ctx) => {
      const lines = (Array.isArray(v) ? v : v.split(/[\s,]+/)).filter(Boolean);
      const origins = lines.map(toOrigin);
      if (origins.some((o) => o === null)) ctx.addIssue({ code: "custom", message: "forms.originFormat" });
      if (lines.length > LIMITS.origins) ctx.addIssue({ code: "custom", message: "forms.tooManyOrigins" });
      return [...new Set(origins.filter((o): o is string => o !== null))];
    }),
  })
  .refine((f) => f.purposeKeys.length === 0 || f.fields.email !== "off" || f.fields.phone !== "off", {
    path: ["purposeKeys"],
    message: "forms.consentNeedsContact",
  })
  .refine((f) => f.kind === "SURVEY" || Object.values(f.fields).some((m) => m !== "off"), {
    path: ["fields"],
    message: "forms.leadNeedsFields",
  });

export type FormInput = z.input<typeof formInputSchema>;
export type FormValues = z.output<typeof formInputSchema>;

export const formIdSchema = z.object({ id: z.uuid() });
export { FIELD_MODES };

/** Editing: the same fields plus the form's id (an intersection keeps error paths at the top level). */
export const formUpdateSchema = z.intersection(z.object({ id: z.uuid() }), formInputSchema);

export const submissionIdSchema = z.object({ submissionId: z.uuid() });

export const proposalDecisionSchema = z.object({ submissionId: z.uuid(), decision: z.enum(["APPLY", "DISMISS"]) });
