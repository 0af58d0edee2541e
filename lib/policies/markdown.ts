// Policy texts are Markdown written by the compliance officer. Raw HTML in them is shown as text,
// never interpreted, and links and images may only point to web, mail or in-site addresses, so a
// pasted snippet cannot run in visitors' browsers.
import { Marked } from "marked";
import { escapeHtml } from "@/lib/html/escape";

const safeUrl = (href: string) => /^(https?:|mailto:|\/(?!\/)|#)/i.test(href.trim());

const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      if (!safeUrl(href)) return text;
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ""} rel="noopener">${text}</a>`;
    },
    image({ href, text }) {
      return safeUrl(href) ? `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">` : escapeHtml(text);
    },
  },
});

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false }) as string;
}
