// How personal data is stored: emails lower-cased, phones in E.164 (Vietnam by default).
import { parsePhoneNumberFromString } from "libphonenumber-js";

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * The mailbox an address delivers to, for counting what is sent to one person: "An+tin@Gmail.com",
 * "a.n@gmail.com" and "an@googlemail.com" reach one inbox. (Only for limits; addresses are stored as given.)
 */
export function mailboxOf(email: string): string {
  const normal = normalizeEmail(email);
  const at = normal.lastIndexOf("@");
  if (at < 1) return normal;
  let local = normal.slice(0, at).split("+")[0];
  let domain = normal.slice(at + 1);
  if (domain === "gmail.com" || domain === "googlemail.com") {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

/** E.164 (e.g. +84912345678), or null when the number is not a valid phone number. */
export function normalizePhone(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value.trim(), "VN");
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * Collapses whitespace and strips control characters; HTML stays as typed (it is escaped on output).
 * Vietnamese letters are stored composed (NFC): "ễ" typed or pasted as e + ◌̂ + ◌̃ (macOS files, some
 * keyboards) is the same name, found by the same search and shown with the same glyph.
 */
export function cleanText(value: string): string {
  return (
    value
      .normalize("NFC")
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      // Invisible characters that change how text reads (right-to-left overrides, zero-width spaces):
      // a name shown to staff or in a spreadsheet is what it looks like. Joiners stay (emoji, scripts).
      .replace(/[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, "")
      .replace(/[ \t]+/g, " ")
      .trim()
  );
}

/** cleanText for one-line values (a name, an organisation): line breaks become spaces. */
export function cleanLine(value: string): string {
  return cleanText(value.replace(/[\r\n\u2028\u2029]+/g, " "));
}
