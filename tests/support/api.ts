// Calls /api/v1 route handlers the way Next.js does, with a real key made through lib/api-keys.
import { systemActor } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/api-keys/mutations";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { env } from "@/lib/env";

export async function makeApiKey(scopes: ApiScope[], rateLimitPerMinute = 600) {
  return createApiKey(systemActor("test"), { name: `test key ${Math.random().toString(36).slice(2, 8)}`, scopes, rateLimitPerMinute });
}

type Handler = (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>;

/** One call: `path` is under /api/v1; `key` goes in the Authorization header. */
export async function callApi(
  handler: Handler,
  path: string,
  options: { key?: string; method?: string; body?: unknown; rawBody?: string; params?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const url = new URL(`/api/v1${path}`, env().APP_URL);
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined || options.rawBody !== undefined) headers["content-type"] = "application/json";
  const response = await handler(
    new Request(url, {
      method: options.method ?? "GET",
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    }),
    // Like Next.js: a route without dynamic segments gets no params at all.
    options.params ? { params: Promise.resolve(options.params) } : undefined,
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}
