"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { DateInput } from "@/components/ui/date-input";
import { FileInput } from "@/components/ui/file-input";
import { logRequestSchema, REQUEST_TYPES, STAFF_CHANNELS, type LogRequestInput } from "@/lib/privacy-requests/schemas";
import { logRequestAction } from "../actions";

/** A request received by letter, email, phone or in person. Written ones need their scan. */
export function LogRequestForm({ customerId, today, purposes }: { customerId: string; today: string; purposes: { key: string; label: string }[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const form = useForm<LogRequestInput>({
    resolver: zodResolver(logRequestSchema),
    // No type chosen up front: a wrong default would be logged as what the customer asked for.
    defaultValues: {
      customerId,
      type: "" as LogRequestInput["type"],
      channel: "LETTER",
      receivedOn: today,
      details: "",
      purposeKey: "",
      involvesThirdParty: false,
      file: null,
    },
  });
  const submitAsFormData = async (values: LogRequestInput) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) {
      if (v instanceof File) data.set(k, v);
      else if (v !== null && v !== undefined && v !== false) data.set(k, v === true ? "on" : String(v));
    }
    return logRequestAction(data);
  };
  const { submit, formError, fieldError } = useActionForm(form, submitAsFormData, (r) => router.push(`/admin/requests/${r.id}`));
  const type = form.watch("type");
  const channel = form.watch("channel");
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("requests.log")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="lr-type" label={t("requests.typeLabel")} error={fieldError("type")}>
          <Select {...fieldA11y("lr-type", fieldError("type"))} {...form.register("type")}>
            <option value="" disabled>
              {t("requests.typeChoose")}
            </option>
            {REQUEST_TYPES.map((v) => (
              <option key={v} value={v}>
                {t(`requests.type.${v}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="lr-channel" label={t("requests.channelLabel")} error={fieldError("channel")}>
          <Select {...fieldA11y("lr-channel", fieldError("channel"))} {...form.register("channel")}>
            {STAFF_CHANNELS.map((v) => (
              <option key={v} value={v}>
                {t(`requests.channel.${v}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="lr-date" label={t("requests.receivedOn")} error={fieldError("receivedOn")}>
          <DateInput {...fieldA11y("lr-date", fieldError("receivedOn"))} {...form.register("receivedOn")} />
        </Field>
      </div>
      {(type === "GRANT_CONSENT" || type === "WITHDRAW_CONSENT") && (
        <Field id="lr-purpose" label={t("requests.purpose")} error={fieldError("purposeKey")}>
          <Select {...fieldA11y("lr-purpose", fieldError("purposeKey"))} {...form.register("purposeKey")}>
            <option value="">—</option>
            {purposes.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field id="lr-details" label={t("requests.detailsLabel")} error={fieldError("details")}>
        <Textarea rows={4} {...fieldA11y("lr-details", fieldError("details"))} {...form.register("details")} />
      </Field>
      <Field
        id="lr-file"
        label={t(channel === "LETTER" || channel === "EMAIL" ? "requests.scanRequiredLabel" : "requests.scanOptional")}
        hint={t("requests.scanHint")}
        error={fieldError("file")}
      >
        <FileInput
          accept="application/pdf,image/png,image/jpeg,image/webp"
          {...fieldA11y("lr-file", fieldError("file"))}
          onChange={(e) => form.setValue("file", e.target.files?.[0] ?? null)}
        />
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 size-4" {...form.register("involvesThirdParty")} />
        <span>{t("requests.thirdParty")}</span>
      </label>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("requests.logSubmit")}
      </Button>
    </form>
  );
}
