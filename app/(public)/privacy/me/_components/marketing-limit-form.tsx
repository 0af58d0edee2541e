"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { MARKETING_LIMITS } from "@/lib/privacy-requests/schemas";
import { setMarketingLimitAction } from "../actions";
import { ActionMessage, useCustomerAction } from "./use-customer-action";

/** How many marketing emails a day the customer accepts (one unless they choose more). */
export function MarketingLimitForm({ current }: { current: number }) {
  const { t } = useI18n();
  const { pending, message, run } = useCustomerAction();
  const [perDay, setPerDay] = useState(String(current));
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => setMarketingLimitAction({ perDay }), t("me.marketingLimitSaved"));
      }}
    >
      <label htmlFor="me-marketing-limit" className="block text-sm font-medium">
        {t("me.marketingLimitLabel")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <Select id="me-marketing-limit" className="w-auto" value={perDay} onChange={(e) => setPerDay(e.target.value)}>
          {MARKETING_LIMITS.map((n) => (
            <option key={n} value={n}>
              {t("me.marketingLimitOption", { count: n })}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("me.marketingLimitSave")}
        </Button>
      </div>
      <p className="text-xs text-zinc-500">{t("me.marketingLimitHint")}</p>
      <ActionMessage message={message} />
    </form>
  );
}
