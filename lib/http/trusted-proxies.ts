// Which hops in front of the app may speak for the client (TRUSTED_PROXIES), and the client
// address that follows from the socket peer and X-Forwarded-For. Pure: lib/env validates the
// setting with parseTrustedProxies, lib/http/client-ip applies it.
import { BlockList, isIP } from "node:net";

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "networks"; list: BlockList };

/** A bare address: IPv4-mapped IPv6 becomes IPv4; anything that is not an address becomes null. */
export function normalizeAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  let v = value.trim();
  if (v.startsWith("[") && v.includes("]")) v = v.slice(1, v.indexOf("]"));
  v = v.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(v) ? v.toLowerCase() : null;
}

/**
 * Parses TRUSTED_PROXIES: empty = none; a number = that many proxies in front of the app, each
 * appending to X-Forwarded-For; otherwise a comma-separated list of addresses and CIDR networks.
 * Returns an error message for the environment check, or the parsed value.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies | string {
  const v = value?.trim() ?? "";
  if (v === "" || v === "0" || v.toLowerCase() === "none") return { kind: "none" };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops <= 10 ? { kind: "hops", hops } : "must be a hop count from 0 to 10, or a list of addresses/CIDR networks";
  }
  const list = new BlockList();
  for (const entry of v
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const family = isIP(address);
    if (!family) return `has "${entry}", which is not an IP address or CIDR network`;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) return `has "${entry}", whose prefix length is not valid`;
    list.addSubnet(address, prefix, type);
  }
  return { kind: "networks", list };
}

function trusts(list: BlockList, address: string) {
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client address from the socket peer and X-Forwarded-For: the nearest address that no
 * trusted proxy stands for. An entry the chain cannot vouch for is never used.
 */
export function resolveClientIp(peer: string | null, forwardedFor: string | undefined, trust: TrustedProxies): string {
  if (!peer) return "unknown";
  if (trust.kind === "none") return peer;
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  if (trust.kind === "hops") {
    return normalizeAddress(chain[Math.max(0, chain.length - 1 - trust.hops)]) ?? "unknown";
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = normalizeAddress(chain[i]);
    if (!address) return "unknown";
    if (!trusts(trust.list, address)) return address;
  }
  return normalizeAddress(chain[0]) ?? "unknown";
}
