// The anti-spam rules as plain functions (no database), shared by the composer's preview, the
// queue and the sender. Vietnam keeps UTC+7 all year.
import type { MarketingRules } from "./schemas";

const VN_OFFSET_MS = 7 * 3_600_000;

/** The subject as sent: starts with the advertising label of its language, added once. */
export function labelSubject(subject: string, locale: "vi" | "en", rules: Pick<MarketingRules, "labelVi" | "labelEn">) {
  const label = locale === "en" ? rules.labelEn : rules.labelVi;
  const trimmed = subject.trim();
  return trimmed.toLowerCase().startsWith(label.toLowerCase()) ? trimmed : `${label} ${trimmed}`;
}

/** Hours since midnight in Vietnam, with the minutes as a fraction. */
function vnHour(at: Date) {
  return ((((at.getTime() + VN_OFFSET_MS) % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000;
}

/** Whether marketing email may leave now (Vietnam time, start inclusive, end exclusive). */
export function inSendWindow(at: Date, rules: Pick<MarketingRules, "windowStartHour" | "windowEndHour">) {
  const hour = vnHour(at);
  return hour >= rules.windowStartHour && hour < rules.windowEndHour;
}

/** The next moment the window opens (or `at` itself when it is open). */
export function nextWindowOpening(at: Date, rules: Pick<MarketingRules, "windowStartHour" | "windowEndHour">): Date {
  if (inSendWindow(at, rules)) return at;
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  const opening = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), rules.windowStartHour) - VN_OFFSET_MS;
  return new Date(opening > at.getTime() ? opening : opening + 86_400_000);
}

/** Paragraphs of a plain-text body (blank lines separate them). */
export function paragraphs(body: string) {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
