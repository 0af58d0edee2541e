import { randomUUID } from "node:crypto";
import { systemActor } from "@/lib/auth/actor";
import { createForm, updateForm } from "@/lib/forms/mutations";
import type { FormInput } from "@/lib/forms/schemas";

export function leadForm(overrides: Partial<FormInput> = {}): FormInput {
  return {
    slug: `e2e-${randomUUID().slice(0, 8)}`,
    kind: "LEAD",
    status: "PUBLISHED",
    titleVi: "Đăng ký tư vấn",
    titleEn: "Ask for advice",
    introVi: "Chúng tôi sẽ gọi lại cho bạn.",
    introEn: "We will call you back.",
    fields: { fullName: "required", email: "required", phone: "optional", address: "off", organization: "optional" },
    questions: [],
    purposeKeys: ["inquiries", "advertising"],
    thankYouVi: "Cảm ơn bạn, chúng tôi đã nhận được.",
    thankYouEn: "Thank you, we got it.",
    redirectUrl: "",
    allowedOrigins: "",
    ...overrides,
  };
}

export async function createLeadForm(overrides: Partial<FormInput> = {}) {
  const input = leadForm(overrides);
  const { id } = await createForm(systemActor("e2e"), input);
  return { id, ...input, allow: (origins: string[]) => updateForm(systemActor("e2e"), { id, ...input, allowedOrigins: origins.join("\n") }) };
}
