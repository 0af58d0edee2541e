// The app's HTTP server: Next.js behind one step of our own. Every request gets the socket's peer
// address in PEER_HEADER, replacing anything the client sent under that name, so the app always
// knows which address it really talked to (`next start` would keep a client's X-Forwarded-For and
// drop the socket address). lib/http/client-ip.ts reads it. Plain JavaScript: it runs without tsx.
//   node scripts/server.mjs [--dev]      (PORT, HOSTNAME from the environment)
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PEER_HEADER = "x-customer-register-peer";

/** Overwrites the peer header with the socket's remote address (never trusts the client's copy). */
export function stampPeer(req) {
  delete req.headers[PEER_HEADER];
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_HEADER] = address;
  // rawHeaders is what some code paths copy: keep the two consistent.
  const raw = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() !== PEER_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  if (address) raw.push(PEER_HEADER, address);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
}

const MB = 1024 * 1024;
/** Pages whose server actions take an uploaded file (a scan, a CSV): the only ones allowed big bodies. */
const UPLOAD_PAGES = [/^\/admin\/customers\/[0-9a-f-]{36}$/, /^\/admin\/customers\/import$/, /^\/admin\/requests\/new$/, /^\/admin\/disclosures\/new$/];
export const SMALL_BODY = 1 * MB;
export const UPLOAD_BODY = 30 * MB;

/**
 * What a request may send, decided before anything reads its body: 30 MB for the upload pages,
 * and only for a signed-in staff member (`needsSession`); 1 MB for everything else. A body must
 * say its length (browsers always do): a chunked one could not be held to a limit before reading.
 */
export function bodyPolicy(method, url, contentLength, chunked = false) {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return { allowed: true, needsSession: false };
  if (chunked && contentLength === null) return { allowed: false, needsSession: false, status: 411 };
  const path = url.split("?")[0];
  const upload = UPLOAD_PAGES.some((p) => p.test(path));
  const limit = upload ? UPLOAD_BODY : SMALL_BODY;
  if (contentLength !== null && contentLength > limit) return { allowed: false, needsSession: false, limit, status: 413 };
  return { allowed: true, needsSession: upload && contentLength !== null && contentLength > SMALL_BODY, limit };
}

/**
 * The route a request was for, as a metric label: ids, tokens and slugs become placeholders so the
 * label set stays small (and holds no personal data).
 */
export function routeLabel(url) {
  const path = (url ?? "/").split("?")[0];
  if (path.startsWith("/_next/")) return "/_next/*";
  return (
    path
      .replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "/[id]")
      .replace(/^\/(f|confirm|set-password|unsubscribe)\/[^/]+/, "/$1/[token]")
      .replace(/^\/api\/public\/(forms|unsubscribe)\/[^/]+/, "/api/public/$1/[token]")
      .replace(/^\/privacy\/me\/link\/[^/]+/, "/privacy/me/link/[token]")
      .replace(/\/\d+(?=\/|$)/g, "/[n]")
      .slice(0, 80) || "/"
  );
}

/** Request timings by route, method and status, in prom-client's registry (read by /api/metrics). */
async function requestTimer() {
  const { default: client } = await import("prom-client");
  const name = "customer_register_http_request_duration_seconds";
  const histogram =
    client.register.getSingleMetric(name) ??
    new client.Histogram({
      name,
      help: "HTTP request latency by route",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
  return (req, res) => {
    const end = histogram.startTimer();
    res.on("finish", () => end({ route: routeLabel(req.url), method: req.method ?? "GET", status: String(res.statusCode) }));
  };
}

/** Headers every response carries, API and static files included (pages get more in proxy.ts). */
export function baselineHeaders(appUrl) {
  const headers = { "x-content-type-options": "nosniff" };
  if (appUrl?.startsWith("https://")) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

async function main() {
  const dev = process.argv.includes("--dev");
  if (!dev) process.env.NODE_ENV = "production";
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME || undefined;
  const { default: next } = await import("next");
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const app = next({ dev, dir, hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const always = Object.entries(baselineHeaders(process.env.APP_URL));
  const time = await requestTimer();
  const self = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname;
  const refuse = (res, status, text) => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    res.end(text);
  };
  // A large upload is read only for someone signed in: asked of the app itself, before the body.
  const signedIn = async (req) => {
    try {
      const check = await fetch(`http://${self}:${port}/api/session-check`, { headers: { cookie: req.headers.cookie ?? "" } });
      return check.status === 204;
    } catch {
      return false;
    }
  };
  const server = createServer(async (req, res) => {
    stampPeer(req);
    time(req, res);
    for (const [name, value] of always) res.setHeader(name, value);
    const declared = req.headers["content-length"] === undefined ? null : Number(req.headers["content-length"]);
    const policy = bodyPolicy(req.method ?? "GET", req.url ?? "/", Number.isFinite(declared) ? declared : null, req.headers["transfer-encoding"] !== undefined);
    if (!policy.allowed) return refuse(res, policy.status, policy.status === 411 ? "Send the body with a Content-Length." : "Request body too large.");
    if (policy.needsSession && !(await signedIn(req))) return refuse(res, 401, "Sign in before uploading.");
    void handle(req, res);
  });
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (req, socket, head) => {
      stampPeer(req);
      void upgrade(req, socket, head);
    });
  }
  server.listen(port, hostname, () => console.log(`Ready on http://${hostname ?? "localhost"}:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
