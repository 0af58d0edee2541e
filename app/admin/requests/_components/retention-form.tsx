"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmRetentionAction } from "../actions";

/** `why`: what makes them eligible, in words ("terminated on …", "lead, last contact …"). */
type Candidate = { id: string; name: string; why: string; legalHoldReason: string | null };

/** The officer ticks who to erase (everyone eligible by default) and confirms the batch. */
export function RetentionForm({ candidates }: { candidates: Candidate[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const eligible = candidates.filter((c) => !c.legalHoldReason);
  const [selected, setSelected] = useState(() => new Set(eligible.map((c) => c.id)));
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form
      aria-label={t("retention.confirmTitle")}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!confirming) return setConfirming(true);
        startTransition(async () => {
          const result = await confirmRetentionAction({ customerIds: [...selected] });
          if (!result.ok) {
            setError(result.error.fieldErrors?.customerIds ?? result.error.message);
            setConfirming(false);
            return;
          }
          setConfirming(false);
          router.refresh();
        });
      }}
    >
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="divide-y divide-zinc-100 text-sm" data-testid="retention-candidates">
        {candidates.map((c) => (
          <li key={c.id} className="flex items-center gap-3 py-2">
            <input
              id={`rc-${c.id}`}
              type="checkbox"
              className="size-4"
              checked={selected.has(c.id)}
              disabled={!!c.legalHoldReason}
              onChange={() => toggle(c.id)}
            />
            <label htmlFor={`rc-${c.id}`} className="flex-1">
              {c.name} <span className="text-zinc-500">· {c.why}</span>
              {c.legalHoldReason && <span className="block text-amber-800">{t("requests.onLegalHold", { reason: c.legalHoldReason })}</span>}
            </label>
          </li>
        ))}
      </ul>
      {confirming && <Alert tone="warning">{t("retention.confirmWarning", { count: selected.size })}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending || selected.size === 0}>
          {confirming ? t("retention.confirmNow", { count: selected.size }) : t("retention.eraseSelected", { count: selected.size })}
        </Button>
        {confirming && (
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            {t("me.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
