"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

// Unexpected errors: a helpful page, never a stack trace. The digest lets support find the log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("errors.unexpectedTitle")}</h1>
      <p className="mt-2 text-zinc-600">{t("errors.unexpectedBody")}</p>
      {error.digest && <p className="mt-2 text-xs text-zinc-500">{t("errors.reference", { digest: error.digest })}</p>}
      <Button className="mt-6" onClick={reset}>
        {t("errors.tryAgain")}
      </Button>
    </div>
  );
}
