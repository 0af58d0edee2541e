// A webhook receiver for tests, independent of the app's signing code: it checks Standard Webhooks
// signatures with node:crypto alone, and can be told to fail, rate-limit or hang.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { id: string; timestamp: number; signatureValid: boolean; body: string; json: { type: string; data: Record<string, unknown> } };
type Mode = { kind: "ok" } | { kind: "status"; status: number; retryAfter?: number } | { kind: "hang" };

export function verifyStandardWebhook(secret: string, id: string, timestamp: string, body: string, signatureHeader: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  return signatureHeader.split(" ").some((part) => {
    const [version, value] = part.split(",");
    const given = Buffer.from(value ?? "", "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export async function startWebhookReceiver() {
  const received: Received[] = [];
  let secret = "";
  let mode: Mode = { kind: "ok" };
  const hanging: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const id = String(req.headers["webhook-id"] ?? "");
      const timestamp = String(req.headers["webhook-timestamp"] ?? "");
      received.push({
        id,
        timestamp: Number(timestamp),
        signatureValid: verifyStandardWebhook(secret, id, timestamp, body, String(req.headers["webhook-signature"] ?? "")),
        body,
        json: JSON.parse(body),
      });
      if (mode.kind === "hang") {
        hanging.push(res);
        return;
      }
      if (mode.kind === "status") {
        res.writeHead(mode.status, mode.retryAfter ? { "retry-after": String(mode.retryAfter) } : {});
        res.end("nope");
        return;
      }
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    setSecret: (s: string) => {
      secret = s;
    },
    setMode: (m: Mode) => {
      mode = m;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
