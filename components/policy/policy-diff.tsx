import { cn } from "@/lib/cn";
import type { DiffBlock } from "@/lib/policies/diff";

const TONE = {
  same: "",
  added: "border-l-4 border-emerald-400 bg-emerald-50 pl-3",
  removed: "border-l-4 border-red-300 bg-red-50 pl-3",
  changed: "border-l-4 border-amber-300 pl-3",
};

/** The changes between two versions, read as prose: inserted words marked, deleted words struck; screen readers hear "added"/"removed". */
export function PolicyDiff({ blocks, labels }: { blocks: DiffBlock[]; labels: { added: string; removed: string; empty: string } }) {
  if (blocks.every((b) => b.type === "same")) return <p className="text-sm text-zinc-500">{labels.empty}</p>;
  return (
    <div className="space-y-3 text-zinc-800" data-testid="policy-diff">
      {blocks.map((block, i) => {
        const words = block.parts.map((part, k) =>
          part.added ? (
            <ins key={k} className="rounded-sm bg-emerald-200/70 px-0.5 no-underline">
              <span className="sr-only">{labels.added}: </span>
              {part.text}
            </ins>
          ) : part.removed ? (
            <del key={k} className="rounded-sm bg-red-200/70 px-0.5 text-red-900">
              <span className="sr-only">{labels.removed}: </span>
              {part.text}
            </del>
          ) : (
            <span key={k}>{part.text}</span>
          ),
        );
        const tone = cn("py-1", TONE[block.type]);
        if (block.kind === "heading") {
          const Heading = block.level <= 1 ? "h2" : "h3";
          return (
            <Heading key={i} className={cn(tone, block.level <= 1 ? "text-xl font-semibold" : "text-lg font-semibold")}>
              {words}
            </Heading>
          );
        }
        if (block.kind === "item") {
          return (
            <p key={i} className={cn(tone, "relative pl-5")}>
              <span aria-hidden="true" className="absolute left-1">
                •
              </span>
              {words}
            </p>
          );
        }
        return (
          <p key={i} className={tone}>
            {words}
          </p>
        );
      })}
    </div>
  );
}
