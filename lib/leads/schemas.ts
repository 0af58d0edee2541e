import { z } from "zod";

export const LEAD_NOTIFY_MODES = ["OFF", "IMMEDIATE", "HOURLY"] as const;

/** Who is told of a form's new submissions, and how; people left out are not told. */
export const leadWatchersSchema = z.object({
  formId: z.uuid("errors.notFound"),
  watchers: z.array(z.object({ userId: z.uuid("leads.unknownUser"), mode: z.enum(LEAD_NOTIFY_MODES, { error: "validation.required" }) })).max(200),
});
export type LeadWatchersInput = z.input<typeof leadWatchersSchema>;

export const answeredSchema = z.object({ submissionId: z.uuid("errors.notFound") });
