import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptBytes, encryptBytes } from "./sealing";

describe("files sealed at rest", () => {
  it("open only with their own key; a changed byte or a lost key gives nothing", () => {
    const key = randomBytes(32);
    const file = Buffer.from("%PDF-1.4 Phiếu đồng ý của Nguyễn Văn A, 0912345678");
    const sealed = encryptBytes(key, file);
    expect(sealed.includes(Buffer.from("0912345678"))).toBe(false);
    expect(decryptBytes(key, sealed)?.equals(file)).toBe(true);
    expect(decryptBytes(randomBytes(32), sealed)).toBeNull();
    expect(decryptBytes(null, sealed)).toBeNull();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(decryptBytes(key, tampered)).toBeNull();
    // The same file sealed twice looks different (a fresh nonce each time).
    expect(encryptBytes(key, file).equals(sealed)).toBe(false);
  });
});
