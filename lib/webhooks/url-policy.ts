// Where webhooks may be sent. A webhook is a request the server makes on someone's say-so, so an
// endpoint must not reach the app's own network (SSRF): https to public addresses only, checked when
// the endpoint is saved, and again at connect time for every address the name resolves to (the
// check sits in the socket's own DNS lookup, so a name cannot resolve one way for the check and
// another for the connection).
import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

const privateV4 = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 3],
] as const) {
  privateV4.addSubnet(net, bits, "ipv4");
}
// IPv6: only global unicast (2000::/3) is public, minus documentation and the 6to4/Teredo ranges
// that wrap IPv4 addresses. Everything else — ::1, ::ffff:127.0.0.1, 64:ff9b::…, fc00::/7,
// fe80::/10, fec0::/10 — is refused.
const globalV6 = new BlockList();
globalV6.addSubnet("2000::", 3, "ipv6");
const wrappedV6 = new BlockList();
wrappedV6.addSubnet("2001:db8::", 32, "ipv6");
wrappedV6.addSubnet("2001::", 32, "ipv6");
wrappedV6.addSubnet("2002::", 16, "ipv6");

export function isPublicAddress(ip: string) {
  const family = isIP(ip);
  if (family === 4) return !privateV4.check(ip, "ipv4");
  if (family === 6) return globalV6.check(ip, "ipv6") && !wrappedV6.check(ip, "ipv6");
  return false;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

/** Whether the URL itself may be saved (scheme, credentials and a literal host). */
export function urlAllowed(raw: string) {
  const url = new URL(raw);
  if (url.username || url.password) return false;
  if (env().WEBHOOKS_ALLOW_PRIVATE_NETWORKS) return url.protocol === "https:" || url.protocol === "http:";
  if (url.protocol !== "https:") return false;
  const host = hostOf(url);
  if (host === "localhost" || /\.(localhost|local|internal|home\.arpa)$/.test(host)) return false;
  return !isIP(host) || isPublicAddress(host);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup for the webhook's socket that fails for any non-public address (and after 3 s). */
export function guardedLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback) {
  let done = false;
  const finish: LookupCallback = (error, address, family) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    callback(error, address, family);
  };
  const timer = setTimeout(() => finish(Object.assign(new Error("DNS lookup timed out"), { code: "ETIMEOUT" }), ""), 3000);
  lookup(hostname, { all: true }, (error, addresses) => {
    if (error) return finish(error, "");
    const allowed = env().WEBHOOKS_ALLOW_PRIVATE_NETWORKS || (addresses.length > 0 && addresses.every((a) => isPublicAddress(a.address)));
    if (!allowed) return finish(Object.assign(new Error("address not allowed"), { code: "EADDRNOTALLOWED" }), "");
    if (options.all) finish(null, addresses);
    else finish(null, addresses[0].address, addresses[0].family);
  });
}
