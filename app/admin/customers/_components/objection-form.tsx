"use client";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { recordObjectionAction } from "@/app/admin/disclosures/actions";

/** Records the customer's objection to sharing (said on the phone, in a letter…). */
export function ObjectionForm({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-2"
      aria-label={t("customers.objectionTitle")}
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await recordObjectionAction({ customerId, note });
          setMessage(
            result.ok ? { ok: true, text: t("customers.objectionRecorded") } : { ok: false, text: result.error.fieldErrors?.note ?? result.error.message },
          );
        });
      }}
    >
      <p className="text-sm text-zinc-600">{t("customers.objectionHint")}</p>
      <label htmlFor="objection-note" className="block text-sm font-medium">
        {t("customers.objectionNote")}
      </label>
      <Textarea id="objection-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
          {message.text}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("customers.recordObjection")}
      </Button>
    </form>
  );
}
