// Test data that each test creates for itself (unique emails, so tests never collide).
import { randomUUID } from "node:crypto";
import { systemActor, type StaffActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { createUserWithPassword } from "@/lib/users/mutations";

export const uniqueEmail = (label = "user") => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export const TEST_PASSWORD = "correct horse battery";

export async function makeStaff(role: Role, label: string = role.toLowerCase()): Promise<StaffActor> {
  const email = uniqueEmail(label);
  const name = `Test ${label}`;
  const { id } = await createUserWithPassword(systemActor("test"), { email, name, role, password: TEST_PASSWORD });
  return { kind: "user", id, email, name, role, sessionId: randomUUID() };
}
