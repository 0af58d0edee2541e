import { z } from "zod";

// Personal-data breaches (the breach register, COMPLIANCE only).

export const BREACH_CATEGORIES = ["fullName", "phone", "email", "address", "organization", "consent", "other"] as const;
export const BREACH_CHANNELS = ["PORTAL", "EMAIL", "LETTER", "IN_PERSON"] as const;
/** Hours from detection within which the authority must be told. */
export const AUTHORITY_HOURS = 72;

const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max, "validation.tooLong");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "breaches.timeFormat");

/** A moment typed as a Vietnamese date (yyyy-mm-dd from DateInput) and an hh:mm time. */
export const vnMoment = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+07:00`);

export const breachSchema = z
  .object({
    title: text(5, 200, "breaches.titleRequired"),
    detectedOn: z.iso.date("validation.date"),
    detectedTime: time,
    occurredOn: z.union([z.literal(""), z.iso.date("validation.date")]).default(""),
    description: text(20, 5000, "breaches.describeRequired"),
    dataCategories: z.array(z.enum(BREACH_CATEGORIES)).min(1, "breaches.categoriesRequired"),
    otherCategories: z.string().trim().max(500, "validation.tooLong").default(""),
    approxSubjects: z.coerce.number({ error: "validation.number" }).int("validation.number").min(0, "validation.min0").max(100_000_000, "validation.tooLong"),
    consequences: text(10, 5000, "breaches.consequencesRequired"),
    measures: text(10, 5000, "breaches.measuresRequired"),
    handlerId: z.uuid({ error: "breaches.handlerRequired" }),
  })
  .refine((v) => !v.dataCategories.includes("other") || v.otherCategories.length >= 3, { path: ["otherCategories"], message: "breaches.otherRequired" });
export type BreachInput = z.input<typeof breachSchema>;

export const breachIdSchema = z.object({ id: z.uuid() });

export const authorityNoticeSchema = z.object({
  id: z.uuid(),
  notifiedOn: z.iso.date("validation.date"),
  notifiedTime: time,
  channel: z.enum(BREACH_CHANNELS, { error: "validation.choose" }),
  reference: text(3, 200, "breaches.referenceRequired"),
  lateReason: z.string().trim().max(2000, "validation.tooLong").default(""),
});
export type AuthorityNoticeInput = z.input<typeof authorityNoticeSchema>;

/** Customers affected: a pasted list of emails or phones, or the register's own filter. */
export const linkCustomersSchema = z.discriminatedUnion("mode", [
  z.object({ id: z.uuid(), mode: z.literal("list"), list: text(3, 200_000, "breaches.listRequired") }),
  z.object({
    id: z.uuid(),
    mode: z.literal("filter"),
    q: z.string().trim().max(200).default(""),
    status: z.union([z.literal(""), z.enum(["LEAD", "ACTIVE", "TERMINATED"])]).default(""),
    from: z.union([z.literal(""), z.iso.date("validation.date")]).default(""),
    to: z.union([z.literal(""), z.iso.date("validation.date")]).default(""),
  }),
]);
export type LinkCustomersInput = z.input<typeof linkCustomersSchema>;

export const customerNoticeSchema = z.object({
  id: z.uuid(),
  noticeVi: text(30, 5000, "breaches.noticeRequired"),
  noticeEn: text(30, 5000, "breaches.noticeRequired"),
});
export type CustomerNoticeInput = z.input<typeof customerNoticeSchema>;

export const closeBreachSchema = z.object({ id: z.uuid(), note: text(10, 2000, "breaches.closingNoteRequired") });
export type CloseBreachInput = z.input<typeof closeBreachSchema>;

/** How a breach is named to staff: SC-00007 ("sự cố"). */
export const breachReference = (number: number) => `SC-${String(number).padStart(5, "0")}`;

/** Where a breach stands against the 72-hour clock. */
export function authorityClock(breach: { detectedAt: Date; authorityNotifiedAt: Date | null }, now: Date) {
  const dueAt = new Date(breach.detectedAt.getTime() + AUTHORITY_HOURS * 3_600_000);
  if (breach.authorityNotifiedAt) return { dueAt, state: breach.authorityNotifiedAt <= dueAt ? ("onTime" as const) : ("late" as const), hoursLeft: null };
  const hoursLeft = Math.floor((dueAt.getTime() - now.getTime()) / 3_600_000);
  return { dueAt, state: now > dueAt ? ("overdue" as const) : hoursLeft < 24 ? ("dueSoon" as const) : ("running" as const), hoursLeft };
}
