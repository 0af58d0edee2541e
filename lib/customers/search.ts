// Reading the register's one search box, and the opaque cursors of its pages (pure; the SQL built
// from them is in queries.ts).

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type SearchKind = "none" | "phone" | "email" | "text";

/**
 * A phone search needs this many digits: masked numbers show their first and last digits, and a
 * shorter fragment would let someone find the hidden ones a digit at a time.
 */
export const MIN_PHONE_DIGITS = 7;

/**
 * What the one search box was given: a phone number in any format, an email, or words. `words` are
 * what a search inside words looks for (split at spaces); `tokens` are what the word index looks
 * for (split at anything that is not a letter or a digit, as the index splits what it stores).
 */
export function classifySearch(q: string): { kind: SearchKind; value: string; words: string[]; tokens: string[] } {
  // Composed, like the register stores text: "Nguyễn" pasted decomposed is the same word.
  const trimmed = q.normalize("NFC").trim();
  if (!trimmed) return { kind: "none", value: "", words: [], tokens: [] };
  const digits = trimmed.replace(/\D/g, "");
  if (/^[\d\s().+-]+$/.test(trimmed) && digits.length >= MIN_PHONE_DIGITS) {
    // Stored as E.164 (+84…): a national number's leading 0 becomes 84, "0084" becomes "84".
    const national = digits.startsWith("00") ? digits.slice(2) : digits.startsWith("0") ? `84${digits.slice(1)}` : digits;
    return { kind: "phone", value: national, words: [], tokens: [] };
  }
  if (trimmed.includes("@")) return { kind: "email", value: trimmed.toLowerCase(), words: [], tokens: [] };
  return {
    kind: "text",
    value: trimmed,
    words: trimmed.split(/\s+/).filter(Boolean).slice(0, 6),
    tokens: trimmed
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter(Boolean)
      .slice(0, 6),
  };
}

export type Cursor = { v: string; id: string };

export function encodeCursor(c: Cursor) {
  return Buffer.from(JSON.stringify([c.v, c.id])).toString("base64url");
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [v, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    return typeof v === "string" && typeof id === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? { v, id } : null;
  } catch {
    return null;
  }
}
