import Link from "next/link";

type Column = { label: string; value: number; href?: string };

/** Vertical columns with their values written on them; each column can link to the matching list. */
export function ColumnChart({
  columns,
  label,
  formatNumber,
  color = "bg-brand-600",
}: {
  columns: Column[];
  label: string;
  formatNumber: (n: number) => string;
  color?: string;
}) {
  const max = Math.max(1, ...columns.map((c) => c.value));
  return (
    <figure>
      <figcaption className="sr-only">{label}</figcaption>
      <ul className="flex h-44 items-end gap-1.5" aria-label={label}>
        {columns.map((c, i) => {
          const bar = (
            <>
              <span className="max-w-full truncate text-[10px] leading-none text-zinc-600 tabular-nums">{formatNumber(c.value)}</span>
              <span className={`w-full rounded-t ${color}`} style={{ height: `${(c.value / max) * 100}%`, minHeight: c.value ? 3 : 0 }} aria-hidden="true" />
              <span className={`max-w-full truncate text-[10px] leading-none text-zinc-500 ${i % 2 ? "invisible sm:visible" : ""}`}>{c.label}</span>
            </>
          );
          return (
            <li
              key={c.label}
              className="flex h-full min-w-0 flex-1 flex-col items-center justify-end gap-1"
              aria-label={`${c.label}: ${formatNumber(c.value)}`}
            >
              {c.href ? (
                <Link href={c.href} className="flex h-full w-full flex-col items-center justify-end gap-1 rounded hover:bg-zinc-50">
                  {bar}
                </Link>
              ) : (
                bar
              )}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
