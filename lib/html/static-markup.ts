// Renders React elements to plain HTML for pages that ship no React to the browser (the public
// form). Loaded dynamically: Next.js refuses a static import of react-dom/server in app code.
import type { ReactElement } from "react";

type ReactDomServer = { renderToStaticMarkup(element: ReactElement): string };
let server: Promise<ReactDomServer> | undefined;

export async function renderStaticMarkup(element: ReactElement): Promise<string> {
  server ??= import("react-dom/server") as unknown as Promise<ReactDomServer>;
  return (await server).renderToStaticMarkup(element);
}
