"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { approveDisclosureAction, disclosureProgressAction, rejectDisclosureAction } from "../actions";

/** While the customers are being sorted: a progress line that refreshes the page when done. */
export function PreparingProgress({ id, total }: { id: string; total: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [count, setCount] = useState(total);
  useEffect(() => {
    const timer = setInterval(async () => {
      const result = await disclosureProgressAction({ id });
      if (!result.ok || !result.data) return;
      setCount(result.data.itemsTotal);
      if (result.data.status !== "PREPARING") router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [id, router]);
  return (
    <p role="status" className="text-sm">
      {t("disclosures.sorting", { count })}
    </p>
  );
}

export function ApprovalButtons({ id, canApprove, canReject }: { id: string; canApprove: boolean; canReject: boolean }) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const run = (fn: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    startTransition(async () => {
      const result = await fn();
      setError(result.ok ? undefined : result.error?.message);
    });
  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-3">
        {canApprove && (
          <Button disabled={pending} onClick={() => run(() => approveDisclosureAction({ id }))}>
            {t("disclosures.approve")}
          </Button>
        )}
      </div>
      {canReject && (
        <div className="space-y-2">
          <label htmlFor="reject-reason" className="block text-sm font-medium">
            {t("disclosures.rejectReason")}
          </label>
          <Textarea id="reject-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button variant="danger" disabled={pending} onClick={() => run(() => rejectDisclosureAction({ id, reason }))}>
            {t("disclosures.reject")}
          </Button>
        </div>
      )}
    </div>
  );
}
