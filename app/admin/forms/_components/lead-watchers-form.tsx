"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import { LEAD_NOTIFY_MODES } from "@/lib/leads/schemas";
import { leadWatchersSchema, type LeadWatchersInput } from "@/lib/leads/schemas";
import { setLeadWatchersAction } from "../actions";

type Person = { id: string; name: string; email: string; mode: "IMMEDIATE" | "HOURLY" | null };

/** Per form: who in the team hears of new submissions, at once or hourly. */
export function LeadWatchersForm({ formId, people }: { formId: string; people: Person[] }) {
  const { t } = useI18n();
  const toast = useToast();
  const form = useForm<LeadWatchersInput>({
    resolver: zodResolver(leadWatchersSchema),
    defaultValues: { formId, watchers: people.map((p) => ({ userId: p.id, mode: p.mode ?? "OFF" })) },
  });
  const { submit, formError } = useActionForm(form, setLeadWatchersAction, () => toast.show(t("leads.saved")));
  return (
    <form onSubmit={submit} noValidate aria-label={t("leads.notify")} className="space-y-3">
      {formError && <Alert tone="error">{formError}</Alert>}
      <ul className="divide-y divide-zinc-100">
        {people.map((p, i) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <label htmlFor={`watch-${p.id}`} className="text-sm">
              <span className="font-medium">{p.name}</span> <span className="text-zinc-500">{p.email}</span>
            </label>
            <Select id={`watch-${p.id}`} className="w-44" {...form.register(`watchers.${i}.mode`)}>
              {LEAD_NOTIFY_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`leads.mode.${m}`)}
                </option>
              ))}
            </Select>
          </li>
        ))}
      </ul>
      <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
        {t("leads.save")}
      </Button>
    </form>
  );
}
