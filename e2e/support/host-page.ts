// A page on another local port (another origin), standing in for a customer's website.
import http from "node:http";
import type { AddressInfo } from "node:net";

export async function startHostPage(html: (origin: string) => string) {
  const server = http.createServer((_req, res) => {
    const address = server.address() as AddressInfo;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html(`http://127.0.0.1:${address.port}`));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
