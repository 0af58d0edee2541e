"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/actions/action";

/**
 * One button for one server action already bound to its input (revoke, replay, mark answered …):
 * asks first when `confirm` is given, shows the error next to the button, toasts success and
 * refreshes the page's server data.
 */
export function ActionButton({
  action,
  label,
  done,
  confirm,
  variant = "secondary",
  testId,
}: {
  action: () => Promise<ActionResult<unknown>>;
  label: string;
  done?: string;
  confirm?: { title: string; confirmLabel: string; tone?: "danger" | "primary" };
  variant?: "primary" | "secondary" | "danger";
  testId?: string;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const ask = useConfirm();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        variant={variant}
        disabled={pending}
        data-testid={testId}
        onClick={async () => {
          if (confirm && !(await ask(confirm))) return;
          startTransition(async () => {
            setError(undefined);
            let result: ActionResult<unknown>;
            try {
              result = await action();
            } catch {
              setError(t("errors.network"));
              return;
            }
            if (!result.ok) {
              setError(result.error.message);
              return;
            }
            if (done) toast.show(done);
            router.refresh();
          });
        }}
      >
        {label}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
