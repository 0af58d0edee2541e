// Staff accounts for end-to-end tests, created through lib/users (the same path as the app).
import { randomUUID } from "node:crypto";
import { systemActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { createUserWithPassword } from "@/lib/users/mutations";

export type TestStaff = { email: string; password: string; name: string; role: Role };

export const PASSWORD = "e2e password 2026";

export async function createStaff(role: Role, label = role.toLowerCase()): Promise<TestStaff> {
  const email = `${label}-${randomUUID().slice(0, 8)}@e2e.test`;
  const name = `E2E ${label}`;
  await createUserWithPassword(systemActor("e2e"), { email, name, role, password: PASSWORD });
  return { email, name, role, password: PASSWORD };
}
