import Link from "next/link";

type Series = { label: string; color: string };
type Column = { label: string; fullLabel: string; values: number[]; href?: string };

/**
 * Columns split into parts (e.g. answered on time / late), with a legend and the total written on
 * each column. Each column is also a sentence for screen readers: "11/2026: 5 on time, 1 late"
 * ("30/11: 23" with a single series, which needs no legend).
 */
export function StackedColumnChart({
  columns,
  series,
  label,
  formatNumber,
}: {
  columns: Column[];
  series: Series[];
  label: string;
  formatNumber: (n: number) => string;
}) {
  const totals = columns.map((c) => c.values.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  return (
    <figure>
      <figcaption className="sr-only">{label}</figcaption>
      {series.length > 1 && (
        <ul className="mb-3 flex flex-wrap gap-4 text-xs text-zinc-700" aria-hidden="true">
          {series.map((s) => (
            <li key={s.label} className="flex items-center gap-1.5">
              <span className={`inline-block size-3 rounded-sm ${s.color}`} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <ul className="flex h-44 items-end gap-1.5" aria-label={label}>
        {columns.map((c, i) => {
          const sentence =
            series.length === 1
              ? `${c.fullLabel}: ${formatNumber(c.values[0] ?? 0)}`
              : `${c.fullLabel}: ${series.map((s, k) => `${formatNumber(c.values[k] ?? 0)} ${s.label.toLowerCase()}`).join(", ")}`;
          const bar = (
            <>
              <span className="max-w-full truncate text-[10px] leading-none text-zinc-600 tabular-nums">{formatNumber(totals[i])}</span>
              <span
                className="flex w-full flex-col-reverse overflow-hidden rounded-t"
                style={{ height: `${(totals[i] / max) * 100}%`, minHeight: totals[i] ? 3 : 0 }}
                aria-hidden="true"
              >
                {series.map((s, k) => (
                  <span key={s.label} className={s.color} style={{ height: totals[i] ? `${((c.values[k] ?? 0) / totals[i]) * 100}%` : 0 }} />
                ))}
              </span>
              <span className={`max-w-full truncate text-[10px] leading-none text-zinc-500 ${i % 2 ? "invisible sm:visible" : ""}`}>{c.label}</span>
            </>
          );
          return (
            <li key={c.label} className="flex h-full min-w-0 flex-1 flex-col items-center justify-end gap-1" aria-label={sentence}>
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
