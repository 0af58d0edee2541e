import Link from "next/link";

type Item = { label: string; count: number; href?: string };

// Horizontal bars for counts per answer or category: readable at a glance, with the numbers written
// out so the chart is also a list for screen readers. An item can link to the matching list.
export function BarList({ items, total, label, formatNumber }: { items: Item[]; total: number; label: string; formatNumber: (n: number) => string }) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <ul aria-label={label} className="space-y-2">
      {items.map((item) => {
        const pct = total ? Math.round((item.count / total) * 100) : 0;
        return (
          <li key={item.label} className="grid grid-cols-[minmax(6rem,14rem)_1fr_5.5rem] items-center gap-3 text-sm">
            {item.href ? (
              <Link href={item.href} className="truncate text-brand-800 hover:underline" title={item.label}>
                {item.label}
              </Link>
            ) : (
              <span className="truncate" title={item.label}>
                {item.label}
              </span>
            )}
            <span className="h-3 rounded-full bg-zinc-100" aria-hidden="true">
              <span className="block h-3 rounded-full bg-brand-600" style={{ width: `${(item.count / max) * 100}%` }} />
            </span>
            <span className="text-right tabular-nums text-zinc-700">
              {formatNumber(item.count)} <span className="text-zinc-500">({pct}%)</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
