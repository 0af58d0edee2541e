import type { DiffLine } from "@/lib/policies/diff";
import { cn } from "@/lib/cn";

const ROW = { same: "", added: "bg-emerald-50", removed: "bg-red-50", changed: "bg-amber-50" };
const MARK = { same: " ", added: "+", removed: "−", changed: "~" };

/** A line-by-line diff with the changed words highlighted; screen readers hear "added"/"removed". */
export function PolicyDiff({ lines, labels }: { lines: DiffLine[]; labels: { added: string; removed: string; empty: string } }) {
  if (lines.every((l) => l.type === "same")) return <p className="text-sm text-zinc-500">{labels.empty}</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 font-mono text-[13px] leading-6" data-testid="policy-diff">
      {lines.map((line, i) => (
        <div key={i} className={cn("flex gap-3 px-3", ROW[line.type])}>
          <span aria-hidden="true" className="w-3 shrink-0 text-zinc-400 select-none">
            {MARK[line.type]}
          </span>
          <span className="min-w-0 whitespace-pre-wrap break-words">
            {line.parts.map((part, k) =>
              part.added ? (
                <ins key={k} className="bg-emerald-200/70 no-underline">
                  <span className="sr-only">{labels.added}: </span>
                  {part.text}
                </ins>
              ) : part.removed ? (
                <del key={k} className="bg-red-200/70 text-red-900">
                  <span className="sr-only">{labels.removed}: </span>
                  {part.text}
                </del>
              ) : (
                <span key={k}>{part.text}</span>
              ),
            )}
            {line.parts.length === 0 || line.parts.every((p) => p.text === "") ? "\u00a0" : null}
          </span>
        </div>
      ))}
    </div>
  );
}
