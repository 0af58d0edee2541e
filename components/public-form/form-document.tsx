// The public form as a complete HTML document. Rendered to static markup by app/f/[slug]/route.ts:
// no React on the client, just /form.js (a few KB) to submit without a reload and resize the iframe.
import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/config";

export function FormDocument(props: { locale: Locale; title: string; embed: boolean; children: ReactNode }) {
  return (
    <html lang={props.locale}>
      {/* biome-ignore lint/style/noHeadElement: rendered to static HTML outside Next.js pages (components/public-form/render). */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/form.css" />
        <script src="/form.js" defer />
      </head>
      <body className={props.embed ? "embed" : "standalone"}>
        <main className="card">{props.children}</main>
      </body>
    </html>
  );
}

export function LanguageLinks({ t, locale, href }: { t: Translate; locale: Locale; href: (l: Locale) => string }) {
  return (
    <nav className="langs" aria-label={t("language.label")}>
      {(["vi", "en"] as const).map((l) =>
        l === locale ? (
          <span key={l} aria-current="true" lang={l}>
            {t(`language.${l}`)}
          </span>
        ) : (
          <a key={l} href={href(l)} lang={l} hrefLang={l}>
            {t(`language.${l}`)}
          </a>
        ),
      )}
    </nav>
  );
}
