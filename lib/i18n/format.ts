// Dates and numbers in the app's language (not the browser's), in Vietnam time. Vietnamese reads
// dates as dd/MM/yyyy; English as "2 Dec 2026".
import type { Locale } from "@/lib/i18n/config";

const tags: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
const TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TIME_ZONE }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: TIME_ZONE }),
};
const timeFormats: Record<Locale, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }),
  en: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }),
};

/** "02/12/2026 09:41" · "2 Dec 2026, 09:41" */
export function formatDateTime(date: Date, locale: Locale) {
  return `${dateFormats[locale].format(date)}${locale === "en" ? "," : ""} ${timeFormats[locale].format(date)}`;
}

/** "02/12/2026" · "2 Dec 2026" */
export function formatDate(date: Date, locale: Locale) {
  return dateFormats[locale].format(date);
}

export function formatNumber(value: number, locale: Locale) {
  return new Intl.NumberFormat(tags[locale]).format(value);
}
