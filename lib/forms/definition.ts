// What a form asks: shared by the editor (client), the public renderer and the submission checks.
import { z } from "zod";

export const PERSONAL_FIELDS = ["fullName", "email", "phone", "address", "organization"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];
export const FIELD_MODES = ["off", "optional", "required"] as const;
export type FieldMode = (typeof FIELD_MODES)[number];

export const QUESTION_TYPES = ["short_text", "long_text", "single_choice", "multiple_choice", "rating"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const LIMITS = {
  shortText: 300,
  longText: 4000,
  address: 500,
  questions: 30,
  options: 20,
  label: 300,
  intro: 2000,
  origins: 20,
} as const;

const label = z.string().trim().min(1, "validation.required").max(LIMITS.label, "validation.tooLong");

export const optionSchema = z.object({
  key: z.string().regex(/^[a-z0-9_-]{1,40}$/, "validation.invalid"),
  labelVi: label,
  labelEn: label,
});

export const questionSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9_-]{1,40}$/, "validation.invalid"),
    type: z.enum(QUESTION_TYPES),
    labelVi: label,
    labelEn: label,
    required: z.boolean(),
    options: z.array(optionSchema).max(LIMITS.options, "forms.tooManyOptions").default([]),
  })
  .refine((q) => !(q.type === "single_choice" || q.type === "multiple_choice") || q.options.length >= 2, {
    path: ["options"],
    message: "forms.needTwoOptions",
  })
  .refine((q) => new Set(q.options.map((o) => o.key)).size === q.options.length, { path: ["options"], message: "forms.duplicateOption" });

export type Question = z.output<typeof questionSchema>;

export const fieldModesSchema = z.object(
  Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, z.enum(FIELD_MODES)])) as Record<
    PersonalField,
    z.ZodEnum<{ off: "off"; optional: "optional"; required: "required" }>
  >,
);
export type FieldModes = z.output<typeof fieldModesSchema>;

export const DEFAULT_FIELD_MODES: FieldModes = {
  fullName: "required",
  email: "required",
  phone: "optional",
  address: "off",
  organization: "optional",
};

/** Reads the stored JSON defensively: a row edited by hand never crashes a public page. */
export function readFieldModes(value: unknown): FieldModes {
  const parsed = fieldModesSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_FIELD_MODES;
}

export function readQuestions(value: unknown): Question[] {
  const parsed = z.array(questionSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** An answer as people read it: option labels instead of keys, lists joined. */
export function answerText(q: Question, value: unknown, locale: "vi" | "en"): string {
  if (value === undefined || value === null) return "";
  const label = (key: unknown) => {
    const option = q.options.find((o) => o.key === key);
    return option ? (locale === "en" ? option.labelEn : option.labelVi) : String(key);
  };
  return Array.isArray(value) ? value.map(label).join("; ") : label(value);
}
