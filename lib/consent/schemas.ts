import { z } from "zod";

export const CONSENT_METHODS = ["PAPER", "PHONE", "EMAIL", "IN_PERSON"] as const;

/** Consent given or withdrawn outside the app (paper form, phone call, email), recorded by staff. */
export const staffConsentSchema = z.object({
  customerId: z.uuid(),
  purposeKey: z.string().regex(/^[a-z0-9_]{1,60}$/, "validation.required"),
  action: z.enum(["GRANTED", "WITHDRAWN"], { error: "validation.required" }),
  givenOn: z.iso.date("validation.date"),
  method: z.enum(CONSENT_METHODS, { error: "validation.required" }),
  documentRef: z.string().trim().min(2, "consent.documentRefRequired").max(200, "validation.tooLong"),
  note: z.string().trim().max(1000, "validation.tooLong").default(""),
  file: z.instanceof(File).optional().nullable(),
});
export type StaffConsentInput = z.input<typeof staffConsentSchema>;
