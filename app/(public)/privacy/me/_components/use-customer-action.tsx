"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/actions/action";

/** Runs a customer action, shows its outcome, and re-renders the page with the new state. */
export function useCustomerAction() {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  /** onDone: the success is announced some other way (a toast) instead of the message under the button. */
  const run = <T,>(action: () => Promise<ActionResult<T>>, success: string, options: { onDone?: (text: string) => void } = {}) =>
    startTransition(async () => {
      try {
        const result = await action();
        if (result.ok && options.onDone) {
          setMessage(undefined);
          options.onDone(success);
        } else setMessage(result.ok ? { ok: true, text: success } : { ok: false, text: result.error.message });
        if (result.ok) router.refresh();
      } catch {
        setMessage({ ok: false, text: t("errors.network") });
      }
    });
  return { pending, message, run };
}

export function ActionMessage({ message }: { message?: { ok: boolean; text: string } }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
      {message.text}
    </p>
  );
}
