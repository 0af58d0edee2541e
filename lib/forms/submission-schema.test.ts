import { describe, expect, it } from "vitest";
import { submissionSchema } from "./submission-schema";

const form = {
  fields: { fullName: "required", email: "optional", phone: "off", address: "optional", organization: "off" },
  questions: [{ key: "note", type: "long_text", required: false, options: [], labelVi: "Ghi chú", labelEn: "Note" }],
  purposeKeys: [],
} as unknown as Parameters<typeof submissionSchema>[0];

describe("a public submission's text", () => {
  it("is stored composed (NFC): a name typed decomposed is the same name, and control characters go", () => {
    const parsed = submissionSchema(form).parse({
      fields: { fullName: "  Trần   Thị Hà\u0007 ".normalize("NFD"), address: "Phố Huế".normalize("NFD") },
      answers: { note: "Giao hàng buổi sáng".normalize("NFD") },
      idempotencyKey: "nfc-test-0001",
    });
    expect(parsed.fields).toEqual({ fullName: "Trần Thị Hà", address: "Phố Huế" });
    expect(parsed.answers).toEqual({ note: "Giao hàng buổi sáng" });
  });
});
