"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { cancelRequestAction } from "../actions";
import { ActionMessage, useCustomerAction } from "./use-customer-action";

export function CancelRequestButton({ id, reference }: { id: string; reference: string }) {
  const { t } = useI18n();
  const { pending, message, run } = useCustomerAction();
  return (
    <div className="space-y-1">
      <Button
        type="button"
        size="sm"
        variant="ghost"
        disabled={pending}
        aria-label={t("me.cancelRequestFor", { reference })}
        onClick={() => run(() => cancelRequestAction({ id }), t("me.requestCancelled", { reference }))}
      >
        {t("me.cancelRequest")}
      </Button>
      <ActionMessage message={message} />
    </div>
  );
}
