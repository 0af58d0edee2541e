import { pool } from "@/lib/db";
import { expect, pageAs, test } from "./support/fixtures";

test("an administrator sees the job queues and brings a dead job back, in both languages (screenshots)", async ({ browser, baseURL }) => {
  const {
    rows: [dead],
  } = await pool().query<{ id: string }>(
    `INSERT INTO pgboss.job (name, data, state, retry_count, output, completed_on, policy)
     VALUES ('lead-notifications', '{}', 'failed', 5, '{"message":"Máy chủ email không trả lời trong 15000 ms"}', now(), 'stately') RETURNING id`,
  );
  const page = await pageAs(browser, "ADMIN", baseURL);
  await page.goto("/admin/jobs");
  await expect(page.getByRole("heading", { level: 1, name: "Tác vụ nền" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Hộp thư đi: từng email/ })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Máy chủ email không trả lời trong 15000 ms" });
  await expect(row).toContainText("Báo khách hàng tiềm năng mới");
  await page.screenshot({ path: "test-results/screenshots/jobs-vi.png", fullPage: true });

  await row.getByRole("button", { name: "Thử lại" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã đưa tác vụ về hàng đợi." })).toBeVisible();
  await expect(row).toHaveCount(0); // no longer dead: the list is read again
  const { rows } = await pool().query<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE id = $1`, [dead.id]);
  expect(rows.map((r) => r.state)).not.toContain("failed");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Outbox: single emails/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/jobs-en.png", fullPage: true });
});
