// Horizontal bars for counts per answer: readable at a glance, with the numbers written out so the
// chart is also a list for screen readers.
export function BarList({ items, total, label, formatNumber }: { items: { label: string; count: number }[]; total: number; label: string; formatNumber: (n: number) => string }) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <ul aria-label={label} className="space-y-2">
      {items.map((item) => {
        const pct = total ? Math.round((item.count / total) * 100) : 0;
        return (
          <li key={item.label} className="grid grid-cols-[minmax(6rem,14rem)_1fr_5.5rem] items-center gap-3 text-sm">
            <span className="truncate" title={item.label}>
              {item.label}
            </span>
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
