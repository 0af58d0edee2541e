// The public contract of /api/v1: what each operation reads and returns. Handlers parse their
// input with these, and lib/api/openapi.ts turns the same schemas into the OpenAPI document.
import { z } from "zod";
import { CONSENT_METHODS } from "@/lib/consent/schemas";
import { CUSTOMER_STATUSES, SEARCH_MATCHES } from "@/lib/customers/schemas";
import { webhookEndpointSchema } from "@/lib/webhooks/schemas";

const cursor = z.string().max(500, "api.cursor").optional().describe("Opaque cursor from `next` of the previous page.");
const limit = z.coerce.number({ error: "api.limitRange" }).int("api.limitRange").min(1, "api.limitRange").max(100, "api.limitRange").default(25);
const isoTime = z.iso.datetime({ offset: true, error: "api.dateTime" });

export const idParams = z.object({ id: z.uuid({ error: "api.uuid" }).describe("Customer id") });
export const idOnlyParams = z.object({ id: z.uuid({ error: "api.uuid" }) });

export const customerListQuery = z.object({
  q: z.string().trim().max(200, "validation.tooLong").default("").describe("Name, organisation, email or phone, as in the register search."),
  match: z
    .enum(SEARCH_MATCHES, { error: "api.match" })
    .default("words")
    .describe("`words`: each word of `q` starts a word of the name, organisation or email (fast). `inside`: anywhere inside a word (slower)."),
  status: z.enum(CUSTOMER_STATUSES, { error: "api.status" }).optional(),
  cursor,
  limit,
});

export const customerDto = z.object({
  id: z.uuid(),
  fullName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable().describe("E.164"),
  address: z.string().nullable(),
  organization: z.string().nullable(),
  status: z.enum(CUSTOMER_STATUSES),
  locale: z.enum(["vi", "en"]).optional(),
  source: z.string().nullable(),
  createdAt: z.string().describe("ISO 8601"),
  sharingObjectedAt: z.string().nullable().optional(),
});
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next: z.string().nullable().describe("Cursor of the next page; null on the last") });
export const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

export const consentStateDto = z.object({
  purpose: z.string().describe("Purpose key, see GET /purposes"),
  status: z.enum(["GRANTED", "WITHDRAWN", "LAPSED", "NONE"]).describe("LAPSED: given under wording a material policy change replaced"),
  since: z.string().nullable(),
  events: z.array(
    z.object({
      id: z.uuid(),
      action: z.enum(["GRANTED", "WITHDRAWN", "LAPSED"]),
      source: z.string(),
      givenAt: z.string(),
      policyVersion: z.number().int().nullable(),
      wording: z.string(),
    }),
  ),
});

export const recordConsentBody = z.object({
  purposeKey: z.string().regex(/^[a-z0-9_]{1,60}$/, "validation.required"),
  action: z.enum(["GRANTED", "WITHDRAWN"], { error: "validation.required" }),
  givenOn: z.iso.date("validation.date").describe("The day the customer gave or withdrew consent (Vietnam time)"),
  method: z.enum(CONSENT_METHODS, { error: "validation.required" }),
  documentRef: z
    .string()
    .trim()
    .min(2, "consent.documentRefRequired")
    .max(200, "validation.tooLong")
    .describe("Where the proof is kept: ticket, call or document number"),
  note: z.string().trim().max(1000, "validation.tooLong").default(""),
});
export const consentRecordedDto = z.object({ id: z.uuid() });

export const submissionListQuery = z.object({
  formId: z.uuid({ error: "api.uuid" }).optional(),
  since: isoTime.optional(),
  cursor,
  limit,
});
export const submissionDto = z.object({
  id: z.uuid(),
  formId: z.uuid(),
  formSlug: z.string(),
  customerId: z.uuid().nullable(),
  locale: z.enum(["vi", "en"]),
  fields: z.record(z.string(), z.string()),
  answers: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});

export const purposeDto = z.object({
  key: z.string(),
  legalBasis: z.enum(["CONTRACT", "CONSENT", "LEGAL_OBLIGATION"]),
  labelVi: z.string(),
  labelEn: z.string(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
});

export const disclosureListQuery = z.object({ since: isoTime.optional(), cursor, limit });
export const disclosureDto = z.object({
  id: z.uuid(),
  recipient: z.object({ id: z.uuid(), name: z.string(), category: z.enum(["ADVERTISING", "SHIPPING", "AUTHORITY"]) }),
  reason: z.string(),
  fields: z.array(z.string()),
  status: z.string(),
  customers: z.number().int(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const webhookEndpointBody = webhookEndpointSchema;
export const webhookEndpointDto = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export const webhookCreatedDto = webhookEndpointDto.extend({ secret: z.string().describe("whsec_…: shown once") });

export const problemDto = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
});
