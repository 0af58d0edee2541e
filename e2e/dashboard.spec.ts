import { db } from "@/lib/db";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sign-in";
import { createStaff } from "./support/staff";

test("the compliance officer's dashboard charts what was disclosed and how fast requests were answered, in both languages", async ({ page: officer }) => {
  // One request answered late this month, so the deadline chart has something red to show.
  const at = new Date();
  await db().privacyRequest.create({
    data: {
      type: "ACCESS",
      channel: "EMAIL",
      status: "COMPLETED",
      receivedAt: at,
      acknowledgeDueAt: at,
      dueAt: new Date(at.getTime() - 3_600_000),
      completedAt: at,
      rule: {}, // closed: never recomputed
    },
  });
  const vn = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  const month = `${vn.slice(5, 7)}/${vn.slice(0, 4)}`;

  // Its own officer: the language choice is kept per person, and others' tests share the default one.
  await signIn(officer, await createStaff("COMPLIANCE", "dashboard"));
  await officer.goto("/admin");
  const sla = officer.getByTestId("chart-sla");
  await expect(sla.getByRole("listitem", { name: new RegExp(`^${month}: \\d+ đúng hạn, [1-9]\\d* trễ hạn$`) })).toBeVisible();
  await expect(sla.getByRole("link", { name: "Quá hạn" })).toHaveAttribute("href", "/admin/requests?view=overdue");
  const disclosures = officer.getByTestId("chart-disclosures");
  await expect(disclosures).toContainText(/12 tháng qua: \d+ lần chia sẻ đã duyệt/);
  await expect(disclosures.getByRole("listitem")).toHaveCount(12);
  await officer.screenshot({ path: "test-results/screenshots/dashboard-compliance-vi.png", fullPage: true });

  await officer.getByRole("button", { name: "English" }).click();
  await expect(officer.getByRole("heading", { name: "Requests answered within the legal deadline" })).toBeVisible();
  await expect(sla.getByRole("listitem", { name: new RegExp(`^${month}: \\d+ on time, [1-9]\\d* late$`) })).toBeVisible();
  await officer.screenshot({ path: "test-results/screenshots/dashboard-compliance-en.png", fullPage: true });
});
