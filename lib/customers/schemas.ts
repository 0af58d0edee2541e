import { z } from "zod";
import { cleanLine, cleanText, normalizeEmail, normalizePhone } from "@/lib/forms/normalize";
import { LOCALES } from "@/lib/i18n/config";

export const CUSTOMER_STATUSES = ["LEAD", "ACTIVE", "TERMINATED", "ERASED"] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const CUSTOMER_SORTS = ["newest", "oldest", "name"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
/** How text is searched: from the start of words (the word index), or anywhere inside them. */
export const SEARCH_MATCHES = ["words", "inside"] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

const optionalText = (max: number, clean: (v: string) => string = cleanLine) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .transform((v) => clean(v) || null);

/** Create and edit. Empty strings clear a value; email and phone are normalised like on forms. */
export const customerInputSchema = z
  .object({
    fullName: optionalText(120),
    email: z
      .string()
      .trim()
      .max(254, "validation.tooLong")
      .refine((v) => v === "" || z.email().safeParse(v).success, "validation.email")
      .transform((v) => (v ? normalizeEmail(v) : null)),
    phone: z
      .string()
      .trim()
      .max(40, "validation.tooLong")
      .refine((v) => v === "" || normalizePhone(v) !== null, "customers.phoneInvalid")
      .transform((v) => (v ? normalizePhone(v) : null)),
    address: optionalText(500, cleanText),
    organization: optionalText(200),
    locale: z.enum(LOCALES),
    status: z.enum(["LEAD", "ACTIVE"]),
  })
  .refine((c) => c.email || c.phone || c.fullName, { path: ["fullName"], message: "customers.needSomething" });
export type CustomerInput = z.input<typeof customerInputSchema>;
export type CustomerValues = z.output<typeof customerInputSchema>;

export const customerIdSchema = z.object({ customerId: z.uuid() });
export const updateCustomerSchema = z.intersection(customerIdSchema, customerInputSchema);

export const terminateSchema = z.object({
  customerId: z.uuid(),
  date: z.iso.date("validation.date"),
  reason: z.string().trim().min(3, "validation.required").max(1000, "validation.tooLong"),
});
export type TerminateInput = z.input<typeof terminateSchema>;

/** A merge; `reason` is the compliance officer's written approval, needed when the two share no contact. */
export const mergeSchema = z
  .object({ keepId: z.uuid(), mergeId: z.uuid(), reason: z.string().trim().max(1000, "validation.tooLong").optional().default("") })
  .refine((m) => m.keepId !== m.mergeId, { path: ["mergeId"], message: "customers.mergeSame" });

/** The list's filters, straight from the URL (shareable; unknown values are ignored, never errors). */
export const customerFilterSchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  status: z.enum(CUSTOMER_STATUSES).optional().catch(undefined),
  source: z.string().trim().max(100).optional().catch(undefined),
  purpose: z
    .string()
    .regex(/^[a-z0-9_]{1,60}$/)
    .optional()
    .catch(undefined),
  consent: z.enum(["GRANTED", "WITHDRAWN"]).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  sort: z.enum(CUSTOMER_SORTS).catch("newest").default("newest"),
  match: z.enum(SEARCH_MATCHES).catch("words").default("words"),
  after: z.string().max(300).optional().catch(undefined),
  before: z.string().max(300).optional().catch(undefined),
});
export type CustomerFilter = z.output<typeof customerFilterSchema>;
