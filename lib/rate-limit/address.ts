// Limits per client address treat an IPv6 /64 as one address: one household or server is usually
// given a whole /64, so counting single IPv6 addresses would give an attacker billions of tries.
import { isIP } from "node:net";

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
