// Limits per client address treat an IPv6 /64 as one address: one household or server is usually
// given a whole /64, so counting single IPv6 addresses would give an attacker billions of tries.
import { createHmac, hkdfSync } from "node:crypto";
import { isIP } from "node:net";
import { env } from "@/lib/env";

function expandIpv6(address: string): string[] {
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = address.includes("::") ? 8 - left.length - right.length : 0;
  return [...left, ...Array(missing).fill("0"), ...right].map((g) => g.padStart(4, "0").toLowerCase());
}

/** The key a per-address limit counts under: an IPv4 address as it is, an IPv6 address's /64. */
export function limitAddress(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(":")}::/64`;
}

/**
 * What a limit counts under when the value names someone (an email address, a phone number, a client
 * address): a keyed hash (HMAC with a key derived from NEXTAUTH_SECRET), so the limiter's table is not
 * a list of who asked, and a copy of it cannot be checked against a guessed address or every phone
 * number. (A rotated secret starts the counts afresh: at most one window's worth.)
 */
export function limitKey(value: string): string {
  return createHmac("sha256", rateLimitKey()).update(value).digest("hex").slice(0, 32);
}

let cached: { secret: string; key: Buffer } | null = null;
function rateLimitKey(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (cached?.secret !== secret) cached = { secret, key: Buffer.from(hkdfSync("sha256", secret, "customer-register", "rate limit keys", 32)) };
  return cached.key;
}
