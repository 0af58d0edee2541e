import { Button, Text } from "@react-email/components";
import type { Translate } from "@/lib/i18n/translate";
import { EmailLayout, emailButton, emailText } from "./email-layout";

/** The same for every customer a breach touched (no name in it), written by the compliance officer. */
export type BreachNoticeEmailProps = { reference: string; notice: string; link: string };

export function breachNoticeSubject(t: Translate, p: BreachNoticeEmailProps) {
  return t("email.breach.subject", { reference: p.reference });
}

/** Tells a customer about a personal-data incident that concerns them, what it means and what we did. */
export function BreachNoticeEmail({ t, lang, company, ...p }: BreachNoticeEmailProps & { t: Translate; lang: string; company: string }) {
  return (
    <EmailLayout lang={lang} company={company} preview={t("email.breach.subject", { reference: p.reference })} footer={t("email.footer.customer", { company })}>
      <Text style={emailText}>{t("email.privacy.greeting")}</Text>
      <Text style={emailText}>{t("email.breach.intro", { company })}</Text>
      {p.notice.split(/\n{2,}/).map((paragraph) => (
        <Text key={paragraph.slice(0, 40)} style={{ ...emailText, whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
      <Text style={emailText}>{t("email.breach.reference", { reference: p.reference })}</Text>
      <Button href={p.link} style={emailButton}>
        {t("email.breach.button")}
      </Button>
    </EmailLayout>
  );
}
