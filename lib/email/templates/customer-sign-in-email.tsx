import { Button, Text } from "@react-email/components";
import type { Translate } from "@/lib/i18n/translate";
import { EmailLayout, emailButton, emailText } from "./email-layout";

/** `record`: when several records share the address, which one this link opens (each gets its own link). */
export type CustomerSignInEmailProps = { link: string; minutes: number; record?: { name: string; createdOn: string } };

export function customerSignInSubject(t: Translate) {
  return t("email.signIn.subject");
}

/** The single-use link to /privacy/me. */
export function CustomerSignInEmail({ t, lang, company, ...p }: CustomerSignInEmailProps & { t: Translate; lang: string; company: string }) {
  return (
    <EmailLayout lang={lang} company={company} preview={t("email.signIn.subject")} footer={t("email.footer.customer", { company })}>
      <Text style={emailText}>{t("email.privacy.greeting")}</Text>
      <Text style={emailText}>{t("email.signIn.body", { minutes: p.minutes })}</Text>
      {p.record && <Text style={emailText}>{t("email.signIn.whichRecord", { name: p.record.name, date: p.record.createdOn })}</Text>}
      <Button href={p.link} style={emailButton}>
        {t("email.signIn.button")}
      </Button>
      <Text style={emailText}>{t("email.signIn.ignore")}</Text>
    </EmailLayout>
  );
}
