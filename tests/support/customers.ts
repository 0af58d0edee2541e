// Customers for register tests, made through lib/customers like staff would.
import { randomBytes } from "node:crypto";
import { systemActor } from "@/lib/auth/actor";
import { createCustomer } from "@/lib/customers/mutations";
import type { CustomerInput } from "@/lib/customers/schemas";

/** A random word of letters, so each test finds only its own customers. */
export const token = () =>
  `zq${randomBytes(5)
    .toString("hex")
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)])}`;

export const randomPhone = () => `09${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;

export async function makeCustomer(overrides: Partial<CustomerInput> = {}) {
  const input: CustomerInput = {
    fullName: `Khách ${token()}`,
    email: `${token()}@example.test`,
    phone: randomPhone(),
    address: "12 Phố Huế, Hà Nội",
    organization: "",
    locale: "vi",
    status: "LEAD",
    ...overrides,
  };
  const { id } = await createCustomer(systemActor("test"), input);
  return { id, ...input };
}
