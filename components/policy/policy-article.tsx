import { renderMarkdown } from "@/lib/policies/markdown";

/** A policy body. The HTML comes from lib/policies/markdown, which escapes any raw HTML. */
export function PolicyArticle({ markdown, compact = false }: { markdown: string; compact?: boolean }) {
  return (
    <article
      className={
        compact
          ? "space-y-3 text-sm [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:font-semibold [&_li]:ml-5 [&_li]:list-disc"
          : "prose-policy space-y-4 text-zinc-800 [&_h1]:text-3xl [&_h1]:font-semibold [&_h2]:mt-8 [&_h2]:text-xl [&_h2]:font-semibold [&_li]:ml-5 [&_li]:list-disc [&_li]:py-0.5 [&_a]:text-brand-800 [&_a]:underline"
      }
      // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown escapes raw HTML and unsafe links (lib/policies/markdown).
      dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }}
    />
  );
}
