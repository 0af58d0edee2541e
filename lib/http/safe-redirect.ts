// Where to send someone after signing in. A target from the query string is resolved against the
// app's own address and used only when it stays on the app's origin: backslashes, tabs, encoded
// slashes and "/.//host" tricks all resolve to another origin (or to "//…") and fall back.
import { env } from "@/lib/env";

export function safeRedirectPath(value: string | string[] | undefined | null, fallback = "/admin", appUrl = env().APP_URL): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return fallback;
  try {
    const base = new URL(appUrl);
    const target = new URL(raw, base);
    if (target.origin !== base.origin) return fallback;
    const path = `${target.pathname}${target.search}${target.hash}`;
    // "//host" would be read by the browser as another site.
    return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
  } catch {
    return fallback;
  }
}
