import { z } from "zod";

export const mediaSchema = z.object({
  title: z.string().trim().min(3, "validation.required").max(200, "validation.tooLong"),
  // Only web addresses: a javascript: or data: link would run in whoever opens it.
  link: z.url({ protocol: /^https?$/, error: "media.linkInvalid" }).max(500, "validation.tooLong"),
  publishedWhere: z.string().trim().min(2, "validation.required").max(300, "validation.tooLong"),
  customerEmails: z.string().max(20_000, "validation.tooLong"),
});
export type MediaInput = z.input<typeof mediaSchema>;
export const mediaIdSchema = z.object({ id: z.uuid() });
