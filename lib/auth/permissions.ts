// Which roles may open which back-office area. Navigation, pages and lib functions all read this.
import type { Role } from "@/lib/auth/roles";

export const AREAS = {
  dashboard: ["ADMIN", "STAFF", "COMPLIANCE"],
  users: ["ADMIN"],
  settings: ["ADMIN"],
  outbox: ["ADMIN", "COMPLIANCE"],
  audit: ["ADMIN", "COMPLIANCE"],
  forms: ["STAFF", "COMPLIANCE"],
  customers: ["STAFF", "COMPLIANCE"],
  policies: ["COMPLIANCE"],
  disclosures: ["STAFF", "COMPLIANCE"],
  // STAFF may look at the request desk; only COMPLIANCE acts on requests (checked in lib).
  requests: ["STAFF", "COMPLIANCE"],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREAS;

export function canAccess(role: Role, area: Area): boolean {
  return (AREAS[area] as readonly Role[]).includes(role);
}

export function rolesFor(area: Area): Role[] {
  return [...AREAS[area]];
}
