"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { continueSignInAction } from "../actions";

/** The emailed link lands here; pressing the button uses it up and opens the page. */
export function ContinueSignIn({ token }: { token: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      {error ? (
        <>
          <Alert tone="error">{error}</Alert>
          <a href="/privacy/me" className="inline-block text-sm font-medium text-brand-800 underline">
            {t("me.newLink")}
          </a>
        </>
      ) : (
        <Button
          type="button"
          size="lg"
          className="w-full sm:w-auto"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await continueSignInAction({ token });
              if (result.ok) router.replace("/privacy/me");
              else setError(result.error.message);
            })
          }
        >
          {pending ? t("me.opening") : t("me.continue")}
        </Button>
      )}
    </div>
  );
}
