import { describe, expect, it } from "vitest";
import { assertEnv, parseEnv } from "@/lib/env";
import { hashPassword, needsRehash, verifyPassword } from "./password";

describe("scrypt passwords", () => {
  it("verify the password they were made from and nothing else", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salt every hash, so equal passwords give different hashes", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password", b)).toBe(true);
  });

  it("treat a malformed stored value as a mismatch instead of throwing", async () => {
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
    // A forged cost would burn memory: refused, not computed.
    expect(await verifyPassword("x", "scrypt$1073741824$8$1$c2FsdA==$a2V5")).toBe(false);
  });

  it("cost 2^17 by default, and an older, cheaper hash asks to be replaced", async () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://x/y", NEXTAUTH_SECRET: "x".repeat(32) }).PASSWORD_SCRYPT_LOG_N).toBe(17);
    const cheap = await hashPassword("pw"); // the test run uses 2^14
    expect(needsRehash(cheap)).toBe(false);
    process.env.PASSWORD_SCRYPT_LOG_N = "17";
    assertEnv();
    try {
      expect(needsRehash(cheap)).toBe(true);
      const strong = await hashPassword("pw");
      expect(strong).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(await verifyPassword("pw", strong)).toBe(true);
      expect(await verifyPassword("pw", cheap)).toBe(true);
    } finally {
      process.env.PASSWORD_SCRYPT_LOG_N = "14";
      assertEnv();
    }
  });
});
