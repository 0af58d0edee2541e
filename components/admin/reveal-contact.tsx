"use client";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/actions/action";

type Contact = { phone: string | null; address: string | null };

/**
 * A masked phone or address with a one-click reveal. `reveal` is a server action bound to the
 * record (a customer, a submission); the server audits every reveal.
 */
export function RevealContact({ reveal, masked, field }: { reveal: () => Promise<ActionResult<Contact>>; masked: string | null; field: "phone" | "address" }) {
  const { t } = useI18n();
  const [value, setValue] = useState<string | null>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (!masked) return <span className="text-zinc-400">—</span>;
  if (value !== undefined) return <span data-testid={`revealed-${field}`}>{value ?? "—"}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono text-zinc-600">{masked}</span>
      <button
        type="button"
        className="text-xs font-medium text-brand-800 underline"
        disabled={pending}
        aria-label={t(field === "phone" ? "customers.revealPhone" : "customers.revealAddress")}
        onClick={() =>
          startTransition(async () => {
            const result = await reveal();
            if (result.ok) setValue(result.data[field]);
            else setError(result.error.message);
          })
        }
      >
        {t("customers.reveal")}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
