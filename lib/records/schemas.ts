import { z } from "zod";

// Records of processing: the processor register and the dossier documents generated from live data.

export const PROCESSOR_CATEGORIES = ["fullName", "phone", "email", "address", "organization", "consent"] as const;
export const DOCUMENT_KINDS = ["IMPACT_ASSESSMENT", "TRANSFER_ASSESSMENT"] as const;

/** The protection measures the app applies (and the demo policy states), as dictionary keys `records.measure.*`. */
export const SECURITY_MEASURES = ["roles", "audit", "passwords", "twoFactor", "tls", "shredding", "breaches", "backups"] as const;

const text = (min: number, max: number) => z.string().trim().min(min, "validation.required").max(max, "validation.tooLong");

export const processorSchema = z.object({
  name: text(2, 200),
  serviceVi: text(3, 300),
  serviceEn: text(3, 300),
  location: text(2, 200),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "records.countryFormat"),
  dataCategories: z.array(z.enum(PROCESSOR_CATEGORIES)).min(1, "records.categoriesRequired"),
  contractRef: text(3, 300),
  since: z.iso.date("validation.date"),
  active: z
    .union([z.boolean(), z.literal("on"), z.literal("")])
    .default(true)
    .transform((v) => v === true || v === "on"),
});
export type ProcessorInput = z.input<typeof processorSchema>;

export const processorIdSchema = z.object({ id: z.uuid() });

export const generateDocumentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("IMPACT_ASSESSMENT") }),
  z.object({ kind: z.literal("TRANSFER_ASSESSMENT"), processorId: z.uuid() }),
]);
export type GenerateDocumentInput = z.input<typeof generateDocumentSchema>;

export const exportFormatSchema = z.enum(["json", "csv"]).catch("json");

/** A processor outside Vietnam: the data crosses the border. */
export const isForeign = (p: { country: string }) => p.country !== "VN";
