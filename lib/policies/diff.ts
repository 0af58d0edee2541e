// A readable diff of two policy texts, as prose: the Markdown is read into blocks (headings,
// paragraphs, list items) with its syntax taken away, blocks are compared as a whole, and inside a
// block that changed the words that changed are marked. People read it like the policy itself.
import { diffArrays, diffWords } from "diff";

export type DiffPart = { text: string; added?: boolean; removed?: boolean };
export type BlockKind = "heading" | "item" | "paragraph";
export type DiffBlock = { kind: BlockKind; level: number; type: "same" | "added" | "removed" | "changed"; parts: DiffPart[] };
type Block = { kind: BlockKind; level: number; text: string };

/** Inline Markdown as plain words: **bold**, *em*, `code`, [text](url) → text. */
function plain(text: string) {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(\*|_)(.+?)\1/g, "$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

export function toBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", level: 0, text: plain(paragraph.join(" ")) });
    paragraph = [];
  };
  for (const line of markdown.replace(/\r\n/g, "\n").split("\n")) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1].length, text: plain(heading[2]) });
    } else if (item) {
      flush();
      blocks.push({ kind: "item", level: 0, text: plain(item[1]) });
    } else if (line.trim() === "") flush();
    else paragraph.push(line);
  }
  flush();
  return blocks.filter((b) => b.text !== "");
}

const key = (b: Block) => `${b.kind}${b.level}:${b.text}`;

export function policyDiff(before: string, after: string): DiffBlock[] {
  const out: DiffBlock[] = [];
  const changes = diffArrays(toBlocks(before), toBlocks(after), { comparator: (a, b) => key(a) === key(b) });
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      // A replaced run: pair blocks one to one and mark the words that changed in each pair.
      const [gone, come] = [change.value, next.value];
      for (let k = 0; k < Math.max(gone.length, come.length); k++) {
        const a = gone[k];
        const b = come[k];
        if (a && b) {
          const parts = diffWords(a.text, b.text).map((p) => ({ text: p.value, added: p.added, removed: p.removed }));
          out.push({ kind: b.kind, level: b.level, type: "changed", parts });
        } else if (a) out.push({ kind: a.kind, level: a.level, type: "removed", parts: [{ text: a.text, removed: true }] });
        else out.push({ kind: b.kind, level: b.level, type: "added", parts: [{ text: b.text, added: true }] });
      }
      i++;
      continue;
    }
    const type = change.added ? "added" : change.removed ? "removed" : "same";
    for (const b of change.value) out.push({ kind: b.kind, level: b.level, type, parts: [{ text: b.text, added: change.added, removed: change.removed }] });
  }
  return out;
}

/** How much changed, for summaries and tests. */
export function diffStats(blocks: DiffBlock[]) {
  return {
    added: blocks.filter((b) => b.type === "added").length,
    removed: blocks.filter((b) => b.type === "removed").length,
    changed: blocks.filter((b) => b.type === "changed").length,
  };
}
