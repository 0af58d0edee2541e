// The words a consent was given to: the purpose's label and description in the customer's
// language. Every path that records consent (forms, staff, the customer's page, the API) uses this;
// the CSV import builds the same text in SQL (import_customer_batch), and tests/rules-agree.test.ts
// checks the two agree.
import type { Locale } from "@/lib/i18n/config";

export type WordedPurpose = { labelVi: string; labelEn: string; descriptionVi: string; descriptionEn: string };

export function consentWording(purpose: WordedPurpose, locale: Locale) {
  return locale === "en" ? `${purpose.labelEn}: ${purpose.descriptionEn}` : `${purpose.labelVi}: ${purpose.descriptionVi}`;
}
