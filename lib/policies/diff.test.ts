import { describe, expect, it } from "vitest";
import { diffStats, policyDiff } from "./diff";
import { renderMarkdown } from "./markdown";

describe("policy diff", () => {
  it("reads Markdown as prose blocks: the syntax is gone, changed words are marked inside a changed block", () => {
    const before = "# Policy\n\nWe keep data **until** you leave.\n\nWe never sell data.\n\n- Old item";
    const after = "# Policy\n\nWe keep data **for 5 years after** you leave.\n\nWe never sell data.\n\n- New item one\n- New item two";
    const blocks = policyDiff(before, after);
    expect(blocks[0]).toMatchObject({ kind: "heading", level: 1, type: "same", parts: [{ text: "Policy" }] });
    const changed = blocks[1];
    expect(changed).toMatchObject({ kind: "paragraph", type: "changed" });
    expect(changed.parts.filter((p) => p.removed).map((p) => p.text.trim())).toEqual(["until"]);
    expect(changed.parts.filter((p) => p.added).map((p) => p.text.trim())).toEqual(["for 5 years after"]);
    expect(changed.parts.map((p) => p.text).join("")).not.toContain("**");
    expect(blocks[2]).toMatchObject({ kind: "paragraph", type: "same" });
    expect(blocks.at(-1)).toMatchObject({ kind: "item", type: "added", parts: [{ text: "New item two", added: true }] });
    expect(diffStats(blocks)).toEqual({ added: 1, removed: 0, changed: 2 });
  });

  it("does not mark an unchanged last line because of a trailing newline or spaces", () => {
    const a = "# Policy\n\nWe never sell data.";
    expect(policyDiff(a, `${a}\n`).every((b) => b.type === "same")).toBe(true);
    expect(policyDiff(`${a}\n\n`, `${a}   `).every((b) => b.type === "same")).toBe(true);
  });

  it("is all 'same' for identical texts, all 'added' from nothing; a paragraph over several lines is one block", () => {
    expect(policyDiff("a\nb", "a\nb").every((l) => l.type === "same")).toBe(true);
    expect(policyDiff("", "First line\nsame paragraph\n\nSecond").map((b) => [b.type, b.parts[0].text])).toEqual([
      ["added", "First line same paragraph"],
      ["added", "Second"],
    ]);
  });
});

describe("policy Markdown", () => {
  it("renders headings and lists, and shows any HTML as text so nothing in a policy can run", () => {
    const html = renderMarkdown('# Title\n\n- one\n- **two**\n\n<script>alert("x")</script>\n\n<img src=x onerror="alert(1)">\n\n[link](javascript:alert(1))');
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<li><strong>two</strong></li>");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toMatch(/javascript:/i);
    expect(renderMarkdown("[ok](https://example.com) [mail](mailto:a@b.c) [in](/privacy)")).toBe(
      '<p><a href="https://example.com" rel="noopener">ok</a> <a href="mailto:a@b.c" rel="noopener">mail</a> <a href="/privacy" rel="noopener">in</a></p>\n',
    );
  });
});
