"use client";
import { useId, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Textarea } from "@/components/ui/input";
import { mergeCustomersAction } from "../actions";

type Side = { id: string; name: string };

/**
 * Merge in either direction, after a confirmation that says what will happen. Records that share
 * no email or phone need a compliance officer's written reason; others see why they cannot merge.
 */
export function MergeButtons({ a, b, needsApproval, canApprove }: { a: Side; b: Side; needsApproval: boolean; canApprove: boolean }) {
  const { t } = useI18n();
  const reasonId = useId();
  const [pending, startTransition] = useTransition();
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string; field?: string }>();
  const confirm = useConfirm();
  const merge = async (keep: Side, drop: Side) => {
    const sure = await confirm({
      title: t("customers.mergeTitle"),
      body: t("customers.mergeConfirm", { keep: keep.name, drop: drop.name }),
      confirmLabel: t("customers.merge"),
    });
    if (!sure) return;
    startTransition(async () => {
      const result = await mergeCustomersAction({ keepId: keep.id, mergeId: drop.id, reason: needsApproval ? reason : "" });
      setMessage(
        result.ok
          ? { ok: true, text: t("customers.merged") }
          : { ok: false, text: result.error.fieldErrors?.reason ?? result.error.message, field: result.error.fieldErrors?.reason },
      );
    });
  };
  if (message?.ok)
    return (
      <span role="status" className="text-sm text-emerald-700">
        {message.text}
      </span>
    );
  if (needsApproval && !canApprove) return <span className="text-sm text-zinc-600">{t("customers.mergeApprovalNote")}</span>;
  return (
    <div className="space-y-2">
      {needsApproval && (
        <div className="space-y-1">
          <label htmlFor={reasonId} className="text-xs font-medium text-zinc-700">
            {t("customers.mergeReason")}
          </label>
          <Textarea
            id={reasonId}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="min-h-16"
            aria-invalid={message?.field ? true : undefined}
            aria-describedby={message?.field ? `${reasonId}-error` : undefined}
          />
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => merge(a, b)}>
          {t("customers.keep", { name: a.name })}
        </Button>
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => merge(b, a)}>
          {t("customers.keep", { name: b.name })}
        </Button>
      </div>
      {message && (
        <p id={`${reasonId}-error`} role="alert" className="text-sm text-red-700">
          {message.text}
        </p>
      )}
    </div>
  );
}
