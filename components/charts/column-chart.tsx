import { StackedColumnChart } from "./stacked-column-chart";

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
  return (
    <StackedColumnChart
      label={label}
      formatNumber={formatNumber}
      series={[{ label, color }]}
      columns={columns.map((c) => ({ label: c.label, fullLabel: c.label, values: [c.value], href: c.href }))}
    />
  );
}
