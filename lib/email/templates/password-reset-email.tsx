import { Button, Text } from "@react-email/components";
import type { Translate } from "@/lib/i18n/translate";
import { EmailLayout, emailButton, emailText } from "./email-layout";

export type PasswordResetEmailProps = { name: string; email: string; link: string; minutes: number; forced: boolean };

export function passwordResetSubject(t: Translate) {
  return t("email.reset.subject");
}

/** A single-use link to choose a new password: asked for by the person, or required by an administrator. */
export function PasswordResetEmail({ t, lang, company, ...p }: PasswordResetEmailProps & { t: Translate; lang: string; company: string }) {
  return (
    <EmailLayout lang={lang} company={company} preview={t("email.reset.subject")} footer={t("email.footer.staff")}>
      <Text style={emailText}>{t("email.greeting", { name: p.name })}</Text>
      <Text style={emailText}>{t(p.forced ? "email.reset.forced" : "email.reset.body", { email: p.email })}</Text>
      <Button href={p.link} style={emailButton}>
        {t("email.reset.button")}
      </Button>
      <Text style={emailText}>{t("email.reset.expiry", { minutes: p.minutes })}</Text>
      {!p.forced && <Text style={emailText}>{t("email.reset.ignore")}</Text>}
    </EmailLayout>
  );
}
