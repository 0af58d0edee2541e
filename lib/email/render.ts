// Renders an email (React Email, vi/en) to the subject, HTML and plain text stored in the outbox.
import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { escapeHtml } from "@/lib/html/escape";
import type { Locale } from "@/lib/i18n/config";
import { translator, type Translate } from "@/lib/i18n/translate";
import { InviteEmail, inviteSubject, type InviteEmailProps } from "./templates/invite-email";
import { PolicyNoticeEmail, policyNoticeSubject, type PolicyNoticeEmailProps } from "./templates/policy-notice-email";
import { ReconsentEmail, reconsentSubject, type ReconsentEmailProps } from "./templates/reconsent-email";
import { CustomerSignInEmail, customerSignInSubject, type CustomerSignInEmailProps } from "./templates/customer-sign-in-email";
import { PrivacyDigestEmail, privacyDigestSubject, type PrivacyDigestEmailProps } from "./templates/privacy-digest-email";
import { ConsentConfirmationEmail, consentConfirmationSubject, type ConsentConfirmationEmailProps } from "./templates/consent-confirmation-email";
import { PasswordResetEmail, passwordResetSubject, type PasswordResetEmailProps } from "./templates/password-reset-email";
import { BreachNoticeEmail, breachNoticeSubject, type BreachNoticeEmailProps } from "./templates/breach-notice-email";
import { MarketingEmail, marketingSubject, type MarketingEmailProps } from "./templates/marketing-email";
import { NoticeEmail, noticeSubject, type NoticeEmailProps } from "./templates/notice-email";
import { PrivacyRequestEmail, privacyRequestSubject, type PrivacyRequestEmailProps } from "./templates/privacy-request-email";

type Templates = {
  invite: InviteEmailProps;
  policy_notice: PolicyNoticeEmailProps;
  reconsent: ReconsentEmailProps;
  customer_sign_in: CustomerSignInEmailProps;
  privacy_request: PrivacyRequestEmailProps;
  privacy_digest: PrivacyDigestEmailProps;
  consent_confirmation: ConsentConfirmationEmailProps;
  password_reset: PasswordResetEmailProps;
  breach_notice: BreachNoticeEmailProps;
  marketing: MarketingEmailProps;
  webhook_disabled: NoticeEmailProps;
  recipient_notice: NoticeEmailProps;
  lead_notice: NoticeEmailProps;
  api_key_notice: NoticeEmailProps;
  consent_recorded_notice: NoticeEmailProps;
};

const templates: {
  [K in keyof Templates]: {
    component: (p: Templates[K] & { t: Translate; lang: string; company: string }) => ReactElement;
    subject: (t: Translate, p: Templates[K]) => string;
  };
} = {
  invite: { component: InviteEmail, subject: inviteSubject },
  policy_notice: { component: PolicyNoticeEmail, subject: policyNoticeSubject },
  reconsent: { component: ReconsentEmail, subject: reconsentSubject },
  customer_sign_in: { component: CustomerSignInEmail, subject: customerSignInSubject },
  privacy_request: { component: PrivacyRequestEmail, subject: privacyRequestSubject },
  privacy_digest: { component: PrivacyDigestEmail, subject: privacyDigestSubject },
  consent_confirmation: { component: ConsentConfirmationEmail, subject: consentConfirmationSubject },
  password_reset: { component: PasswordResetEmail, subject: passwordResetSubject },
  breach_notice: { component: BreachNoticeEmail, subject: breachNoticeSubject },
  marketing: { component: MarketingEmail, subject: marketingSubject },
  webhook_disabled: { component: NoticeEmail, subject: noticeSubject },
  recipient_notice: { component: NoticeEmail, subject: noticeSubject },
  lead_notice: { component: NoticeEmail, subject: noticeSubject },
  api_key_notice: { component: NoticeEmail, subject: noticeSubject },
  consent_recorded_notice: { component: NoticeEmail, subject: noticeSubject },
};
export type TemplateName = keyof Templates;

export type RenderedEmail = { template: TemplateName; locale: Locale; subject: string; html: string; text: string };

/** The company's name, or the settings that hold it in both languages (the email's language is used). */
export type CompanyName = string | { companyName: string; companyNameEn: string };

export async function renderEmail<K extends TemplateName>(template: K, locale: Locale, props: Templates[K], companyName: CompanyName): Promise<RenderedEmail> {
  const t = translator(locale);
  const company = typeof companyName === "string" ? companyName : locale === "en" ? companyName.companyNameEn : companyName.companyName;
  const entry = templates[template];
  const element = createElement(
    entry.component as unknown as (p: Record<string, unknown>) => ReactElement,
    { ...props, t, lang: locale, company } as Record<string, unknown>,
  );
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { template, locale, subject: entry.subject(t, props), html, text };
}

/** Fills a campaign template's {{name}}-style placeholders; values are HTML-escaped for the HTML part. */
export function fillTemplate(template: string, variables: Record<string, string>, html: boolean) {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = variables[name] ?? "";
    return html ? escapeHtml(value) : value;
  });
}
