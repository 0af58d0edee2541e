import { Button, Text } from "@react-email/components";
import type { Translate } from "@/lib/i18n/translate";
import { EmailLayout, emailButton, emailText } from "./email-layout";

export type ConsentConfirmationEmailProps = { link: string; days: number; formTitle: string; purposes: string[]; detailsChanged: boolean };

export function consentConfirmationSubject(t: Translate) {
  return t("email.confirm.subject");
}

/** Double opt-in: the owner of the address confirms what was sent through a form in their name. */
export function ConsentConfirmationEmail({ t, lang, company, ...p }: ConsentConfirmationEmailProps & { t: Translate; lang: string; company: string }) {
  return (
    <EmailLayout lang={lang} company={company} preview={t("email.confirm.subject")} footer={t("email.footer.customer", { company })}>
      <Text style={emailText}>{t("email.privacy.greeting")}</Text>
      <Text style={emailText}>{t("email.confirm.intro", { form: p.formTitle, company })}</Text>
      {p.purposes.length > 0 && (
        <>
          <Text style={emailText}>{t("email.confirm.purposes")}</Text>
          <ul>
            {p.purposes.map((label) => (
              <li key={label} style={emailText}>
                {label}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.detailsChanged && <Text style={emailText}>{t("email.confirm.details")}</Text>}
      <Button href={p.link} style={emailButton}>
        {t("email.confirm.button")}
      </Button>
      <Text style={emailText}>{t("email.confirm.expiry", { days: p.days })}</Text>
      <Text style={emailText}>{t("email.confirm.ignore")}</Text>
    </EmailLayout>
  );
}
