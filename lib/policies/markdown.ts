// Policy texts are Markdown written by the compliance officer. Raw HTML in them is shown as text,
// never interpreted, so a pasted snippet cannot run in visitors' browsers.
import { Marked } from "marked";

const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false }) as string;
}
