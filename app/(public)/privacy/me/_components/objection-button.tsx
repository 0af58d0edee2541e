"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { objectToSharingAction } from "../actions";
import { ActionMessage, useCustomerAction } from "./use-customer-action";

export function ObjectionButton() {
  const { t } = useI18n();
  const { pending, message, run } = useCustomerAction();
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => objectToSharingAction({}), t("me.objected"))}>
        {t("me.objectButton")}
      </Button>
      <ActionMessage message={message} />
    </div>
  );
}
