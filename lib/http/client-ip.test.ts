import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { PEER_HEADER as SERVER_PEER_HEADER, stampPeer } from "@/scripts/server.mjs";
import { clientIp, PEER_HEADER } from "./client-ip";
import { parseTrustedProxies, resolveClientIp, type TrustedProxies } from "./trusted-proxies";

const trust = (value: string) => parseTrustedProxies(value) as TrustedProxies;

describe("client address", () => {
  it("is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientIp({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "1.2.3.4" }, trust(""))).toBe("203.0.113.9");
    expect(clientIp({ [PEER_HEADER]: "::ffff:203.0.113.9" }, trust(""))).toBe("203.0.113.9");
    // No peer stamp (not behind scripts/server.mjs): never fall back to the client's header.
    expect(clientIp({ "x-forwarded-for": "1.2.3.4" }, trust(""))).toBe("unknown");
  });

  it("with a hop count, takes the entry that many hops in, so a prepended forgery is ignored", () => {
    // Client 198.51.100.7 forged "1.2.3.4"; nginx (10.0.0.2) appended the real address.
    expect(resolveClientIp("10.0.0.2", "1.2.3.4, 198.51.100.7", trust("1"))).toBe("198.51.100.7");
    expect(resolveClientIp("10.0.0.3", "1.2.3.4, 198.51.100.7, 10.0.0.2", trust("2"))).toBe("198.51.100.7");
    // Someone reaching the app directly, past the proxy, is seen as themselves.
    expect(resolveClientIp("198.51.100.8", undefined, trust("1"))).toBe("198.51.100.8");
    expect(resolveClientIp("10.0.0.2", "garbage", trust("1"))).toBe("unknown");
  });

  it("with networks, walks back from the peer over trusted addresses only", () => {
    const lb = trust("10.0.0.0/8, 2001:db8::/32");
    expect(resolveClientIp("10.1.2.3", "1.2.3.4, 198.51.100.7, 10.9.9.9", lb)).toBe("198.51.100.7");
    expect(resolveClientIp("2001:db8::1", "198.51.100.7", lb)).toBe("198.51.100.7");
    // An untrusted peer is the client even if it sends a header.
    expect(resolveClientIp("198.51.100.9", "1.2.3.4", lb)).toBe("198.51.100.9");
  });

  it("the server overwrites a peer header sent by the client with the socket address", () => {
    expect(SERVER_PEER_HEADER).toBe(PEER_HEADER);
    const socket = new Socket();
    Object.defineProperty(socket, "remoteAddress", { value: "192.0.2.44" });
    const req = new IncomingMessage(socket);
    req.headers = { [PEER_HEADER]: "1.2.3.4", host: "x" };
    req.rawHeaders = ["Host", "x", "X-Customer-Register-Peer", "1.2.3.4"];
    stampPeer(req);
    expect(req.headers[PEER_HEADER]).toBe("192.0.2.44");
    expect(req.rawHeaders).toEqual(["Host", "x", PEER_HEADER, "192.0.2.44"]);
    socket.destroy();
  });
});

describe("request body limits (scripts/server.mjs)", () => {
  it("allow 30 MB only on the upload pages, and only after a session check above 1 MB; 1 MB elsewhere", async () => {
    const { bodyPolicy, SMALL_BODY, UPLOAD_BODY } = await import("@/scripts/server.mjs");
    const id = "0f8c1b7e-5d1a-4b8e-9d0a-2f1e3c4b5a69";
    expect(bodyPolicy("POST", `/admin/customers/${id}`, 5 * 1024 * 1024)).toMatchObject({ allowed: true, needsSession: true });
    expect(bodyPolicy("POST", "/admin/customers/import", UPLOAD_BODY + 1)).toMatchObject({ allowed: false });
    expect(bodyPolicy("POST", "/admin/customers/import", 10_000)).toMatchObject({ allowed: true, needsSession: false });
    expect(bodyPolicy("POST", "/admin/customers/import", null, true)).toMatchObject({ allowed: false, status: 411 });
    expect(bodyPolicy("POST", "/login", null, true)).toMatchObject({ allowed: false, status: 411 });
    expect(bodyPolicy("POST", "/login", null, false)).toMatchObject({ allowed: true });
    expect(bodyPolicy("POST", "/admin/settings", SMALL_BODY + 1)).toMatchObject({ allowed: false, status: 413 });
    expect(bodyPolicy("POST", "/api/public/forms/x/submissions?lang=en", 2 * 1024 * 1024)).toMatchObject({ allowed: false });
    expect(bodyPolicy("POST", "/privacy/me", SMALL_BODY)).toMatchObject({ allowed: true, needsSession: false });
    expect(bodyPolicy("GET", "/admin", null)).toMatchObject({ allowed: true });
  });
});
