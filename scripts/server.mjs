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
  const server = createServer((req, res) => {
    stampPeer(req);
    for (const [name, value] of always) res.setHeader(name, value);
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
