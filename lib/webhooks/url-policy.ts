// Where webhooks may be sent. A webhook is a request the server makes on someone's say-so, so an
// endpoint must not reach the app's own network (SSRF): https to public addresses only, checked when
// the endpoint is saved and again, after DNS, before every delivery.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { env } from "@/lib/env";

function isPrivateAddress(ip: string) {
  const v4 = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split(".").map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b < 128) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b < 32) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  const v6 = ip.toLowerCase();
  return v6 === "::" || v6 === "::1" || v6.startsWith("fc") || v6.startsWith("fd") || v6.startsWith("fe80");
}

/** Whether the URL itself may be saved (scheme and literal host). */
export function urlAllowed(raw: string) {
  const url = new URL(raw);
  if (url.username || url.password) return false;
  if (env().WEBHOOKS_ALLOW_PRIVATE_NETWORKS) return url.protocol === "https:" || url.protocol === "http:";
  if (url.protocol !== "https:") return false;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) return false;
  return !(isIP(host) && isPrivateAddress(host));
}

/** Before each delivery: every address the host resolves to must be public. */
export async function resolvesPublic(raw: string) {
  if (env().WEBHOOKS_ALLOW_PRIVATE_NETWORKS) return true;
  if (!urlAllowed(raw)) return false;
  try {
    const addresses = await lookup(new URL(raw).hostname.replace(/^\[|\]$/g, ""), { all: true });
    return addresses.length > 0 && addresses.every((a) => !isPrivateAddress(a.address));
  } catch {
    return false;
  }
}
