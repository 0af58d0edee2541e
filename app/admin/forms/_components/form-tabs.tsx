import Link from "next/link";
import { cn } from "@/lib/cn";
import type { Translate } from "@/lib/i18n/translate";

const TABS = ["edit", "submissions", "results"] as const;

export function FormTabs({ id, kind, current, t }: { id: string; kind: "LEAD" | "SURVEY"; current: (typeof TABS)[number]; t: Translate }) {
  const tabs = TABS.filter((tab) => tab !== "results" || kind === "SURVEY");
  return (
    <nav aria-label={t("forms.tabsLabel")} className="flex gap-1 rounded-md border border-zinc-200 bg-white p-1">
      {tabs.map((tab) => (
        <Link
          key={tab}
          href={tab === "edit" ? `/admin/forms/${id}` : `/admin/forms/${id}/${tab}`}
          aria-current={tab === current ? "page" : undefined}
          className={cn("rounded px-3 py-1.5 text-sm font-medium", tab === current ? "bg-brand-700 text-white" : "text-zinc-700 hover:bg-zinc-100")}
        >
          {t(`forms.tab.${tab}`)}
        </Link>
      ))}
    </nav>
  );
}
