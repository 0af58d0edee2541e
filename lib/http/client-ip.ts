// The client address, as this app observed it. scripts/server.mjs stamps every request with the
// socket's peer address in PEER_HEADER (overwriting whatever the client sent), because `next start`
// keeps a client-supplied X-Forwarded-For and drops the socket address. X-Forwarded-For is read
// only as far as TRUSTED_PROXIES vouches for it: with none configured (the default) the peer is the
// client, and a forged header changes nothing.
import { env } from "@/lib/env";
import { normalizeAddress, parseTrustedProxies, resolveClientIp, type TrustedProxies } from "./trusted-proxies";

export const PEER_HEADER = "x-customer-register-peer";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  const raw = headers instanceof Headers ? headers.get(name) : headers[name];
  return (Array.isArray(raw) ? raw.join(",") : raw) ?? undefined;
}

let parsed: { source: string | undefined; value: TrustedProxies } | undefined;
function configuredTrust(): TrustedProxies {
  const source = env().TRUSTED_PROXIES;
  if (!parsed || parsed.source !== source) {
    const value = parseTrustedProxies(source);
    parsed = { source, value: typeof value === "string" ? { kind: "none" } : value };
  }
  return parsed.value;
}

export function clientIp(headers: HeaderSource, trust: TrustedProxies = configuredTrust()): string {
  return resolveClientIp(normalizeAddress(header(headers, PEER_HEADER)), header(headers, "x-forwarded-for"), trust);
}

export function userAgent(headers: HeaderSource): string | null {
  return header(headers, "user-agent")?.slice(0, 500) ?? null;
}
