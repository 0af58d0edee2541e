import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export type FilterPill = { key: string; href: string; label: ReactNode; current: boolean };

/** A row of links that filter a list; the current one is marked for screen readers too. */
export function FilterPills({ label, items, className }: { label: string; items: FilterPill[]; className?: string }) {
  return (
    <nav aria-label={label} className={cn("flex flex-wrap gap-2", className)}>
      {items.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={item.current ? "page" : undefined}
          className={cn(
            "rounded-full border px-3 py-1 text-sm",
            item.current ? "border-brand-700 bg-brand-700 text-white" : "border-zinc-300 bg-white hover:bg-zinc-50",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
