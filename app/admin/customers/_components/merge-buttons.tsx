"use client";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { mergeCustomersAction } from "../actions";

type Side = { id: string; name: string };

/** Merge in either direction, after a confirmation that says what will happen. */
export function MergeButtons({ a, b }: { a: Side; b: Side }) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const merge = (keep: Side, drop: Side) => {
    if (!window.confirm(t("customers.mergeConfirm", { keep: keep.name, drop: drop.name }))) return;
    startTransition(async () => {
      const result = await mergeCustomersAction({ keepId: keep.id, mergeId: drop.id });
      setMessage(result.ok ? { ok: true, text: t("customers.merged") } : { ok: false, text: result.error.message });
    });
  };
  if (message?.ok) return <span role="status" className="text-sm text-emerald-700">{message.text}</span>;
  return (
    <div className="flex flex-wrap gap-2">
      <Button size="sm" variant="secondary" disabled={pending} onClick={() => merge(a, b)}>{t("customers.keep", { name: a.name })}</Button>
      <Button size="sm" variant="secondary" disabled={pending} onClick={() => merge(b, a)}>{t("customers.keep", { name: b.name })}</Button>
      {message && <span role="alert" className="text-sm text-red-700">{message.text}</span>}
    </div>
  );
}
