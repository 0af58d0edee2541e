"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { changeConsentAction } from "../actions";
import { ActionMessage, useCustomerAction } from "./use-customer-action";

/** Grant or withdraw one purpose, effective at once. */
export function ConsentToggle({ purposeKey, label, granted }: { purposeKey: string; label: string; granted: boolean }) {
  const { t } = useI18n();
  const { pending, message, run } = useCustomerAction();
  const action = granted ? "WITHDRAWN" : "GRANTED";
  return (
    <div className="space-y-1">
      <Button
        type="button"
        size="sm"
        variant={granted ? "secondary" : "primary"}
        disabled={pending}
        aria-label={granted ? t("me.withdrawFor", { purpose: label }) : t("me.grantFor", { purpose: label })}
        onClick={() =>
          run(() => changeConsentAction({ purposeKey, action }), granted ? t("me.withdrawn", { purpose: label }) : t("me.granted", { purpose: label }))
        }
      >
        {granted ? t("me.withdraw") : t("me.grant")}
      </Button>
      <ActionMessage message={message} />
    </div>
  );
}
