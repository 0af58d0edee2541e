// A local stand-in for Resend's HTTP API, so tests drive the real `resend` SDK (pointed here with
// RESEND_BASE_URL / baseUrl). It records every request, honours Idempotency-Key like Resend (same key
// and body: the first answer again, nothing delivered twice; same key, another body: 409
// invalid_idempotent_request) and can be told to fail the next N calls.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeEmail = {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  /** Extra headers the email was sent with (List-Unsubscribe on marketing email). */
  headers?: Record<string, string>;
  receivedAt: string;
};

export type FakeResend = {
  url: string;
  /** Delivered emails (one per idempotency key). */
  emails: FakeEmail[];
  /** Every HTTP call made to the API, failed ones included. */
  calls: { path: string; status: number; idempotencyKey: string | null; count: number; at: number }[];
  failNext(count: number, status?: number): void;
  /**
   * An outage for `seconds`: every call answers 500, or 429 with Retry-After, or hangs. Hung calls
   * are answered normally (and delivered) when the outage ends, as a real provider that was only
   * slow would: the sender may already have given up on them and will retry with the same key.
   */
  outage(mode: "500" | "429" | "hang", seconds: number, retryAfter?: number): void;
  reset(): void;
  close(): Promise<void>;
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * `keepBodies: false` records only who was sent what id, not the HTML and text; `keepEmails: false`
 * (benchmarks, which share the process with the app) keeps only a count, so the process's memory is
 * the app's.
 */
export async function startFakeResend(port = 0, options: { keepBodies?: boolean; keepEmails?: boolean } = {}): Promise<FakeResend> {
  const keepBodies = options.keepBodies ?? true;
  const keepEmails = options.keepEmails ?? true;
  const emails: FakeEmail[] = [];
  const calls: FakeResend["calls"] = [];
  const byKey = new Map<string, string>();
  // Idempotency keys of accepted requests: the body's hash, to refuse the key with another body.
  const bodies = new Map<string, string>();
  let failures = { count: 0, status: 500 };
  let down: { mode: "500" | "429" | "hang"; until: number; retryAfter: number } | null = null;
  const hung: (() => void)[] = [];
  const isDown = () => {
    if (down && Date.now() >= down.until) {
      down = null;
      for (const release of hung.splice(0)) release();
    }
    return down;
  };
  setInterval(isDown, 100).unref();

  const deliver = (payload: Omit<FakeEmail, "id" | "receivedAt" | "idempotencyKey">, key: string | null) => {
    const known = key ? byKey.get(key) : undefined;
    if (known) return known;
    const id = randomUUID();
    if (!keepEmails) return id;
    if (key) byKey.set(key, id);
    const kept = keepBodies ? payload : { from: payload.from, to: payload.to, subject: payload.subject };
    emails.push({ ...kept, id, idempotencyKey: key, receivedAt: new Date().toISOString() });
    return id;
  };

  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const arrived = Date.now();
    const body = await readBody(req);
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const path = req.url ?? "/";

    if (req.method === "GET" && path.startsWith("/_test/emails")) return send(200, emails);
    if (req.method === "POST" && path === "/_test/reset") {
      emails.length = 0;
      calls.length = 0;
      byKey.clear();
      bodies.clear();
      failures = { count: 0, status: 500 };
      return send(200, { ok: true });
    }
    if (req.method === "POST" && path === "/_test/fail") {
      const { count, status } = JSON.parse(body || "{}");
      failures = { count: Number(count) || 1, status: Number(status) || 500 };
      return send(200, { ok: true });
    }
    if (!req.headers.authorization?.startsWith("Bearer ")) return send(401, { name: "missing_api_key", message: "Missing API key" });

    const isBatch = req.method === "POST" && path === "/emails/batch";
    const isSingle = req.method === "POST" && path === "/emails";
    if (!isBatch && !isSingle) return send(404, { name: "not_found", message: `No route ${req.method} ${path}` });
    const parsed = JSON.parse(body || "null");
    const count = isBatch ? (Array.isArray(parsed) ? parsed.length : 0) : 1;
    const outage = isDown();
    if (outage?.mode === "hang") {
      await new Promise<void>((resolve) => hung.push(resolve));
    } else if (outage) {
      calls.push({ path, status: Number(outage.mode), idempotencyKey: key, count, at: arrived });
      res.writeHead(Number(outage.mode), {
        "content-type": "application/json",
        ...(outage.mode === "429" ? { "retry-after": String(outage.retryAfter) } : {}),
      });
      res.end(
        JSON.stringify({
          name: outage.mode === "429" ? "rate_limit_exceeded" : "internal_server_error",
          message: "Injected outage",
          statusCode: Number(outage.mode),
        }),
      );
      return;
    }
    if (failures.count > 0) {
      failures.count -= 1;
      calls.push({ path, status: failures.status, idempotencyKey: key, count, at: arrived });
      return send(failures.status, { name: "internal_server_error", message: "Injected failure", statusCode: failures.status });
    }
    const hash = createHash("sha256").update(`${path}\n${body}`).digest("hex");
    if (key && bodies.has(key) && bodies.get(key) !== hash) {
      calls.push({ path, status: 409, idempotencyKey: key, count, at: arrived });
      return send(409, { name: "invalid_idempotent_request", message: "Same idempotency key used with a different request payload.", statusCode: 409 });
    }
    if (key) bodies.set(key, hash);
    calls.push({ path, status: 200, idempotencyKey: key, count, at: arrived });
    if (isBatch) {
      if (!Array.isArray(parsed) || parsed.length > 100) return send(422, { name: "validation_error", message: "1 to 100 emails per batch" });
      const ids = parsed.map((p, i) => deliver(p, key ? `${key}:${i}` : null));
      return send(200, { data: ids.map((id) => ({ id })) });
    }
    return send(200, { id: deliver(parsed, key) });
  });

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    emails,
    calls,
    failNext(count, status = 500) {
      failures = { count, status };
    },
    outage(mode, seconds, retryAfter = 1) {
      down = { mode, until: Date.now() + seconds * 1000, retryAfter };
    },
    reset() {
      emails.length = 0;
      calls.length = 0;
      byKey.clear();
      bodies.clear();
      failures = { count: 0, status: 500 };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
