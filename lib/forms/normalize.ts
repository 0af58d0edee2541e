// How personal data is stored: emails lower-cased, phones in E.164 (Vietnam by default).
import { parsePhoneNumberFromString } from "libphonenumber-js";

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
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
  return value
    .normalize("NFC")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/[ \t]+/g, " ")
    .trim();
}
