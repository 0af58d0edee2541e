import { Button, Text } from "@react-email/components";
import type { Translate } from "@/lib/i18n/translate";
import { EmailLayout, emailButton, emailText } from "./email-layout";

export type PolicyNoticeEmailProps = { name: string; number: number; effectiveOn: string; summary: string; link: string };

export function policyNoticeSubject(t: Translate, p: PolicyNoticeEmailProps) {
  return t("email.policy.subject", { date: p.effectiveOn });
}

/** Sent to every customer with an email before a new policy version takes effect. */
export function PolicyNoticeEmail({ t, lang, company, ...p }: PolicyNoticeEmailProps & { t: Translate; lang: string; company: string }) {
  return (
    <EmailLayout lang={lang} company={company} preview={t("email.policy.preview", { date: p.effectiveOn })} footer={t("email.footer.customer", { company })}>
      <Text style={emailText}>{t("email.greeting", { name: p.name })}</Text>
      <Text style={emailText}>{t("email.policy.body", { company, number: p.number, date: p.effectiveOn })}</Text>
      <Text style={{ ...emailText, backgroundColor: "#f4f4f5", borderRadius: 6, padding: "12px 16px" }}>{p.summary}</Text>
      <Button href={p.link} style={emailButton}>
        {t("email.policy.button")}
      </Button>
      <Text style={emailText}>{t("email.policy.rights")}</Text>
    </EmailLayout>
  );
}
