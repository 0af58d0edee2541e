// Secrets the app must read back later (one-time links waiting in the outbox, two-factor secrets)
// are stored sealed with AES-256-GCM under a key derived from NEXTAUTH_SECRET for one purpose, so a
// copy of the database alone is not enough to use them. While the secret is being rotated, values
// sealed under one of NEXTAUTH_SECRET_PREVIOUS still open; new ones are sealed under the current one.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

export type SealPurpose = "outbox one-time link" | "two-factor secret" | "webhook signing secret";

function keyFrom(secret: string, purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "customer-register", purpose, 32));
}

/** The app's secrets, the current one first: what NEXTAUTH_SECRET_PREVIOUS lists follows. */
export function appSecrets(): string[] {
  const { NEXTAUTH_SECRET, NEXTAUTH_SECRET_PREVIOUS } = env();
  return [NEXTAUTH_SECRET, ...NEXTAUTH_SECRET_PREVIOUS.filter((s) => s !== NEXTAUTH_SECRET)];
}

export function sealValue(purpose: SealPurpose, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(env().NEXTAUTH_SECRET, purpose), iv);
  const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The value and whether it was sealed under the current secret. Throws when no secret opens it. */
export function openSealed(purpose: SealPurpose, sealed: string): { value: string; current: boolean } {
  const raw = Buffer.from(sealed, "base64url");
  let failure: unknown = new Error("sealed value too short");
  for (const [index, secret] of appSecrets().entries()) {
    if (raw.length < 28) break;
    try {
      const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret, purpose), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return { value: Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8"), current: index === 0 };
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

export function openValue(purpose: SealPurpose, sealed: string): string {
  return openSealed(purpose, sealed).value;
}

export type Resealed = { status: "current" } | { status: "resealed"; sealed: string } | { status: "unreadable" };

/** The value sealed again under the current secret when an older one sealed it. */
export function resealValue(purpose: SealPurpose, sealed: string): Resealed {
  let opened: ReturnType<typeof openSealed>;
  try {
    opened = openSealed(purpose, sealed);
  } catch {
    return { status: "unreadable" };
  }
  return opened.current ? { status: "current" } : { status: "resealed", sealed: sealValue(purpose, opened.value) };
}

export type ResealCounts = { resealed: number; current: number; unreadable: number; changed: number };

/**
 * Re-seals stored values under the current secret: `save` writes one only if it is still the value
 * read and says how many rows it changed, so a concurrent change wins and is counted as `changed`
 * (run again). Values no listed secret opens are counted, not touched.
 */
export async function resealEach(
  purpose: SealPurpose,
  rows: { id: string; sealed: string }[],
  save: (id: string, from: string, to: string) => Promise<{ count: number }>,
): Promise<ResealCounts> {
  const counts: ResealCounts = { resealed: 0, current: 0, unreadable: 0, changed: 0 };
  for (const row of rows) {
    const result = resealValue(purpose, row.sealed);
    if (result.status === "resealed") counts[(await save(row.id, row.sealed, result.sealed)).count === 1 ? "resealed" : "changed"]++;
    else counts[result.status]++;
  }
  return counts;
}
