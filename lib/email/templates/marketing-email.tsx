import { Link, Text } from "@react-email/components";
import { paragraphs } from "@/lib/campaigns/rules";
import type { Translate } from "@/lib/i18n/translate";
import { EmailLayout, emailText } from "./email-layout";

export type MarketingEmailProps = {
  /** Already labelled for advertising (lib/campaigns/rules.ts labelSubject). */
  subject: string;
  body: string;
  /** Why the customer gets it: the purpose they agreed to, in the email's language. */
  purpose: string;
  address: string;
  unsubscribeUrl: string;
  privacyUrl: string;
};

export function marketingSubject(_t: Translate, p: MarketingEmailProps) {
  return p.subject;
}

/**
 * A promotion or advertising email. The footer is what Decree 91/2020 asks of one: who sends it and
 * where they are, why the reader gets it, and a way to refuse more that works at once.
 */
export function MarketingEmail({ t, lang, company, ...p }: MarketingEmailProps & { t: Translate; lang: string; company: string }) {
  const footerLink = { color: "#0f766e", textDecoration: "underline" };
  return (
    <EmailLayout
      lang={lang}
      company={company}
      preview={p.subject}
      footer={
        <>
          {t("email.marketing.sender", { company, address: p.address })}
          <br />
          {t("email.marketing.why", { purpose: p.purpose })}{" "}
          <Link href={p.unsubscribeUrl} style={footerLink}>
            {t("email.marketing.unsubscribe")}
          </Link>
          {" · "}
          <Link href={p.privacyUrl} style={footerLink}>
            {t("email.marketing.privacy")}
          </Link>
        </>
      }
    >
      {paragraphs(p.body).map((paragraph, i) => (
        <Text key={i} style={{ ...emailText, whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
    </EmailLayout>
  );
}
