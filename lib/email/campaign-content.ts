// Campaign messages are stored without a rendered copy; their content is the campaign's template
// filled with the recipient's variables. Templates are cached per campaign (they never change).
import { fillTemplate } from "./render";

export type CampaignTemplate = { subjectVi: string; subjectEn: string; htmlVi: string; htmlEn: string; textVi: string; textEn: string };

export function campaignContent(t: CampaignTemplate, locale: "vi" | "en", variables: Record<string, string> | null) {
  const vars = variables ?? {};
  return {
    html: fillTemplate(locale === "en" ? t.htmlEn : t.htmlVi, vars, true),
    text: fillTemplate(locale === "en" ? t.textEn : t.textVi, vars, false),
  };
}

/** A campaign's stored template from its email rendered once in each language. */
export function campaignTemplateOf(vi: { subject: string; html: string; text: string }, en: { subject: string; html: string; text: string }): CampaignTemplate {
  return { subjectVi: vi.subject, subjectEn: en.subject, htmlVi: vi.html, htmlEn: en.html, textVi: vi.text, textEn: en.text };
}
