import { describe, expect, it } from "vitest";
import { diffStats, policyDiff } from "./diff";
import { renderMarkdown } from "./markdown";

describe("policy diff", () => {
  it("marks added and removed lines, and the changed words inside a changed line", () => {
    const before = "# Policy\nWe keep data until you leave.\nWe never sell data.\nOld line";
    const after = "# Policy\nWe keep data for 5 years after you leave.\nWe never sell data.\nNew line one\nNew line two";
    const lines = policyDiff(before, after);
    expect(lines[0]).toMatchObject({ type: "same", parts: [{ text: "# Policy" }] });
    const changed = lines[1];
    expect(changed.type).toBe("changed");
    expect(changed.parts.filter((p) => p.removed).map((p) => p.text.trim())).toEqual(["until"]);
    expect(changed.parts.filter((p) => p.added).map((p) => p.text.trim())).toEqual(["for 5 years after"]);
    expect(lines[2].type).toBe("same");
    expect(diffStats(lines)).toEqual({ added: 1, removed: 0, changed: 2 });
    expect(lines.at(-1)).toMatchObject({ type: "added", parts: [{ text: "New line two", added: true }] });
  });

  it("is all 'same' for identical texts, all 'added' from nothing", () => {
    expect(policyDiff("a\nb", "a\nb").every((l) => l.type === "same")).toBe(true);
    expect(
      policyDiff("", "a\nb")
        .filter((l) => l.parts.some((p) => p.text))
        .map((l) => l.type),
    ).toEqual(["added", "added"]);
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
