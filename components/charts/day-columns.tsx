// Counts per day as columns, with a visually hidden table carrying the same numbers.
export function DayColumns({
  days,
  label,
  formatDay,
  formatNumber,
}: {
  days: { day: string; count: number }[];
  label: string;
  formatDay: (day: string) => string;
  formatNumber: (n: number) => string;
}) {
  const max = Math.max(1, ...days.map((d) => d.count));
  return (
    <figure>
      <div className="flex h-40 items-end gap-1 border-b border-zinc-200" aria-hidden="true">
        {days.map((d) => (
          <div key={d.day} className="group relative flex h-full flex-1 items-end" title={`${formatDay(d.day)}: ${formatNumber(d.count)}`}>
            <div
              className="w-full rounded-t bg-brand-600/80 group-hover:bg-brand-700"
              style={{ height: `${(d.count / max) * 100}%`, minHeight: d.count ? 2 : 0 }}
            />
          </div>
        ))}
      </div>
      <div className="mt-1 flex justify-between text-xs text-zinc-500" aria-hidden="true">
        <span>{days[0] && formatDay(days[0].day)}</span>
        <span>{days.at(-1) && formatDay(days.at(-1)!.day)}</span>
      </div>
      <figcaption className="sr-only">{label}</figcaption>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{formatDay(d.day)}</th>
              <td>{formatNumber(d.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
