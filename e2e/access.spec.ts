import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { expect, pageAs, test } from "./support/fixtures";

// Pages each role must NOT open (they get the 403 page, not a crash).
const FORBIDDEN: Record<Role, string[]> = {
  STAFF: ["/admin/users", "/admin/settings", "/admin/audit", "/admin/outbox", "/admin/policies", "/admin/breaches", "/admin/records", "/admin/jobs"],
  COMPLIANCE: ["/admin/users", "/admin/settings", "/admin/jobs"],
  ADMIN: [
    "/admin/forms",
    "/admin/forms/new",
    "/admin/customers",
    "/admin/customers/import",
    "/admin/customers/duplicates",
    "/admin/requests",
    "/admin/breaches",
    "/admin/campaigns",
  ],
};
const ALLOWED: Record<Role, string[]> = {
  STAFF: ["/admin", "/admin/customers", "/admin/forms", "/admin/disclosures", "/admin/requests", "/admin/campaigns"],
  COMPLIANCE: [
    "/admin",
    "/admin/customers",
    "/admin/forms",
    "/admin/disclosures",
    "/admin/requests",
    "/admin/breaches",
    "/admin/records",
    "/admin/campaigns",
    "/admin/policies",
    "/admin/audit",
    "/admin/outbox",
  ],
  ADMIN: ["/admin", "/admin/users", "/admin/settings", "/admin/audit", "/admin/outbox", "/admin/records", "/admin/jobs"],
};

test.describe("role-based access", () => {
  for (const role of ["STAFF", "COMPLIANCE", "ADMIN"] as const) {
    test(`${role} is refused the other roles' pages with a 403 page`, async ({ browser, baseURL }) => {
      const page = await pageAs(browser, role, baseURL);
      const refusals = () => db().auditEvent.count({ where: { action: "access.refused", details: { path: ["reason"], equals: "role" } } });
      const before = await refusals();
      for (const path of FORBIDDEN[role]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { name: "Bạn không có quyền xem trang này" })).toBeVisible();
      }
      // Each refused page is on the record (who, which area).
      expect(await refusals()).toBeGreaterThanOrEqual(before + FORBIDDEN[role].length);
    });
  }

  for (const role of ["STAFF", "COMPLIANCE", "ADMIN"] as const) {
    test(`${role} sees navigation only for its own areas`, async ({ browser, baseURL }) => {
      const page = await pageAs(browser, role, baseURL);
      for (const path of ALLOWED[role]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
      }
      const nav = page.getByRole("navigation", { name: "Điều hướng quản trị" });
      const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      expect(hrefs.sort()).toEqual([...ALLOWED[role]].sort());
    });
  }

  test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login/);
  });
});
