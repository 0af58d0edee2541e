// Passwords: scrypt from node:crypto (no native build), compared in constant time. The cost is
// N = 2^PASSWORD_SCRYPT_LOG_N (default 2^17, about 128 MiB and a few hundred milliseconds per
// check); a hash made with other parameters still verifies and is replaced at the next sign-in.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { env } from "@/lib/env";

const R = 8;
const P = 1;
const KEY_LENGTH = 64;

function currentParams() {
  return { N: 2 ** env().PASSWORD_SCRYPT_LOG_N, r: R, p: P };
}

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions) {
  // maxmem: 128 · N · r bytes, with headroom.
  const maxmem = 256 * (options.N ?? 1) * (options.r ?? R) + 16 * 1024 * 1024;
  return new Promise<Buffer>((resolve, reject) =>
    scryptCb(password.normalize("NFKC"), salt, keylen, { ...options, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Format: scrypt$N$r$p$<salt b64>$<key b64>, so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const params = currentParams();
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split("$");
  if (scheme !== "scrypt" || !saltB64 || !keyB64) return false;
  const N = Number(n);
  // A stored value outside sane bounds is treated as a mismatch, never as a reason to burn memory.
  if (!Number.isInteger(Math.log2(N)) || N < 2 ** 10 || N > 2 ** 20 || Number(r) !== R || Number(p) !== P) return false;
  const expected = Buffer.from(keyB64, "base64");
  const actual = await scrypt(password, Buffer.from(saltB64, "base64"), expected.length, { N, r: R, p: P });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Whether a stored hash was made with weaker parameters than today's. */
export function needsRehash(stored: string): boolean {
  const [, n, r, p] = stored.split("$");
  const params = currentParams();
  return Number(n) !== params.N || Number(r) !== params.r || Number(p) !== params.p;
}

// Verifying against this when the account does not exist keeps the response time the same.
let dummyHash: { N: number; hash: Promise<string> } | undefined;
export function dummyPasswordHash() {
  if (dummyHash?.N !== currentParams().N) dummyHash = { N: currentParams().N, hash: hashPassword("not-a-real-password") };
  return dummyHash.hash;
}
