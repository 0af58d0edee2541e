// What the privacy policy lets each kind of recipient receive, and who must be left out. The same
// rules live in the database (migration disclosure_rules) so nothing can get around them.
export const RECIPIENT_CATEGORIES = ["ADVERTISING", "SHIPPING", "AUTHORITY"] as const;
export type RecipientCategory = (typeof RECIPIENT_CATEGORIES)[number];

export const DISCLOSURE_FIELDS = ["fullName", "email", "phone", "address", "organization", "reference"] as const;
export type DisclosureField = (typeof DISCLOSURE_FIELDS)[number];

export const ALLOWED_FIELDS: Record<RecipientCategory, readonly DisclosureField[]> = {
  // "Name and mailing address, nothing else."
  ADVERTISING: ["fullName", "address"],
  // "Name, phone and delivery details, only to ship."
  SHIPPING: ["fullName", "phone", "address", "reference"],
  // "The fields the legal request names."
  AUTHORITY: ["fullName", "email", "phone", "address", "organization"],
};

/** Advertising and authority disclosures need a compliance officer other than the preparer. */
export const NEEDS_APPROVAL: Record<RecipientCategory, boolean> = { ADVERTISING: true, SHIPPING: false, AUTHORITY: true };

export const EXCLUSION_REASONS = ["ERASED", "TERMINATED", "OBJECTED", "NO_CONSENT"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/**
 * Exclusions per category. A lawful request from an authority is a legal obligation: an objection
 * to sharing does not stop it (data already erased cannot be given, of course).
 */
export const EXCLUDES: Record<RecipientCategory, readonly ExclusionReason[]> = {
  ADVERTISING: ["ERASED", "TERMINATED", "OBJECTED", "NO_CONSENT"],
  SHIPPING: ["ERASED", "TERMINATED", "OBJECTED"],
  AUTHORITY: ["ERASED"],
};

export const PACKAGE_DAYS = 7;

/** A shipment is for named customers of one order, never a register filter. */
export const MAX_SHIPPING_CUSTOMERS = 500;

export function disallowedFields(category: RecipientCategory, fields: string[]) {
  return fields.filter((f) => !(ALLOWED_FIELDS[category] as readonly string[]).includes(f));
}

/**
 * Erasure and the linking of a package take turns: a package written from rows read before someone
 * in it was erased is never linked after that erasure (which only destroys packages already linked),
 * and one linked first is destroyed by the erasure that follows. They take turns on the audit chain's
 * lock (see lib/audit/sql/audit-chain.sql): both write audit events, so every transaction involved
 * takes that lock anyway, and taking it earlier adds no second lock to acquire in some order.
 */
export const PACKAGE_ERASURE_LOCK = 727_001;
