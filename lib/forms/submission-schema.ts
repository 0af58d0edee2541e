// Validates one submission against the form's own definition. Shared by the HTML form handler and
// the JSON API; messages are i18n keys, translated into the form's language at the boundary.
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { LIMITS, PERSONAL_FIELDS, type FieldModes, type PersonalField, type Question } from "./definition";
import { cleanLine, cleanText, normalizeEmail, normalizePhone } from "./normalize";

export type FormShape = { fields: FieldModes; questions: Question[]; purposeKeys: string[] };

const MAX_LENGTH: Record<PersonalField, number> = {
  fullName: 120,
  email: 254,
  phone: 40,
  address: LIMITS.address,
  organization: 200,
};

const optionalText = (max: number, clean: (v: string) => string) =>
  z
    .union([z.string(), z.number()], { error: "publicForm.invalid" })
    .transform((v) => clean(String(v)))
    .pipe(z.string().max(max, "publicForm.tooLong"))
    .optional();

const emailFormat = z.email();

function personalField(name: PersonalField, mode: FieldModes[PersonalField]) {
  // One line, except an address (several lines on a form's text area).
  return optionalText(MAX_LENGTH[name], name === "address" ? cleanText : cleanLine).transform((v, ctx) => {
    if (v === undefined || v === "") {
      if (mode === "required") ctx.addIssue({ code: "custom", message: "publicForm.required" });
      return undefined;
    }
    if (name === "email") {
      if (!emailFormat.safeParse(v).success) ctx.addIssue({ code: "custom", message: "publicForm.email" });
      return normalizeEmail(v);
    }
    if (name === "phone") {
      const phone = normalizePhone(v);
      if (!phone) ctx.addIssue({ code: "custom", message: "publicForm.phone" });
      return phone ?? undefined;
    }
    return v;
  });
}

type Answer = string | string[] | number | undefined;

/** Turns raw input into the stored answer, or reports why it is not acceptable. */
function readAnswer(q: Question, raw: unknown): { value?: Answer; error?: string } {
  const keys = q.options.map((o) => o.key);
  const blank = raw === undefined || raw === null || raw === "" || (Array.isArray(raw) && raw.length === 0);
  const choice = q.type !== "short_text" && q.type !== "long_text";
  if (blank) return q.required ? { error: choice ? "publicForm.requiredChoice" : "publicForm.required" } : {};
  switch (q.type) {
    case "short_text":
    case "long_text": {
      if (typeof raw !== "string" && typeof raw !== "number") return { error: "publicForm.invalid" };
      const text = (q.type === "short_text" ? cleanLine : cleanText)(String(raw));
      if (text.length > (q.type === "short_text" ? LIMITS.shortText : LIMITS.longText)) return { error: "publicForm.tooLong" };
      return text ? { value: text } : q.required ? { error: "publicForm.required" } : {};
    }
    case "single_choice":
      return typeof raw === "string" && keys.includes(raw) ? { value: raw } : { error: "publicForm.choice" };
    case "multiple_choice": {
      const list = Array.isArray(raw) ? raw : [raw];
      const ok = list.every((x) => typeof x === "string" && keys.includes(x)) && new Set(list).size === list.length;
      return ok ? { value: list as string[] } : { error: "publicForm.choice" };
    }
    case "rating": {
      const n = Number(raw);
      return Number.isInteger(n) && n >= 1 && n <= 5 ? { value: n } : { error: "publicForm.rating" };
    }
  }
}

export function submissionSchema(form: FormShape) {
  const fieldShape = Object.fromEntries(PERSONAL_FIELDS.filter((f) => form.fields[f] !== "off").map((f) => [f, personalField(f, form.fields[f])]));
  const questionKeys = new Set(form.questions.map((q) => q.key));

  return z
    .object({
      // Fields the form does not ask for are dropped, never stored (data minimisation).
      fields: z.object(fieldShape).default({}),
      answers: z
        .record(z.string(), z.unknown(), { error: "publicForm.invalid" })
        .default({})
        .transform((raw, ctx) => {
          for (const key of Object.keys(raw)) {
            if (!questionKeys.has(key)) ctx.addIssue({ code: "custom", path: [key], message: "publicForm.unknownQuestion" });
          }
          const answers: Record<string, Answer> = {};
          for (const q of form.questions) {
            const { value, error } = readAnswer(q, raw[q.key]);
            if (error) ctx.addIssue({ code: "custom", path: [q.key], message: error });
            else if (value !== undefined) answers[q.key] = value;
          }
          return answers;
        }),
      consents: z
        .array(z.string(), { error: "publicForm.invalid" })
        .max(50)
        .default([])
        .refine((keys) => keys.every((k) => form.purposeKeys.includes(k)), "publicForm.unknownPurpose")
        .transform((keys) => [...new Set(keys)]),
      locale: z.enum(LOCALES).default("vi"),
      idempotencyKey: z.string({ error: "publicForm.idempotencyKey" }).regex(/^[A-Za-z0-9_.:-]{8,100}$/, "publicForm.idempotencyKey"),
      /** Honeypot: people never see it; bots fill it in. */
      website: z.string().max(500).optional(),
    })
    .superRefine((value, ctx) => {
      const f = value.fields as Partial<Record<PersonalField, string>>;
      if (value.consents.length > 0 && !f.email && !f.phone) {
        const path = form.fields.email !== "off" ? ["fields", "email"] : form.fields.phone !== "off" ? ["fields", "phone"] : ["consents"];
        ctx.addIssue({ code: "custom", path, message: "publicForm.contactForConsent" });
      }
    });
}

export type SubmissionInput = z.output<ReturnType<typeof submissionSchema>>;

/** Field names as the public form and the API report them: "email", "answers.q1", "consents". */
export function issuePath(path: PropertyKey[]): string {
  const parts = path.map(String);
  return parts[0] === "fields" ? parts.slice(1).join(".") || "fields" : parts.join(".");
}
