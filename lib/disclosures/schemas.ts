import { z } from "zod";
import { customerFilterSchema } from "@/lib/customers/schemas";
import { RECIPIENT_CATEGORIES } from "./rules";

export const recipientSchema = z.object({
  name: z.string().trim().min(2, "validation.required").max(200, "validation.tooLong"),
  category: z.enum(RECIPIENT_CATEGORIES, { error: "validation.required" }),
  contact: z.string().trim().max(500, "validation.tooLong").default(""),
  /** Where notices to stop or to erase go (lib/recipient-notices). */
  contactEmail: z
    .string()
    .trim()
    .max(254, "validation.tooLong")
    .refine((v) => v === "" || z.email().safeParse(v).success, "validation.email")
    .default(""),
  agreementRef: z.string().trim().max(200, "validation.tooLong").default(""),
  agreementDate: z.union([z.literal(""), z.iso.date("validation.date")]).default(""),
  active: z.boolean().default(true),
});
export type RecipientInput = z.input<typeof recipientSchema>;

/** Which customers: the register's filter (as in the URL of the list) or an explicit selection. */
export const selectionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("filter"), filter: customerFilterSchema.omit({ after: true, before: true, sort: true }) }),
  z.object({ kind: z.literal("ids"), ids: z.array(z.uuid()).min(1, "disclosures.noCustomers").max(10_000) }),
]);
export type Selection = z.output<typeof selectionSchema>;

export const prepareSchema = z.object({
  recipientId: z.uuid({ error: "disclosures.unknownRecipient" }),
  reason: z.string().trim().min(10, "disclosures.reasonRequired").max(2000, "validation.tooLong"),
  // Any string here is checked against the category's whitelist by lib/disclosures (and the database).
  fields: z.array(z.string().max(40)).min(1, "disclosures.noFields").max(10),
  reference: z.string().trim().max(200, "validation.tooLong").default(""),
  agencyName: z.string().trim().max(300, "validation.tooLong").default(""),
  documentNumber: z.string().trim().max(100, "validation.tooLong").default(""),
  documentDate: z.union([z.literal(""), z.iso.date("validation.date")]).default(""),
  confidential: z.boolean().default(false),
  selection: selectionSchema,
});
export type PrepareInput = z.input<typeof prepareSchema>;

export const disclosureIdSchema = z.object({ id: z.uuid() });
export const rejectSchema = z.object({ id: z.uuid(), reason: z.string().trim().min(5, "disclosures.rejectReasonRequired").max(1000, "validation.tooLong") });
export const objectionSchema = z.object({ customerId: z.uuid(), note: z.string().trim().min(3, "validation.required").max(1000, "validation.tooLong") });
