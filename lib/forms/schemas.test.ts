import { describe, expect, it } from "vitest";
import { formInputSchema, toOrigin } from "./schemas";

const base = {
  slug: "lien-he",
  kind: "LEAD",
  status: "DRAFT",
  titleVi: "Liên hệ",
  titleEn: "Contact",
  introVi: "",
  introEn: "",
  fields: { fullName: "required", email: "required", phone: "off", address: "off", organization: "off" },
  questions: [],
  purposeKeys: [],
  thankYouVi: "",
  thankYouEn: "",
  redirectUrl: "",
  allowedOrigins: "",
};

const issues = (input: object) => {
  const r = formInputSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("form editor input", () => {
  it("turns pasted addresses into origins, one per line", () => {
    const r = formInputSchema.parse({ ...base, allowedOrigins: "https://shop.example/contact\nhttp://localhost:8080/\n https://shop.example " });
    expect(r.allowedOrigins).toEqual(["https://shop.example", "http://localhost:8080"]);
    expect(toOrigin("javascript:alert(1)")).toBeNull();
    // Consent boxes on an unencrypted page could be changed on the way: https only, http for this computer.
    expect(toOrigin("http://shop.example")).toBeNull();
    expect(toOrigin("http://127.0.0.1:3001/x")).toBe("http://127.0.0.1:3001");
    expect(issues({ ...base, allowedOrigins: "http://shop.example" })).toEqual({ allowedOrigins: "forms.originFormat" });
    expect(issues({ ...base, allowedOrigins: "shop.example" })).toEqual({ allowedOrigins: "forms.originFormat" });
  });

  it("parses its own output again (server actions and lib functions both validate)", () => {
    const once = formInputSchema.parse({ ...base, allowedOrigins: "https://a.example" });
    expect(formInputSchema.parse(once)).toEqual(once);
  });

  it("check slugs, choices and the contact needed for consent", () => {
    expect(issues({ ...base, slug: "Liên Hệ!" })).toEqual({ slug: "forms.slugFormat" });
    expect(
      issues({
        ...base,
        questions: [{ key: "q1", type: "single_choice", labelVi: "A", labelEn: "A", required: false, options: [{ key: "o1", labelVi: "x", labelEn: "x" }] }],
      }),
    ).toEqual({ "questions.0.options": "forms.needTwoOptions" });
    expect(issues({ ...base, fields: { ...base.fields, email: "off" }, purposeKeys: ["inquiries"] })).toEqual({ purposeKeys: "forms.consentNeedsContact" });
    expect(issues({ ...base, redirectUrl: "ftp://x" })).toEqual({ redirectUrl: "forms.redirectUrl" });
  });
});
