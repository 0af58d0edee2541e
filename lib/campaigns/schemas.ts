import { z } from "zod";

// Marketing campaigns (/admin/campaigns): what staff write, who it is for, and the sending rules
// COMPLIANCE keeps (Decree 91/2020/ND-CP on advertising email, strict reading by default).

/** The purposes a marketing campaign may be sent under (the seed policy's promotions and advertising). */
export const MARKETING_PURPOSES = ["promotions_events", "advertising"] as const;
export type MarketingPurpose = (typeof MARKETING_PURPOSES)[number];

export const AUDIENCE_STATUSES = ["LEAD", "ACTIVE", "TERMINATED"] as const;

/** Why the guard leaves a customer out, in the order it checks. */
export const EXCLUSION_REASONS = [
  "NO_EMAIL",
  "ERASED",
  "NO_CONSENT",
  "WITHDRAWN",
  "LAPSED",
  "STALE_WORDING",
  "LEGAL_HOLD",
  "SUPPRESSED",
  "OBJECTED",
  "RETENTION",
  "ADDRESS_CHANGED",
  "NO_CUSTOMER",
  "DUPLICATE_ADDRESS",
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

const optionalDate = z.union([z.literal(""), z.iso.date("validation.date")]).default("");

export const audienceSchema = z
  .object({
    statuses: z.array(z.enum(AUDIENCE_STATUSES)).min(1, "campaigns.statusesRequired").default(["LEAD", "ACTIVE"]),
    organization: z.string().trim().max(200, "validation.tooLong").default(""),
    locale: z.enum(["", "vi", "en"]).default(""),
    createdFrom: optionalDate,
    createdTo: optionalDate,
    lastContactFrom: optionalDate,
    lastContactTo: optionalDate,
  })
  .refine((a) => !a.createdFrom || !a.createdTo || a.createdFrom <= a.createdTo, { path: ["createdTo"], message: "campaigns.rangeBackwards" })
  .refine((a) => !a.lastContactFrom || !a.lastContactTo || a.lastContactFrom <= a.lastContactTo, {
    path: ["lastContactTo"],
    message: "campaigns.rangeBackwards",
  });
export type Audience = z.output<typeof audienceSchema>;

const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max, "validation.tooLong");

export const campaignContentSchema = z.object({
  name: text(3, 120, "campaigns.nameRequired"),
  purposeKey: z.enum(MARKETING_PURPOSES, { error: "validation.choose" }),
  /** Without the advertising label: the app adds it (lib/campaigns/rules.ts labelSubject). */
  subjectVi: text(3, 150, "campaigns.subjectRequired"),
  subjectEn: text(3, 150, "campaigns.subjectRequired"),
  /** Plain text; blank lines separate paragraphs; {{name}} is the customer's name. */
  bodyVi: text(10, 10_000, "campaigns.bodyRequired"),
  bodyEn: text(10, 10_000, "campaigns.bodyRequired"),
  audience: audienceSchema,
});
export type CampaignContentInput = z.input<typeof campaignContentSchema>;
export type CampaignContent = z.output<typeof campaignContentSchema>;

export const campaignIdSchema = z.object({ id: z.uuid() });

export const saveCampaignSchema = campaignContentSchema.and(z.object({ id: z.union([z.literal(""), z.uuid()]).default("") }));

/** Send now (no date) or at a Vietnam date and hour:minute. */
export const scheduleCampaignSchema = z.object({
  id: z.uuid(),
  sendOn: optionalDate,
  sendTime: z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "campaigns.timeFormat")]).default(""),
});

export const MARKETING_RULES_SETTING = "marketingRules";

export const marketingRulesSchema = z
  .object({
    /** Advertising emails one address may receive in 24 hours, unless the customer agreed to more. */
    dailyCap: z.coerce.number({ error: "validation.number" }).int("validation.number").min(1, "campaigns.capRange").max(10, "campaigns.capRange"),
    /** Vietnam time; messages due outside [start, end) wait for the next window. */
    windowStartHour: z.coerce.number({ error: "validation.number" }).int("validation.number").min(0, "campaigns.hourRange").max(23, "campaigns.hourRange"),
    windowEndHour: z.coerce.number({ error: "validation.number" }).int("validation.number").min(1, "campaigns.hourRange").max(24, "campaigns.hourRange"),
    labelVi: text(2, 20, "campaigns.labelRequired"),
    labelEn: text(2, 20, "campaigns.labelRequired"),
  })
  .refine((r) => r.windowStartHour < r.windowEndHour, { path: ["windowEndHour"], message: "campaigns.windowBackwards" });
export type MarketingRules = z.output<typeof marketingRulesSchema>;

export const DEFAULT_MARKETING_RULES: MarketingRules = { dailyCap: 1, windowStartHour: 7, windowEndHour: 22, labelVi: "[QC]", labelEn: "[ADV]" };

export const updateMarketingRulesSchema = marketingRulesSchema.and(z.object({ reason: text(10, 2000, "campaigns.reasonRequired") }));

/** The composer's live preview: whatever has been typed so far, in one language. */
export const previewEmailSchema = z.object({
  purposeKey: z.enum(MARKETING_PURPOSES, { error: "validation.choose" }),
  subjectVi: z.string().max(150, "validation.tooLong"),
  subjectEn: z.string().max(150, "validation.tooLong"),
  bodyVi: z.string().max(10_000, "validation.tooLong"),
  bodyEn: z.string().max(10_000, "validation.tooLong"),
  locale: z.enum(["vi", "en"]),
});

export const previewAudienceSchema = z.object({ purposeKey: z.enum(MARKETING_PURPOSES, { error: "validation.choose" }), audience: audienceSchema });
