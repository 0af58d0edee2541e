// Codes kept in the database (audit event names, entity types, customer sources) as people read them.
import { isMessageKey, type Translate } from "@/lib/i18n/translate";

/** "customer.updated" → "Sửa hồ sơ khách hàng"; an unknown code is shown as it is (a test keeps the list complete). */
export function auditEventLabel(t: Translate, action: string) {
  const key = `audit.event.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export function entityTypeLabel(t: Translate, entityType: string) {
  const key = `audit.entityType.${entityType}`;
  return isMessageKey(key) ? t(key) : entityType;
}

/** Where a customer came from: "form:lien-he" → "Biểu mẫu lien-he", "staff" → "Nhân viên nhập", "import" → "Nhập từ tệp". */
export function customerSourceLabel(t: Translate, source: string | null) {
  if (!source) return "—";
  if (source.startsWith("form:")) return t("customers.sourceValue.form", { slug: source.slice(5) });
  const key = `customers.sourceValue.${source}`;
  return isMessageKey(key) ? t(key) : source;
}

/**
 * How a customer is named on screen: an erased customer as such (their name and contacts are gone,
 * and an id is not a name), otherwise the name, else the email, else "(no name yet)".
 */
export function customerName(t: Translate, customer: { fullName?: string | null; email?: string | null; status?: string | null }) {
  if (customer.status === "ERASED") return t("customers.erasedName");
  return customer.fullName ?? customer.email ?? t("customers.unnamed");
}

/** A legal period in words: "10 working days", "20 ngày", "1 hour". */
export function periodLabel(t: Translate, n: number, unit: "WORKING_DAYS" | "CALENDAR_DAYS" | "HOURS") {
  return n === 1 ? t(`rules.period.${unit}.one`) : t(`rules.period.${unit}`, { n });
}

/** A kind of personal data by its key (customer fields, "reference", "consent", "other"), in words. */
export function dataFieldLabel(t: Translate, field: string) {
  if (field === "consent" || field === "other") return t(`breaches.category.${field}`);
  return t(`disclosures.field.${field as "fullName"}`);
}

/** How a request was handled: what the app itself wrote ("self-service") in words; an officer's own text as written. */
export function resolutionLabel(t: Translate, resolution: string | null): string | null {
  if (resolution === "self-service") return t("requests.resolvedSelfService");
  // A download the customer made themselves ("self-service json").
  const download = /^self-service (json|csv)$/.exec(resolution ?? "");
  if (download) return `${t("requests.resolvedSelfService")} (${download[1].toUpperCase()})`;
  if (resolution === "cancelled by the customer") return t("requests.resolvedCancelledByCustomer");
  return resolution;
}
