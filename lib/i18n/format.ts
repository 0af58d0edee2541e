import type { Locale } from "@/lib/i18n/config";

const tags: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
const TIME_ZONE = "Asia/Ho_Chi_Minh";

export function formatDateTime(date: Date, locale: Locale) {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }).format(date);
}

export function formatDate(date: Date, locale: Locale) {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: "medium", timeZone: TIME_ZONE }).format(date);
}

export function formatNumber(value: number, locale: Locale) {
  return new Intl.NumberFormat(tags[locale]).format(value);
}
