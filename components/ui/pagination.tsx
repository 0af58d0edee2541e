import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";

/** Server-rendered pagination; the page lives in the URL so links can be shared and Back works. */
export function Pagination({ page, pageCount, href, t }: { page: number; pageCount: number; href: (page: number) => string; t: Translate }) {
  if (pageCount <= 1) return null;
  const linkClass = "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50";
  return (
    <nav aria-label={t("pagination.label")} className="flex items-center justify-between gap-4 pt-4 text-sm text-zinc-600">
      <span>{t("pagination.pageOf", { page, pageCount })}</span>
      <div className="flex gap-2">
        {page > 1 && (
          <Link className={linkClass} href={href(page - 1)} rel="prev">
            {t("pagination.previous")}
          </Link>
        )}
        {page < pageCount && (
          <Link className={linkClass} href={href(page + 1)} rel="next">
            {t("pagination.next")}
          </Link>
        )}
      </div>
    </nav>
  );
}
