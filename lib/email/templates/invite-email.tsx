import { Button, Text } from "@react-email/components";
import type { Translate } from "@/lib/i18n/translate";
import { EmailLayout, emailButton, emailText } from "./email-layout";

export type InviteEmailProps = { name: string; inviterName: string; role: string; link: string; hours: number };

export function inviteSubject(t: Translate) {
  return t("email.invite.subject");
}

export function InviteEmail({ t, lang, company, ...p }: InviteEmailProps & { t: Translate; lang: string; company: string }) {
  return (
    <EmailLayout lang={lang} company={company} preview={t("email.invite.preview")} footer={t("email.footer.staff")}>
      <Text style={emailText}>{t("email.greeting", { name: p.name })}</Text>
      <Text style={emailText}>{t("email.invite.body", { inviter: p.inviterName, role: p.role, company })}</Text>
      <Button href={p.link} style={emailButton}>
        {t("email.invite.button")}
      </Button>
      <Text style={emailText}>{t("email.invite.expiry", { hours: p.hours })}</Text>
      <Text style={{ ...emailText, fontSize: 12, color: "#52525b" }}>{p.link}</Text>
    </EmailLayout>
  );
}
