import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { myReceipt } from "@/lib/privacy-requests/queries/my-data";

type Receipt = Awaited<ReturnType<typeof myReceipt>>;

/** The receipt's rows, shared by the page and the downloadable file. */
export function receiptLines(receipt: Receipt, t: Translate, locale: "vi" | "en", company: string): [string, string][] {
  const { purpose, event, customer } = receipt;
  return [
    [t("receipt.company"), company],
    [t("receipt.person"), [customer.fullName, customer.email].filter(Boolean).join(" · ")],
    [t("receipt.purpose"), locale === "en" ? purpose.labelEn : purpose.labelVi],
    [t("receipt.decision"), event.action === "GRANTED" ? t("me.eventGranted") : event.action === "LAPSED" ? t("me.eventLapsed") : t("me.eventWithdrawn")],
    [t("receipt.wording"), event.wording],
    [t("receipt.policy"), event.policyVersion ? t("me.underPolicy", { number: event.policyVersion.number }) : "—"],
    [t("receipt.time"), formatDateTime(event.givenAt, locale)],
    [
      t("receipt.channel"),
      `${t(`me.source.${event.source}`)}${event.form ? ` — ${locale === "en" ? event.form.titleEn : event.form.titleVi}` : ""}${event.documentRef ? ` — ${event.documentRef}` : ""}`,
    ],
    [t("receipt.reference"), event.id],
    [t("receipt.issued"), formatDateTime(receipt.issuedAt, locale)],
  ];
}
