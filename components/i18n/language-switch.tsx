"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/actions";
import { LOCALES } from "@/lib/i18n/config";
import { cn } from "@/lib/cn";
import { useI18n } from "./i18n-provider";

export function LanguageSwitch({ className }: { className?: string }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("language.label")} className={cn("inline-flex rounded-md border border-zinc-300 bg-white p-0.5", className)}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction(l);
              router.refresh();
            })
          }
          className={cn("rounded px-2.5 py-1 text-xs font-semibold", l === locale ? "bg-brand-700 text-white" : "text-zinc-700 hover:bg-zinc-100")}
        >
          {t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
}
