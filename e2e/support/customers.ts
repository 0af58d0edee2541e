import { randomBytes } from "node:crypto";
import { systemActor } from "@/lib/auth/actor";
import { createCustomer } from "@/lib/customers/mutations";

export const tag = () =>
  `zq${randomBytes(4)
    .toString("hex")
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)])}`;

export async function createCustomerFor(name: string) {
  const phone = `09${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;
  const email = `${tag()}@e2e.test`;
  const { id } = await createCustomer(systemActor("e2e"), {
    fullName: name,
    email,
    phone,
    address: "25 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội",
    organization: "Công ty E2E",
    locale: "vi",
    status: "ACTIVE",
  });
  return { id, email, phone: `+84${phone.slice(1)}` };
}
