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

/** "2026-12-02" ↔ "02/12/2026": the date as Vietnamese (and British) offices write it. */
export function isoToText(iso: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function textToIso(text: string) {
  const pasted = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  const m = pasted ? [pasted[0], pasted[3], pasted[2], pasted[1]] : /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}
