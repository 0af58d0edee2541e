import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const APP = "https://privacy.example.com";
const target = (value: string) => safeRedirectPath(value, "/admin", APP);

describe("redirect after sign-in", () => {
  it("keeps paths on the app, with their query", () => {
    expect(target("/admin/customers?q=an")).toBe("/admin/customers?q=an");
    expect(target("https://privacy.example.com/admin/requests")).toBe("/admin/requests");
  });

  it("refuses every way of naming another site", () => {
    for (const attack of [
      "/\\evil.example", // what ?callbackUrl=/%5Cevil.example decodes to
      "/\t/evil.example", // ?callbackUrl=/%09/evil.example
      "\\\\evil.example",
      "//evil.example",
      "/.//evil.example",
      "https://evil.example/admin",
      "javascript:alert(1)",
      "http://privacy.example.com/admin", // another origin (http)
      "https://privacy.example.com.evil.example/",
    ]) {
      expect(target(attack), attack).toBe("/admin");
    }
  });
});
