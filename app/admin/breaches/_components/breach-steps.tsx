"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { DateInput } from "@/components/ui/date-input";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import {
  type AuthorityNoticeInput,
  authorityNoticeSchema,
  BREACH_CHANNELS,
  type CloseBreachInput,
  type CustomerNoticeInput,
  closeBreachSchema,
  customerNoticeSchema,
  type LinkCustomersInput,
  linkCustomersSchema,
} from "@/lib/breaches/schemas";
import { closeBreachAction, linkBreachCustomersAction, notifyBreachCustomersAction, recordAuthorityNoticeAction, saveCustomerNoticeAction } from "../actions";

// The steps on one breach page: tell the authority, link the customers, write and send their notice, close.

/** When and how the authority was told; the reason for a delay when past 72 hours. */
export function AuthorityForm({ id, today, late }: { id: string; today: string; late: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const form = useForm<AuthorityNoticeInput>({
    resolver: zodResolver(authorityNoticeSchema),
    defaultValues: { id, notifiedOn: today, notifiedTime: "", channel: "PORTAL", reference: "", lateReason: "" },
  });
  const { submit, formError, fieldError } = useActionForm(form, recordAuthorityNoticeAction, () => {
    toast.show(t("breaches.authoritySaved"));
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={t("breaches.authorityTitle")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="a-on" label={t("breaches.field.notifiedOn")} error={fieldError("notifiedOn")}>
          <DateInput {...fieldA11y("a-on", fieldError("notifiedOn"))} {...form.register("notifiedOn")} />
        </Field>
        <Field id="a-time" label={t("breaches.field.notifiedTime")} hint={t("breaches.timeHint")} error={fieldError("notifiedTime")}>
          <Input
            inputMode="numeric"
            placeholder="09:00"
            className="w-28"
            {...fieldA11y("a-time", fieldError("notifiedTime"))}
            {...form.register("notifiedTime")}
          />
        </Field>
        <Field id="a-channel" label={t("breaches.field.channel")} error={fieldError("channel")}>
          <Select {...fieldA11y("a-channel", fieldError("channel"))} {...form.register("channel")}>
            {BREACH_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`breaches.channel.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field id="a-ref" label={t("breaches.field.reference")} error={fieldError("reference")}>
        <Input {...fieldA11y("a-ref", fieldError("reference"))} {...form.register("reference")} />
      </Field>
      <Field id="a-late" label={t("breaches.field.lateReason")} hint={t(late ? "breaches.lateHintNow" : "breaches.lateHint")} error={fieldError("lateReason")}>
        <Textarea rows={2} {...fieldA11y("a-late", fieldError("lateReason"))} {...form.register("lateReason")} />
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("breaches.authoritySave")}
      </Button>
    </form>
  );
}

/** Links the customers a breach touched: pasted emails or phones, or a register search. */
export function LinkCustomersForm({ id }: { id: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [mode, setMode] = useState<"list" | "filter">("list");
  const [unknown, setUnknown] = useState<{ list: string[]; count: number }>();
  const form = useForm<LinkCustomersInput>({
    resolver: zodResolver(linkCustomersSchema),
    defaultValues: { id, mode: "list", list: "" } as LinkCustomersInput,
  });
  const { submit, formError, fieldError } = useActionForm(form, linkBreachCustomersAction, (result) => {
    toast.show(t("breaches.linked", { count: result.linked }));
    setUnknown(result.unknownCount > 0 ? { list: result.unknown, count: result.unknownCount } : undefined);
    router.refresh();
  });
  const choose = (next: "list" | "filter") => {
    setMode(next);
    form.reset(next === "list" ? { id, mode: "list", list: "" } : { id, mode: "filter", q: "", status: "", from: "", to: "" });
  };
  // biome-ignore lint/suspicious/noExplicitAny: the discriminated union's fields are known per mode
  const field = (name: string) => fieldError(name as any);
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={t("breaches.linkTitle")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div role="radiogroup" aria-label={t("breaches.linkHow")} className="flex flex-wrap gap-4 text-sm">
        {(["list", "filter"] as const).map((m) => (
          <label key={m} className="flex items-center gap-2">
            <input type="radio" name="link-mode" className="size-4" checked={mode === m} onChange={() => choose(m)} />
            {t(`breaches.linkMode.${m}`)}
          </label>
        ))}
      </div>
      {mode === "list" ? (
        <Field id="l-list" label={t("breaches.field.list")} hint={t("breaches.listHint")} error={field("list")}>
          <Textarea rows={4} {...fieldA11y("l-list", field("list"))} {...form.register("list" as "id")} />
        </Field>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="l-q" label={t("breaches.field.q")} hint={t("breaches.qHint")} error={field("q")}>
            <Input {...fieldA11y("l-q", field("q"))} {...form.register("q" as "id")} />
          </Field>
          <Field id="l-status" label={t("breaches.field.status")} error={field("status")}>
            <Select {...fieldA11y("l-status", field("status"))} {...form.register("status" as "id")}>
              <option value="">{t("breaches.anyStatus")}</option>
              {(["LEAD", "ACTIVE", "TERMINATED"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`customers.statusValue.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="l-from" label={t("breaches.field.from")} error={field("from")}>
            <DateInput {...fieldA11y("l-from", field("from"))} {...form.register("from" as "id")} />
          </Field>
          <Field id="l-to" label={t("breaches.field.to")} error={field("to")}>
            <DateInput {...fieldA11y("l-to", field("to"))} {...form.register("to" as "id")} />
          </Field>
        </div>
      )}
      {unknown && (
        <Alert tone="warning" data-testid="unknown-contacts">
          {t("breaches.unknown", { count: unknown.count, list: unknown.list.join(", ") })}
        </Alert>
      )}
      <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
        {t("breaches.linkSave")}
      </Button>
    </form>
  );
}

/** Sends the (saved) notice to every linked customer not told yet, after a confirmation. */
export function NotifyButton({ id, pending, disabled = false }: { id: string; pending: number; disabled?: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const confirm = useConfirm();
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string>();
  const send = async () => {
    if (
      !(await confirm({
        title: t("breaches.notifyConfirmTitle", { count: pending }),
        body: t("breaches.notifyConfirmBody"),
        confirmLabel: t("breaches.notify"),
        tone: "primary",
      }))
    )
      return;
    setSending(true);
    setSendError(undefined);
    const result = await notifyBreachCustomersAction({ id });
    setSending(false);
    if (!result.ok) return setSendError(result.error.message);
    toast.show(t("breaches.notified", { count: result.data.notified, withoutEmail: result.data.withoutEmail }));
    router.refresh();
  };
  return (
    <>
      {sendError && <Alert tone="error">{sendError}</Alert>}
      <Button type="button" disabled={disabled || pending === 0 || sending} onClick={send}>
        {sending ? t("breaches.notifying") : t("breaches.notifyCount", { count: pending })}
      </Button>
    </>
  );
}

/** What affected customers are told, in both languages, then sent through the outbox (the text is fixed once anyone is told). */
export function CustomerNoticeForm({
  id,
  initial,
  linked,
  pending,
}: {
  id: string;
  initial: { noticeVi: string; noticeEn: string };
  linked: number;
  pending: number;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const form = useForm<CustomerNoticeInput>({ resolver: zodResolver(customerNoticeSchema), defaultValues: { id, ...initial } });
  const { submit, formError, fieldError } = useActionForm(form, saveCustomerNoticeAction, () => {
    toast.show(t("breaches.noticeSaved"));
    form.reset(form.getValues());
    router.refresh();
  });
  const saved = initial.noticeVi !== "" && initial.noticeEn !== "";
  return (
    <div className="space-y-4">
      <form onSubmit={submit} noValidate className="space-y-3" aria-label={t("breaches.noticeTitle")}>
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="grid gap-3 lg:grid-cols-2">
          <Field id="n-vi" label={t("breaches.field.noticeVi")} error={fieldError("noticeVi")}>
            <Textarea lang="vi" rows={6} {...fieldA11y("n-vi", fieldError("noticeVi"))} {...form.register("noticeVi")} />
          </Field>
          <Field id="n-en" label={t("breaches.field.noticeEn")} error={fieldError("noticeEn")}>
            <Textarea lang="en" rows={6} {...fieldA11y("n-en", fieldError("noticeEn"))} {...form.register("noticeEn")} />
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
          {t("breaches.noticeSave")}
        </Button>
      </form>
      <div className="flex flex-wrap items-center gap-3">
        <NotifyButton id={id} pending={pending} disabled={!saved || form.formState.isDirty} />
        <p className="text-sm text-zinc-600">{!saved ? t("breaches.noticeFirst") : linked === 0 ? t("breaches.linkFirst") : t("breaches.notifyHelp")}</p>
      </div>
    </div>
  );
}

export function CloseBreachForm({ id }: { id: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const form = useForm<CloseBreachInput>({ resolver: zodResolver(closeBreachSchema), defaultValues: { id, note: "" } });
  const { submit, formError, fieldError } = useActionForm(form, closeBreachAction, () => router.refresh());
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={t("breaches.closeTitle")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="c-note" label={t("breaches.field.closingNote")} error={fieldError("note")}>
        <Textarea rows={2} {...fieldA11y("c-note", fieldError("note"))} {...form.register("note")} />
      </Field>
      <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
        {t("breaches.close")}
      </Button>
    </form>
  );
}
