import { PERSONAL_FIELDS, type PersonalField, type Question } from "@/lib/forms/definition";
import type { PublicForm } from "@/lib/forms/queries";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { a11y, controlId, ErrorText, RequiredMark, Row } from "./field-parts";

export type FormState = { values: Record<string, string | string[]>; errors: Record<string, string>; summary?: string; preview?: boolean };

const INPUT: Record<PersonalField, { type: string; autoComplete: string; inputMode?: "email" | "tel" }> = {
  fullName: { type: "text", autoComplete: "name" },
  email: { type: "email", autoComplete: "email", inputMode: "email" },
  phone: { type: "tel", autoComplete: "tel", inputMode: "tel" },
  address: { type: "text", autoComplete: "street-address" },
  organization: { type: "text", autoComplete: "organization" },
};

const pick = (locale: Locale, vi: string, en: string) => (locale === "en" ? en : vi);
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

function QuestionControl({ q, locale, t, state }: { q: Question; locale: Locale; t: Translate; state: FormState }) {
  const name = `answers.${q.key}`;
  const error = state.errors[name];
  const label = pick(locale, q.labelVi, q.labelEn);
  const value = state.values[name];
  if (q.type === "short_text" || q.type === "long_text") {
    const Control = q.type === "long_text" ? "textarea" : "input";
    return (
      <Row>
        <label htmlFor={controlId(name)}>
          {label} <RequiredMark required={q.required} label={t("publicForm.requiredMark")} />
        </label>
        <Control
          id={controlId(name)}
          name={name}
          required={q.required}
          defaultValue={str(value)}
          maxLength={q.type === "long_text" ? 4000 : 300}
          rows={q.type === "long_text" ? 4 : undefined}
          {...a11y(name, error)}
        />
        <ErrorText name={name} error={error} />
      </Row>
    );
  }
  const multiple = q.type === "multiple_choice";
  const options =
    q.type === "rating"
      ? [1, 2, 3, 4, 5].map((n) => ({ key: String(n), label: String(n) }))
      : q.options.map((o) => ({ key: o.key, label: pick(locale, o.labelVi, o.labelEn) }));
  const chosen = list(value);
  return (
    <fieldset className={q.type === "rating" ? "row rating" : "row"} {...a11y(name, error)}>
      <legend>
        {label} <RequiredMark required={q.required} label={t("publicForm.requiredMark")} />
        {q.type === "rating" && <span className="hint">{t("publicForm.ratingHint")}</span>}
      </legend>
      {options.map((o) => (
        <label key={o.key} className="choice">
          <input type={multiple ? "checkbox" : "radio"} name={name} value={o.key} defaultChecked={chosen.includes(o.key)} required={q.required && !multiple} />
          <span>{o.label}</span>
        </label>
      ))}
      <ErrorText name={name} error={error} />
    </fieldset>
  );
}

export function PublicFormBody(props: {
  form: PublicForm;
  locale: Locale;
  t: Translate;
  state: FormState;
  action: string;
  idempotencyKey: string;
  policyHref: string;
}) {
  const { form, locale, t, state } = props;
  const fields = PERSONAL_FIELDS.filter((f) => form.fields[f] !== "off");
  const consented = list(state.values.consents);
  const intro = pick(locale, form.introVi, form.introEn);
  return (
    <form
      method="post"
      action={props.action}
      noValidate
      data-customer-register-form={state.preview ? undefined : form.slug}
      data-redirect={form.redirectUrl ?? undefined}
    >
      {state.preview && <p className="preview">{t("publicForm.previewNotice")}</p>}
      {form.upcoming && (
        <p className="banner" role="status" data-policy-banner>
          {t("publicForm.policyChanges", { date: formatDate(form.upcoming.effectiveAt, locale) })}{" "}
          <a href={`/privacy/diff?to=${form.upcoming.number}${locale === "en" ? "&lang=en" : ""}`} target="_blank" rel="noopener">
            {t("publicForm.seeChanges")}
          </a>
        </p>
      )}
      <h1>{pick(locale, form.titleVi, form.titleEn)}</h1>
      {intro && <p className="intro">{intro}</p>}
      <div className="summary" role="alert" tabIndex={-1} data-summary hidden={!state.summary}>
        {state.summary}
      </div>
      {fields.map((f) => {
        const error = state.errors[f];
        const required = form.fields[f] === "required";
        return (
          <Row key={f}>
            <label htmlFor={controlId(f)}>
              {t(`publicForm.field.${f}`)} <RequiredMark required={required} label={t("publicForm.requiredMark")} />
            </label>
            <input
              id={controlId(f)}
              name={f}
              {...INPUT[f]}
              required={required}
              defaultValue={str(state.values[f])}
              maxLength={f === "address" ? 500 : 254}
              {...a11y(f, error)}
            />
            <ErrorText name={f} error={error} />
          </Row>
        );
      })}
      {form.questions.map((q) => (
        <QuestionControl key={q.key} q={q} locale={locale} t={t} state={state} />
      ))}
      {form.purposes.length > 0 && (
        <fieldset className="row consents" {...a11y("consents", state.errors.consents)}>
          <legend>{t("publicForm.consentLegend")}</legend>
          <p className="hint">{t("publicForm.consentHint")}</p>
          {form.purposes.map((p) => (
            <label key={p.key} className="choice consent">
              <input type="checkbox" name="consents" value={p.key} defaultChecked={consented.includes(p.key)} />
              <span>
                <strong>{pick(locale, p.labelVi, p.labelEn)}</strong>: {pick(locale, p.descriptionVi, p.descriptionEn)}
              </span>
            </label>
          ))}
          <ErrorText name="consents" error={state.errors.consents} />
        </fieldset>
      )}
      <p className="policy">
        {form.policy ? (
          <>
            {t("publicForm.policyNotice", { version: form.policy.number })}{" "}
            <a href={props.policyHref} target="_blank" rel="noopener">
              {t("publicForm.policyLink")}
            </a>
          </>
        ) : (
          t("publicForm.noPolicy")
        )}
      </p>
      <div className="hp" aria-hidden="true">
        <label>
          Website
          <input type="text" name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" data-sending={t("publicForm.sending")} disabled={state.preview}>
        {t("publicForm.submit")}
      </button>
    </form>
  );
}

export function ThankYou({ form, locale, t, confirm }: { form: PublicForm; locale: Locale; t: Translate; confirm: boolean }) {
  const text = pick(locale, form.thankYouVi, form.thankYouEn) || t("publicForm.thankYouDefault");
  return (
    <div className="thanks" role="status" tabIndex={-1} data-thanks>
      <h1>{t("publicForm.thankYouTitle")}</h1>
      <p>{text}</p>
      {confirm && <p data-confirm-notice>{t("publicForm.confirmNotice")}</p>}
    </div>
  );
}
