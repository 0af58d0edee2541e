import type { ReactNode } from "react";

/** One label/value pair of a detail page's definition list (the <dl> sets the grid). */
export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}
