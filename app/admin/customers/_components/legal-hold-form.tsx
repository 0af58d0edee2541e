"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { clearLegalHoldAction, setLegalHoldAction } from "@/app/admin/requests/actions";

/** A legal hold keeps the customer's data from being erased (requests and retention alike). */
export function LegalHoldForm({ customerId, reason }: { customerId: string; reason: string | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const done = (result: { ok: boolean; error?: { message: string; fieldErrors?: Record<string, string> } }) => {
    if (result.ok) {
      setText("");
      setError(undefined);
      router.refresh();
    } else setError(result.error?.fieldErrors?.reason ?? result.error?.message);
  };
  if (reason) {
    // Lifting the hold lets the data be erased again: it takes a reason too, kept on the record.
    return (
      <form
        className="space-y-2 text-sm"
        aria-label={t("customers.clearLegalHold")}
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => done(await clearLegalHoldAction({ customerId, reason: text })));
        }}
      >
        <p className="text-amber-900">{t("requests.onLegalHold", { reason })}</p>
        <label htmlFor="lift-reason" className="block font-medium">
          {t("customers.liftReason")}
        </label>
        <Textarea
          id="lift-reason"
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "lift-error" : undefined}
        />
        {error && (
          <p id="lift-error" role="alert" className="text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {t("customers.clearLegalHold")}
        </Button>
      </form>
    );
  }
  return (
    <form
      className="space-y-2"
      aria-label={t("customers.legalHold")}
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => done(await setLegalHoldAction({ customerId, reason: text })));
      }}
    >
      <p className="text-sm text-zinc-600">{t("customers.legalHoldHint")}</p>
      <label htmlFor="hold-reason" className="block text-sm font-medium">
        {t("customers.legalHoldReason")}
      </label>
      <Textarea
        id="hold-reason"
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "hold-error" : undefined}
      />
      {error && (
        <p id="hold-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {t("customers.setLegalHold")}
      </Button>
    </form>
  );
}
