// The client address. `next start` fills X-Forwarded-For from the socket when no proxy set it; in
// production the load balancer must overwrite it (see README, "Running several instances").
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export function clientIp(headers: HeaderSource): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const first = value?.split(",")[0]?.trim();
  return first ? first.replace(/^::ffff:/, "").slice(0, 64) : "unknown";
}

export function userAgent(headers: HeaderSource): string | null {
  const raw = headers instanceof Headers ? headers.get("user-agent") : headers["user-agent"];
  return (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 500) ?? null;
}
