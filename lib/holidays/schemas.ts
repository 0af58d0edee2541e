import { z } from "zod";

export const holidaySchema = z.object({
  date: z.iso.date("validation.date"),
  name: z.string().trim().min(2, "validation.required").max(120, "validation.tooLong"),
});
export type HolidayInput = z.input<typeof holidaySchema>;

export const holidayDateSchema = z.object({ date: z.iso.date("validation.date") });
