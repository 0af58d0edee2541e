import { z } from "zod";

// Company-wide settings. Stored one row per key; missing keys fall back to these defaults.
export const settingsSchema = z.object({
  companyName: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  companyNameEn: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  /** The headquarters, where the servers that store personal data are (told with the policy and in the records). */
  companyAddress: z.string().trim().min(5, "validation.required").max(500, "validation.tooLong"),
  companyAddressEn: z.string().trim().min(5, "validation.required").max(500, "validation.tooLong"),
  contactEmail: z.string().trim().toLowerCase().pipe(z.email("validation.email")),
  /** The data-protection contact (a person or a role), published on /privacy and /privacy/me. */
  dpoName: z.string().trim().min(2, "validation.required").max(200, "validation.tooLong"),
  dpoEmail: z.string().trim().toLowerCase().pipe(z.email("validation.email")),
  dpoPhone: z.string().trim().max(40, "validation.tooLong"),
  noticePeriodDays: z.coerce.number({ error: "validation.number" }).int("validation.number").min(0, "validation.min0").max(365, "validation.max365"),
  retentionGraceDays: z.coerce.number({ error: "validation.number" }).int("validation.number").min(0, "validation.min0").max(3650, "validation.max3650"),
  /** Leads who never became customers are proposed for erasure this many months after the last contact. */
  leadRetentionMonths: z.coerce.number({ error: "validation.number" }).int("validation.number").min(1, "settings.monthsRange").max(120, "settings.monthsRange"),
  /** Administrators and compliance officers must sign in with a second factor (RFC 6238). */
  requireTwoFactor: z.boolean().default(false),
});
export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  // The seed policy's company (the demo's), in both languages.
  companyName: "Công ty TNHH Phần mềm Nencer",
  companyNameEn: "Nencer Software Co., Ltd.",
  companyAddress: "Tầng 6, số 150 Trần Vỹ, phường Mai Dịch, quận Cầu Giấy, Hà Nội",
  companyAddressEn: "6th floor, No. 150 Tran Vy, Mai Dich ward, Cau Giay district, Hanoi",
  contactEmail: "privacy@nencer.example",
  dpoName: "Bộ phận bảo vệ dữ liệu cá nhân",
  dpoEmail: "dpo@nencer.example",
  dpoPhone: "024 3765 0150",
  noticePeriodDays: 30,
  retentionGraceDays: 30,
  leadRetentionMonths: 24,
  requireTwoFactor: false,
};
