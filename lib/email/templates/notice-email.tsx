import { Button, Text } from "@react-email/components";
import type { Translate } from "@/lib/i18n/translate";
import { EmailLayout, emailButton, emailText } from "./email-layout";

/**
 * A short notice already worded by its sender (lib/webhooks, lib/disclosures, lib/forms): a subject,
 * paragraphs, an optional button and footer. Texts are translated before they get here.
 */
export type NoticeEmailProps = { subject: string; paragraphs: string[]; button?: { label: string; href: string }; footer: string };

export function noticeSubject(_t: Translate, p: NoticeEmailProps) {
  return p.subject;
}

export function NoticeEmail({ lang, company, subject, paragraphs, button, footer }: NoticeEmailProps & { t: Translate; lang: string; company: string }) {
  return (
    <EmailLayout lang={lang} company={company} preview={subject} footer={footer}>
      {paragraphs.map((p) => (
        <Text key={p} style={emailText}>
          {p}
        </Text>
      ))}
      {button && (
        <Button href={button.href} style={emailButton}>
          {button.label}
        </Button>
      )}
    </EmailLayout>
  );
}
