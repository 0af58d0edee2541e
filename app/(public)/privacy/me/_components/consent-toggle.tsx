"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { changeConsentAction } from "../actions";
import { ActionMessage, useCustomerAction } from "./use-customer-action";

/**
 * Grant or withdraw one purpose, effective at once. A withdrawal is recorded the moment it is clicked
 * (never held back in the browser, where a closed tab would lose it); its toast offers a short
 * "Undo", which is the customer agreeing again, recorded as a new consent.
 */
export function ConsentToggle({ purposeKey, label, granted }: { purposeKey: string; label: string; granted: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
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
          run(() => changeConsentAction({ purposeKey, action }), granted ? t("me.withdrawn", { purpose: label }) : t("me.granted", { purpose: label }), {
            onDone: granted
              ? (text) =>
                  toast.show(text, {
                    action: {
                      label: t("me.undo"),
                      onClick: () =>
                        run(() => changeConsentAction({ purposeKey, action: "GRANTED" }), t("me.undone", { purpose: label }), {
                          onDone: (done) => toast.show(done),
                        }),
                    },
                  })
              : undefined,
          })
        }
      >
        {granted ? t("me.withdraw") : t("me.grant")}
      </Button>
      <ActionMessage message={message} />
    </div>
  );
}
