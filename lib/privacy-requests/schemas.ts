import { z } from "zod";
import { DEADLINE_UNITS } from "./deadlines";

export const REQUEST_TYPES = ["ACCESS", "EXPORT", "RECTIFY", "GRANT_CONSENT", "WITHDRAW_CONSENT", "STOP_SHARING", "DELETE"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
/** Channels staff log requests from; SELF_SERVICE ones come from /privacy/me. */
export const STAFF_CHANNELS = ["EMAIL", "LETTER", "PHONE", "IN_PERSON"] as const;
export const REQUEST_STATUSES = ["RECEIVED", "ACKNOWLEDGED", "IN_PROGRESS", "COMPLETED", "REJECTED", "CANCELLED"] as const;
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

const purposeKey = z.string().regex(/^[a-z0-9_]{1,60}$/, "validation.required");

/** A request received by letter, email, phone or in person, logged by staff (with a scan for written ones). */
export const logRequestSchema = z
  .object({
    customerId: z.uuid({ error: "requests.customerRequired" }),
    type: z.enum(REQUEST_TYPES, { error: "validation.choose" }),
    channel: z.enum(STAFF_CHANNELS, { error: "validation.required" }),
    receivedOn: z.iso.date("validation.date"),
    details: z.string().trim().min(5, "requests.detailsRequired").max(5000, "validation.tooLong"),
    purposeKey: z.union([z.literal(""), purposeKey]).default(""),
    involvesThirdParty: z
      .union([z.boolean(), z.literal("on"), z.literal("")])
      .default(false)
      .transform((v) => v === true || v === "on"),
    file: z.instanceof(File).optional().nullable(),
  })
  .refine((v) => !(v.type === "GRANT_CONSENT" || v.type === "WITHDRAW_CONSENT") || v.purposeKey !== "", {
    path: ["purposeKey"],
    message: "requests.purposeRequired",
  })
  .refine((v) => !(v.channel === "LETTER" || v.channel === "EMAIL") || (v.file && v.file.size > 0), { path: ["file"], message: "requests.scanRequired" })
  .refine((v) => !v.file || v.file.size <= MAX_SCAN_BYTES, { path: ["file"], message: "requests.scanTooLarge" });
export type LogRequestInput = z.input<typeof logRequestSchema>;

export const requestIdSchema = z.object({ id: z.uuid() });

export const extendSchema = z.object({
  id: z.uuid(),
  days: z.coerce
    .number({ error: "validation.number" })
    .int("validation.number")
    .min(1, "requests.extensionRange")
    // The request's rule sets the real ceiling (checked in lib); this only keeps numbers sane.
    .max(365, "requests.extensionRange"),
  reason: z.string().trim().min(10, "requests.reasonRequired").max(2000, "validation.tooLong"),
});
export type ExtendInput = z.input<typeof extendSchema>;

const period = (message: string) => z.coerce.number({ error: "validation.number" }).int("validation.number").min(1, message).max(1000, message);
/** Why a rule or a request's third parties changed: kept in the audit log and on the request, not sent to the customer. */
const reason = z.string().trim().min(10, "rules.reasonRequired").max(2000, "validation.tooLong");

/** A correction to one row of the rules table, always with a reason; `version` guards against a change made meanwhile. */
export const requestRuleSchema = z
  .object({
    type: z.enum(REQUEST_TYPES),
    version: z.coerce.number().int().min(1),
    acknowledgePeriod: period("rules.periodRange"),
    acknowledgeUnit: z.enum(DEADLINE_UNITS, { error: "validation.choose" }),
    completePeriod: period("rules.periodRange"),
    completeUnit: z.enum(DEADLINE_UNITS, { error: "validation.choose" }),
    thirdPartyPeriod: z
      .union([z.literal(""), z.null(), period("rules.periodRange")])
      .default("")
      .transform((v) => (v === "" || v === null ? null : v)),
    extensionPeriod: z.coerce.number({ error: "validation.number" }).int("validation.number").min(0, "rules.extensionRange").max(1000, "rules.extensionRange"),
    legalReference: z.string().trim().min(5, "rules.referenceRequired").max(1000, "validation.tooLong"),
    reason,
  })
  .refine((v) => v.thirdPartyPeriod === null || v.thirdPartyPeriod >= v.completePeriod, { path: ["thirdPartyPeriod"], message: "rules.thirdPartyShorter" });
export type RequestRuleInput = z.input<typeof requestRuleSchema>;

/** Third parties found to be involved (or not) after receipt: moves the deadline when the rule says so. */
export const thirdPartySchema = z.object({
  id: z.uuid(),
  involved: z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true"),
  reason,
});
export type ThirdPartyInput = z.input<typeof thirdPartySchema>;

export const completeSchema = z.object({
  id: z.uuid(),
  resolution: z.string().trim().min(5, "requests.resolutionRequired").max(5000, "validation.tooLong"),
});
export type CompleteInput = z.input<typeof completeSchema>;

export const rejectSchema = z.object({
  id: z.uuid(),
  reason: z.string().trim().min(10, "requests.reasonRequired").max(2000, "validation.tooLong"),
});
export type RejectInput = z.input<typeof rejectSchema>;

export const legalHoldSchema = z.object({
  customerId: z.uuid(),
  reason: z.string().trim().min(10, "requests.reasonRequired").max(1000, "validation.tooLong"),
});
export type LegalHoldInput = z.input<typeof legalHoldSchema>;
/** Lifting a hold is as deliberate as setting one: why it no longer applies, on the record. */
export const clearLegalHoldSchema = z.object({
  customerId: z.uuid(),
  reason: z.string().trim().min(10, "requests.liftReasonRequired").max(1000, "validation.tooLong"),
});

export const requestFilterSchema = z.object({
  view: z.enum(["open", "overdue", "dueSoon", "closed", "all"]).catch("open"),
  type: z.enum(REQUEST_TYPES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type RequestFilter = z.output<typeof requestFilterSchema>;

export const confirmRetentionSchema = z.object({
  customerIds: z.array(z.uuid()).min(1, "requests.retentionNone").max(10_000),
});

// ——— Customers' self-service (/privacy/me) ———

export const signInRequestSchema = z.object({
  identifier: z.string().trim().min(3, "privacy.identifierRequired").max(254, "validation.tooLong"),
});
export type SignInRequestInput = z.input<typeof signInRequestSchema>;

export const consentChangeSchema = z.object({
  purposeKey,
  action: z.enum(["GRANTED", "WITHDRAWN"]),
});
export type ConsentChangeInput = z.input<typeof consentChangeSchema>;

export const rectifySchema = z.object({
  details: z.string().trim().min(5, "privacy.rectifyRequired").max(2000, "validation.tooLong"),
});
export type RectifyInput = z.input<typeof rectifySchema>;

export const deletionSchema = z.object({
  confirm: z.literal(true, { error: "privacy.deleteConfirmRequired" }),
});
export type DeletionInput = z.input<typeof deletionSchema>;

/** How a request is named to customers and staff: YC-00042 ("yêu cầu"). */
export const requestReference = (number: number) => `YC-${String(number).padStart(5, "0")}`;

/** How many marketing emails a day the customer agrees to (more than the rule's default only if they say so). */
export const MARKETING_LIMITS = [1, 2, 3] as const;
export const marketingLimitSchema = z.object({
  perDay: z.coerce.number({ error: "validation.choose" }).int("validation.choose").min(1, "validation.choose").max(3, "validation.choose"),
});
