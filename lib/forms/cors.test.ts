import { describe, expect, it } from "vitest";
import { corsDecision } from "./cors";

const own = ["https://app.example"];
const allowed = ["https://shop.example", "http://localhost:8080"];

describe("CORS decisions for the submission API", () => {
  it("let servers call without an Origin header", () => {
    expect(corsDecision(null, allowed, own)).toEqual({ allowed: true, headers: {} });
  });

  it("let the app call itself", () => {
    expect(corsDecision("https://app.example", [], own).allowed).toBe(true);
  });

  it("answer an allowed origin with its own name, never a wildcard", () => {
    const d = corsDecision("https://shop.example", allowed, own);
    expect(d.allowed).toBe(true);
    expect(d.headers["access-control-allow-origin"]).toBe("https://shop.example");
    expect(d.headers.vary).toBe("Origin");
  });

  it("refuse any other origin, including look-alikes", () => {
    for (const origin of ["https://evil.example", "https://shop.example.evil.example", "http://shop.example", "null"]) {
      const d = corsDecision(origin, allowed, own);
      expect(d.allowed, origin).toBe(false);
      expect(d.headers["access-control-allow-origin"]).toBeUndefined();
    }
  });
});
