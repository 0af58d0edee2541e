import { z } from "zod";

export const MAX_POLICY_CHARS = 200_000;
export const MIN_JUSTIFICATION = 20;

const body = z.string({ error: "validation.required" }).trim().min(50, "policies.bodyTooShort").max(MAX_POLICY_CHARS, "policies.bodyTooLong");
const summary = z.string().trim().min(5, "policies.summaryRequired").max(1000, "validation.tooLong");

export const draftSchema = z.object({
  bodyVi: body,
  bodyEn: body,
  summaryVi: summary,
  summaryEn: summary,
  materialPurposeKeys: z
    .array(z.string().regex(/^[a-z0-9_]{1,60}$/))
    .max(20)
    .default([]),
});
export type DraftInput = z.input<typeof draftSchema>;

export const updateDraftSchema = z.intersection(z.object({ id: z.uuid() }), draftSchema);
export const policyIdSchema = z.object({ id: z.uuid() });

export const scheduleSchema = z.object({
  id: z.uuid(),
  effectiveOn: z.iso.date("validation.date"),
  shortNoticeReason: z.string().trim().max(2000, "validation.tooLong").default(""),
});
export type ScheduleInput = z.input<typeof scheduleSchema>;
