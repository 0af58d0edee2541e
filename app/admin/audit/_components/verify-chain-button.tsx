"use client";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ChainReport } from "@/lib/audit/queries";
import { verifyAuditChainAction } from "../actions";

export function VerifyChainButton() {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [report, setReport] = useState<ChainReport | { error: string }>();
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await verifyAuditChainAction({});
            setReport(result.ok ? result.data : { error: result.error.message });
          })
        }
      >
        {pending ? t("audit.verifying") : t("audit.verify")}
      </Button>
      {report &&
        ("error" in report ? (
          <Alert tone="error">{report.error}</Alert>
        ) : report.ok ? (
          <Alert tone="success">{t("audit.chainOk", { count: report.checked })}</Alert>
        ) : (
          <Alert tone="error">{t("audit.chainBroken", { id: report.brokenAtId, reason: t(`audit.reason.${report.reason}`) })}</Alert>
        ))}
    </div>
  );
}
