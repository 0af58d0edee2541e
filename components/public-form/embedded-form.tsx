"use client";
import { useEffect, useRef } from "react";

/**
 * A form of our own shown on one of our pages (the homepage): the same iframe that embed.js makes,
 * resized from the messages the form page posts.
 */
export function EmbeddedForm({ slug, locale, title }: { slug: string; locale: "vi" | "en"; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== ref.current?.contentWindow) return;
      if (event.data?.type === "customer-register:resize" && typeof event.data.height === "number" && ref.current) {
        ref.current.style.height = `${Math.min(event.data.height + 2, 10000)}px`;
      }
    };
    window.addEventListener("message", onMessage);
    ref.current?.contentWindow?.postMessage({ type: "customer-register:measure" }, window.location.origin);
    return () => window.removeEventListener("message", onMessage);
  }, []);
  const measure = () => ref.current?.contentWindow?.postMessage({ type: "customer-register:measure" }, window.location.origin);
  return (
    <iframe
      ref={ref}
      onLoad={measure}
      title={title}
      src={`/f/${slug}?embed=1${locale === "en" ? "&lang=en" : ""}`}
      className="block min-h-[36rem] w-full rounded-lg border-0"
    />
  );
}
