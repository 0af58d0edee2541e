// Staff roles, as plain values usable on the client (the Prisma enum has the same members).
export const ROLES = ["ADMIN", "STAFF", "COMPLIANCE"] as const;
export type Role = (typeof ROLES)[number];
