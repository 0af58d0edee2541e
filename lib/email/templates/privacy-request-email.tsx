import { Button, Text } from "@react-email/components";
import type { Translate } from "@/lib/i18n/translate";
import { EmailLayout, emailButton, emailText } from "./email-layout";

export const PRIVACY_EMAIL_EVENTS = [
  "granted",
  "withdrawn",
  "objected",
  "exported",
  "rectifyReceived",
  "deleteReceived",
  "acknowledged",
  "extended",
  "completed",
  "rejected",
  "cancelled",
  "erased",
] as const;
export type PrivacyEmailEvent = (typeof PRIVACY_EMAIL_EVENTS)[number];

/** No name in it: the last of these goes to a customer whose record is already erased. */
export type PrivacyRequestEmailProps = {
  event: PrivacyEmailEvent;
  reference: string;
  purpose?: string;
  date?: string;
  /** The legal period the date comes from, in words ("10 working days"). */
  period?: string;
  reason?: string;
  type?: string;
  link?: string;
};

export function privacyRequestSubject(t: Translate, p: PrivacyRequestEmailProps) {
  return t(`email.privacy.subject.${p.event}`, { reference: p.reference });
}

/** Confirms each self-service action and each step of a privacy request. */
export function PrivacyRequestEmail({ t, lang, company, ...p }: PrivacyRequestEmailProps & { t: Translate; lang: string; company: string }) {
  const params = { reference: p.reference, purpose: p.purpose ?? "", date: p.date ?? "", period: p.period ?? "", reason: p.reason ?? "", type: p.type ?? "" };
  return (
    <EmailLayout lang={lang} company={company} preview={t(`email.privacy.subject.${p.event}`, params)} footer={t("email.footer.customer", { company })}>
      <Text style={emailText}>{t("email.privacy.greeting")}</Text>
      <Text style={emailText}>{t(`email.privacy.body.${p.event}`, params)}</Text>
      {p.reason && (p.event === "extended" || p.event === "rejected") && <Text style={emailText}>{t("email.privacy.reason", params)}</Text>}
      <Text style={emailText}>{t("email.privacy.reference", params)}</Text>
      {p.link && (
        <Button href={p.link} style={emailButton}>
          {t("email.privacy.button")}
        </Button>
      )}
      {p.event !== "erased" && <Text style={emailText}>{t("email.privacy.notYou")}</Text>}
    </EmailLayout>
  );
}
