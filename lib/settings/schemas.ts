import { z } from "zod";

// Company-wide settings. Stored one row per key; missing keys fall back to these defaults.
export const settingsSchema = z.object({
  companyName: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  companyAddress: z.string().trim().max(500, "validation.tooLong"),
  dataLocation: z.string().trim().min(1, "validation.required").max(500, "validation.tooLong"),
  contactEmail: z.string().trim().toLowerCase().pipe(z.email("validation.email")),
  noticePeriodDays: z.coerce.number({ error: "validation.number" }).int("validation.number").min(0, "validation.min0").max(365, "validation.max365"),
  retentionGraceDays: z.coerce.number({ error: "validation.number" }).int("validation.number").min(0, "validation.min0").max(3650, "validation.max3650"),
  /** Administrators and compliance officers must sign in with a second factor (RFC 6238). */
  requireTwoFactor: z.boolean().default(false),
});
export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  companyName: "Sông Hồng Software Co., Ltd.",
  companyAddress: "Tầng 6, số 150 Trần Vỹ, phường Mai Dịch, quận Cầu Giấy, Hà Nội",
  dataLocation: "Máy chủ đặt tại trụ sở công ty, Tầng 6, số 150 Trần Vỹ, Cầu Giấy, Hà Nội, Việt Nam",
  contactEmail: "privacy@songhong.example",
  noticePeriodDays: 30,
  retentionGraceDays: 30,
  requireTwoFactor: false,
};
