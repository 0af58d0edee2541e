import { DEFAULT_FIELD_MODES } from "@/lib/forms/definition";
import type { PublicForm } from "@/lib/forms/queries";
import type { FormInput } from "@/lib/forms/schemas";

export const EMPTY_FORM: FormInput = {
  slug: "",
  kind: "LEAD",
  status: "DRAFT",
  titleVi: "",
  titleEn: "",
  introVi: "",
  introEn: "",
  fields: DEFAULT_FIELD_MODES,
  questions: [],
  purposeKeys: [],
  thankYouVi: "",
  thankYouEn: "",
  redirectUrl: "",
  allowedOrigins: "",
};

export function toEditorValues(form: PublicForm): FormInput {
  return {
    slug: form.slug,
    kind: form.kind,
    status: form.status,
    titleVi: form.titleVi,
    titleEn: form.titleEn,
    introVi: form.introVi,
    introEn: form.introEn,
    fields: form.fields,
    questions: form.questions,
    purposeKeys: form.purposes.map((p) => p.key),
    thankYouVi: form.thankYouVi,
    thankYouEn: form.thankYouEn,
    redirectUrl: form.redirectUrl ?? "",
    allowedOrigins: form.allowedOrigins.join("\n"),
  };
}
