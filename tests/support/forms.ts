// A published form made through lib/forms, like staff would, for tests that submit to it.
import { randomUUID } from "node:crypto";
import { systemActor } from "@/lib/auth/actor";
import { createForm } from "@/lib/forms/mutations";
import { findPublishedForm } from "@/lib/forms/queries";
import type { FormInput } from "@/lib/forms/schemas";

export async function makeForm(overrides: Partial<FormInput> = {}) {
  const slug = `test-${randomUUID().slice(0, 8)}`;
  await createForm(systemActor("test"), {
    slug,
    kind: "SURVEY",
    status: "PUBLISHED",
    titleVi: "Biểu mẫu thử",
    titleEn: "Test form",
    introVi: "",
    introEn: "",
    fields: { fullName: "optional", email: "optional", phone: "optional", address: "off", organization: "optional" },
    questions: [
      {
        key: "color",
        type: "single_choice",
        labelVi: "Màu",
        labelEn: "Colour",
        required: true,
        options: [
          { key: "red", labelVi: "Đỏ", labelEn: "Red" },
          { key: "blue", labelVi: "Xanh", labelEn: "Blue" },
        ],
      },
      { key: "score", type: "rating", labelVi: "Điểm", labelEn: "Score", required: false, options: [] },
      {
        key: "tags",
        type: "multiple_choice",
        labelVi: "Nhãn",
        labelEn: "Tags",
        required: false,
        options: [
          { key: "a", labelVi: "A", labelEn: "A" },
          { key: "b", labelVi: "B", labelEn: "B" },
        ],
      },
      { key: "note", type: "short_text", labelVi: "Ghi chú", labelEn: "Note", required: false, options: [] },
    ],
    purposeKeys: ["inquiries", "advertising"],
    thankYouVi: "",
    thankYouEn: "",
    redirectUrl: "",
    allowedOrigins: "https://partner.example",
    ...overrides,
  });
  const form = await findPublishedForm(overrides.slug ?? slug);
  if (!form) throw new Error("form not found after creating it");
  return form;
}

export const key = () => `key-${randomUUID()}`;
export const ctx = (ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) => ({ ip, userAgent: "vitest" });
