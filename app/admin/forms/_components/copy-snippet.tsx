"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

export function CopySnippet({ label, code }: { label: string; code: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const id = `snippet-${label.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <Button
          type="button"
          size="sm"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(code).catch(() => {});
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          }}
        >
          {copied ? t("forms.copied") : t("forms.copy")}
        </Button>
      </div>
      <textarea
        id={id}
        readOnly
        value={code}
        rows={3}
        className="w-full rounded-md border border-zinc-300 bg-zinc-50 p-2 font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
      <span role="status" className="sr-only">
        {copied ? t("forms.copied") : ""}
      </span>
    </div>
  );
}
