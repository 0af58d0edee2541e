"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A key or signing secret shown this once, with a copy button. */
export function SecretOnce({ label, value, intro }: { label: string; value: string; intro: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success">
      <p className="mb-2">{intro}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="secret-once">
          {label}
        </label>
        <input
          id="secret-once"
          readOnly
          value={value}
          data-testid="secret-once"
          className="min-w-0 flex-1 rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          size="sm"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t("apiKeys.copied") : t("apiKeys.copy")}
        </Button>
      </div>
    </Alert>
  );
}
