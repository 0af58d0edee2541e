// Prometheus metrics, for a scraper holding METRICS_TOKEN (Authorization: Bearer …). Without the
// setting the endpoint does not exist (404); with a wrong token, 401.
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { scrape } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

const digest = (s: string) => createHash("sha256").update(s).digest();

export async function GET(request: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404 });
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(given), digest(token))) {
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  const { body, contentType } = await scrape();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
