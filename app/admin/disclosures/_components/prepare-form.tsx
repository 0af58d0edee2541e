"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { DateInput } from "@/components/ui/date-input";
import { FileInput } from "@/components/ui/file-input";
import { ALLOWED_FIELDS, type RecipientCategory } from "@/lib/disclosures/rules";
import { prepareDisclosureAction } from "../actions";

type Recipient = { id: string; name: string; category: RecipientCategory };

/**
 * Only the fields the chosen recipient's category may receive are offered (the data layer and the
 * database refuse any other). Customers come from the register filter the user came from, or a list.
 */
export function PrepareForm({ recipients, filter, filterLabel }: { recipients: Recipient[]; filter: Record<string, string> | null; filterLabel: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [recipientId, setRecipientId] = useState(recipients[0]?.id ?? "");
  const category = recipients.find((r) => r.id === recipientId)?.category;
  const [fields, setFields] = useState<string[]>([]);
  const [chosenMode, setMode] = useState<"filter" | "emails">(filter ? "filter" : "emails");
  // A shipment names its customers one by one: never a register filter.
  const mode = category === "SHIPPING" ? "emails" : chosenMode;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const allowed = category ? ALLOWED_FIELDS[category] : [];

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const payload = {
      recipientId,
      reason: form.get("reason"),
      fields,
      reference: form.get("reference") ?? "",
      agencyName: form.get("agencyName") ?? "",
      documentNumber: form.get("documentNumber") ?? "",
      documentDate: form.get("documentDate") ?? "",
      confidential: form.get("confidential") === "on",
      selection: mode === "filter" ? { kind: "filter", filter } : { kind: "emails" },
    };
    const data = new FormData();
    data.set("payload", JSON.stringify(payload));
    data.set("emails", String(form.get("emails") ?? ""));
    const file = form.get("requestFile");
    if (file instanceof File && file.size > 0) data.set("requestFile", file);
    startTransition(async () => {
      setErrors({});
      setFormError(undefined);
      const result = await prepareDisclosureAction(data);
      if (result.ok) router.push(`/admin/disclosures/${result.data.id}`);
      else {
        setErrors(result.error.fieldErrors ?? {});
        setFormError(result.error.message);
      }
    });
  };
  const err = (name: string) => errors[name] ?? errors[`selection.${name}`];

  return (
    <form onSubmit={submit} noValidate className="max-w-3xl space-y-5" aria-label={t("disclosures.prepareTitle")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="recipientId" label={t("disclosures.recipient")} error={err("recipientId")}>
        <Select
          id="recipientId"
          value={recipientId}
          onChange={(e) => {
            setRecipientId(e.target.value);
            setFields([]);
          }}
        >
          {recipients.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} — {t(`disclosures.category.${r.category}`)}
            </option>
          ))}
        </Select>
      </Field>
      {category && (
        <fieldset aria-describedby={err("fields") ? "fields-error" : undefined}>
          <legend className="mb-1.5 text-sm font-medium">{t("disclosures.fields")}</legend>
          <p className="mb-2 text-xs text-zinc-500">{t(`disclosures.allowedHint.${category}`)}</p>
          <div className="flex flex-wrap gap-4">
            {allowed.map((f) => (
              <label key={f} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-brand-700"
                  checked={fields.includes(f)}
                  onChange={(e) => setFields(e.target.checked ? [...fields, f] : fields.filter((x) => x !== f))}
                />
                {t(`disclosures.field.${f}`)}
              </label>
            ))}
          </div>
          {err("fields") && (
            <p id="fields-error" role="alert" className="mt-1 text-sm text-red-700">
              {err("fields")}
            </p>
          )}
        </fieldset>
      )}
      <Field id="reason" label={t("disclosures.reason")} error={err("reason")}>
        <Textarea id="reason" name="reason" rows={2} aria-invalid={err("reason") ? true : undefined} />
      </Field>
      {category === "SHIPPING" && (
        <Field id="reference" label={t("disclosures.reference")} error={err("reference")}>
          <Input id="reference" name="reference" aria-invalid={err("reference") ? true : undefined} />
        </Field>
      )}
      {category === "AUTHORITY" && (
        <div className="grid gap-4 rounded-md border border-amber-200 bg-amber-50 p-4 sm:grid-cols-2">
          <Field id="agencyName" label={t("disclosures.agency")} error={err("agencyName")}>
            <Input id="agencyName" name="agencyName" />
          </Field>
          <Field id="documentNumber" label={t("disclosures.documentNumber")}>
            <Input id="documentNumber" name="documentNumber" />
          </Field>
          <Field id="documentDate" label={t("disclosures.documentDate")}>
            <DateInput id="documentDate" name="documentDate" />
          </Field>
          <Field id="requestFile" label={t("disclosures.requestFile")} error={err("requestFile")}>
            <FileInput id="requestFile" name="requestFile" accept="application/pdf,image/*" />
          </Field>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="confidential" className="size-4 accent-brand-700" />
            {t("disclosures.confidential")}
          </label>
        </div>
      )}
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t("disclosures.customers")}</legend>
        {filter && category !== "SHIPPING" && (
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" checked={mode === "filter"} onChange={() => setMode("filter")} className="size-4 accent-brand-700" />
            {t("disclosures.fromFilter", { filter: filterLabel })}
          </label>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" checked={mode === "emails"} onChange={() => setMode("emails")} className="size-4 accent-brand-700" />
          {t("disclosures.fromEmails")}
        </label>
        {mode === "emails" && (
          <Field id="emails" label={t("disclosures.emails")} error={err("emails") ?? errors.selection}>
            <Textarea id="emails" name="emails" rows={4} aria-invalid={err("emails") ? true : undefined} />
          </Field>
        )}
      </fieldset>
      <Button type="submit" disabled={pending || !category}>
        {pending ? t("disclosures.preparing") : t("disclosures.prepare")}
      </Button>
    </form>
  );
}
