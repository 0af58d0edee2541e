import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, newRecoveryCodes, normalizeRecoveryCode, otpauthUri, stepAt, totp, verifyTotp } from "./totp";

// RFC 6238 appendix B (SHA-1 seed "12345678901234567890"), 8 digits.
const SEED = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC test vectors", () => {
    const vectors: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [seconds, code] of vectors) expect(totp(SEED, new Date(seconds * 1000), 8), String(seconds)).toBe(code);
    // RFC 4226 appendix D, 6 digits.
    expect([0, 1, 9].map((c) => hotp(Buffer.from("12345678901234567890"), c))).toEqual(["755224", "287082", "520489"]);
  });

  it("round-trips base32", () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
  });

  it("accepts the neighbouring steps once each, and refuses a replay", () => {
    const now = new Date("2026-12-02T10:00:10Z");
    const code = totp(SEED, now);
    const step = verifyTotp(SEED, code, now, null);
    expect(step).toBe(stepAt(now));
    expect(verifyTotp(SEED, code, now, step)).toBeNull();
    expect(verifyTotp(SEED, totp(SEED, new Date(now.getTime() - 30_000)), now, null)).toBe(stepAt(now) - 1);
    expect(verifyTotp(SEED, totp(SEED, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
    expect(verifyTotp(SEED, "12345", now, null)).toBeNull();
    expect(verifyTotp(SEED, "abcdef", now, null)).toBeNull();
  });

  it("writes an otpauth URI and readable recovery codes", () => {
    expect(otpauthUri("ABC", "an@example.com", "Sổ khách hàng")).toBe(
      "otpauth://totp/S%E1%BB%95%20kh%C3%A1ch%20h%C3%A0ng%3Aan%40example.com?secret=ABC&issuer=S%E1%BB%95%20kh%C3%A1ch%20h%C3%A0ng&algorithm=SHA1&digits=6&period=30",
    );
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(normalizeRecoveryCode(" K7QM 2X9D P4TF ")).toBe("k7qm-2x9d-p4tf");
  });
});
