// A readable diff of two policy texts: line by line, and word by word inside a changed line.
import { diffLines, diffWords } from "diff";

export type DiffPart = { text: string; added?: boolean; removed?: boolean };
export type DiffLine = { type: "same" | "added" | "removed" | "changed"; parts: DiffPart[] };

const lines = (text: string) => text.replace(/\r\n/g, "\n").split("\n");

export function policyDiff(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  const chunks = diffLines(before.replace(/\r\n/g, "\n"), after.replace(/\r\n/g, "\n"));
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    const next = chunks[i + 1];
    if (chunk.removed && next?.added) {
      // A replaced block: pair its lines and show the words that changed in each pair.
      const oldLines = lines(chunk.value.replace(/\n$/, ""));
      const newLines = lines(next.value.replace(/\n$/, ""));
      for (let k = 0; k < Math.max(oldLines.length, newLines.length); k++) {
        const a = oldLines[k];
        const b = newLines[k];
        if (a !== undefined && b !== undefined)
          out.push({ type: "changed", parts: diffWords(a, b).map((p) => ({ text: p.value, added: p.added, removed: p.removed })) });
        else if (a !== undefined) out.push({ type: "removed", parts: [{ text: a, removed: true }] });
        else out.push({ type: "added", parts: [{ text: b!, added: true }] });
      }
      i++;
      continue;
    }
    const type = chunk.added ? "added" : chunk.removed ? "removed" : "same";
    for (const line of lines(chunk.value.replace(/\n$/, ""))) out.push({ type, parts: [{ text: line, added: chunk.added, removed: chunk.removed }] });
  }
  return out;
}

/** How much changed, for summaries and tests. */
export function diffStats(lines: DiffLine[]) {
  return {
    added: lines.filter((l) => l.type === "added").length,
    removed: lines.filter((l) => l.type === "removed").length,
    changed: lines.filter((l) => l.type === "changed").length,
  };
}
