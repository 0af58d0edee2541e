import { Button, Text } from "@react-email/components";
import type { Translate } from "@/lib/i18n/translate";
import { EmailLayout, emailButton, emailText } from "./email-layout";

export type ReconsentEmailProps = { name: string; number: number; purposes: string; link: string };

export function reconsentSubject(t: Translate) {
  return t("email.reconsent.subject");
}

/** Asks customers to confirm consent that was given under an earlier version of a changed purpose. */
export function ReconsentEmail({ t, lang, company, ...p }: ReconsentEmailProps & { t: Translate; lang: string; company: string }) {
  return (
    <EmailLayout lang={lang} company={company} preview={t("email.reconsent.subject")} footer={t("email.footer.customer", { company })}>
      <Text style={emailText}>{t("email.greeting", { name: p.name })}</Text>
      <Text style={emailText}>{t("email.reconsent.body", { number: p.number, purposes: p.purposes })}</Text>
      <Button href={p.link} style={emailButton}>
        {t("email.reconsent.button")}
      </Button>
      <Text style={emailText}>{t("email.reconsent.noAction")}</Text>
    </EmailLayout>
  );
}
