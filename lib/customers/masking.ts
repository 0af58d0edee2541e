// What STAFF see in lists until they reveal a value (revealing is audited).
import type { Role } from "@/lib/auth/roles";

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 6) return "•".repeat(phone.length);
  return `${phone.slice(0, 5)}${"•".repeat(Math.max(3, phone.length - 8))}${phone.slice(-3)}`;
}

export function maskAddress(address: string | null): string | null {
  if (!address) return address;
  const words = address.split(/\s+/);
  return words.length > 1 ? `${"•".repeat(6)} ${words.at(-1)}` : "•".repeat(6);
}

/** COMPLIANCE see contact details in full; STAFF see them masked. */
export function masksContacts(role: Role | "system") {
  return role === "STAFF";
}

export function maskContacts<T extends { phone: string | null; address: string | null }>(row: T, role: Role | "system"): T & { masked: boolean } {
  if (!masksContacts(role)) return { ...row, masked: false };
  return { ...row, phone: maskPhone(row.phone), address: maskAddress(row.address), masked: !!(row.phone || row.address) };
}
