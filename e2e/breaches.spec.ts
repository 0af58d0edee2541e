import { db } from "@/lib/db";
import { expect, test } from "./support/fixtures";
import { createCustomerFor, tag } from "./support/customers";
import { signIn } from "./support/sign-in";
import { createStaff } from "./support/staff";

test("the compliance officer logs a breach, reports it to the authority, tells the customers affected and prints the notification, in both languages", async ({
  page: officer,
}) => {
  const name = `Khách Sự Cố ${tag()}`;
  const customer = await createCustomerFor(name);
  const title = `Gửi nhầm tệp khách hàng ${tag()}`;
  const hhmm = new Date(Date.now() + 7 * 3_600_000 - 2 * 3_600_000).toISOString().slice(11, 16);
  const today = new Date(Date.now() + 7 * 3_600_000 - 2 * 3_600_000).toISOString().slice(0, 10);

  // Its own officer: the language choice is kept per person.
  await signIn(officer, await createStaff("COMPLIANCE", "breach"));
  await officer.goto("/admin");
  await expect(officer.getByRole("link", { name: "Sự cố dữ liệu", exact: true }).first()).toBeVisible();
  await officer.goto("/admin/breaches");
  await officer.getByRole("link", { name: "Ghi nhận sự cố" }).click();
  const form = officer.getByRole("form", { name: "Ghi nhận sự cố" });
  await form.getByRole("button", { name: "Ghi nhận và bắt đầu tính giờ" }).click();
  await expect(form.getByText("Chọn ít nhất một loại dữ liệu.")).toBeVisible();
  await form.getByLabel("Tóm tắt sự cố").fill(title);
  await form.getByLabel("Ngày phát hiện").fill(`${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`);
  await form.getByLabel("Giờ phát hiện").fill(hhmm);
  await form.getByLabel("Chuyện gì đã xảy ra").fill("Nhân viên gửi nhầm tệp xuất danh sách khách hàng cho một đối tác.");
  await form.getByLabel("Họ tên", { exact: true }).check();
  await form.getByLabel("Email", { exact: true }).check();
  await form.getByLabel("Số người bị ảnh hưởng (ước tính)").fill("40");
  await form.getByLabel("Hậu quả có thể xảy ra").fill("Khách hàng có thể nhận thư rác.");
  await form.getByLabel("Biện pháp đã thực hiện").fill("Đối tác đã xoá tệp và xác nhận bằng email.");
  await form.getByRole("button", { name: "Ghi nhận và bắt đầu tính giờ" }).click();
  await expect(officer.getByRole("status").filter({ hasText: "Đồng hồ 72 giờ đang chạy" })).toBeVisible();
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(officer.getByText(/còn (69|70) giờ/)).toBeVisible();

  // The dashboard shows the clock too.
  const url = officer.url();
  await officer.goto("/admin");
  await expect(officer.getByTestId("breach-clock").filter({ hasText: title })).toContainText(/còn (69|70) giờ/);
  await officer.goto(url);

  // The authority is told.
  const authority = officer.getByRole("form", { name: "Báo cơ quan chức năng" });
  await authority.getByLabel("Giờ báo").fill(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(11, 16));
  await authority.getByLabel("Số văn bản hoặc mã tiếp nhận").fill("A05-TN-2026-0042");
  await authority.getByRole("button", { name: "Lưu thời điểm đã báo" }).click();
  await expect(officer.getByText("đã báo đúng hạn")).toBeVisible();

  // The customer is linked and told.
  const link = officer.getByRole("form", { name: "Liên kết khách hàng" });
  await link.getByLabel("Email hoặc số điện thoại").fill(`${customer.email}\nkhong-co-${tag()}@e2e.test`);
  await link.getByRole("button", { name: "Liên kết khách hàng" }).click();
  await expect(link.getByTestId("unknown-contacts")).toContainText("1 địa chỉ không có trong sổ khách hàng");
  await expect(officer.getByTestId("breach-customers")).toContainText(name);
  const notice = officer.getByRole("form", { name: "Thông báo cho khách hàng" });
  await notice.getByLabel("Nội dung thông báo (tiếng Việt)").fill("Một tệp có họ tên và email của bạn đã bị gửi nhầm cho đối tác; đối tác đã xoá tệp.");
  await notice.getByLabel("Nội dung thông báo (tiếng Anh)").fill("A file with your name and email was sent to a partner by mistake; the partner deleted it.");
  await notice.getByRole("button", { name: "Lưu nội dung" }).click();
  await expect(officer.getByRole("status").filter({ hasText: "Đã lưu nội dung thông báo." })).toBeVisible();
  await officer.getByRole("button", { name: "Gửi thông báo cho 1 khách hàng" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "Gửi thông báo" }).click();
  await expect(officer.getByTestId("breach-customers").getByText(/đã báo/)).toBeVisible();
  await expect(officer.getByRole("progressbar", { name: "Tiến độ thông báo cho khách hàng" })).toHaveAttribute("aria-valuenow", "1");
  const evidence = await db().breachCustomer.findFirstOrThrow({ where: { customerId: customer.id }, include: { breach: true } });
  expect(evidence.emailMessageId).not.toBeNull();
  await officer.screenshot({ path: "test-results/screenshots/breach-vi.png", fullPage: true });

  // The notification for the authority, ready to print.
  await officer.getByRole("link", { name: "Văn bản báo cơ quan chức năng" }).click();
  const paper = officer.getByTestId("breach-notification");
  await expect(paper).toContainText("Thông báo vi phạm quy định về bảo vệ dữ liệu cá nhân");
  await expect(paper).toContainText("Nhân viên gửi nhầm tệp");
  await expect(paper).toContainText("Khoảng 40 người bị ảnh hưởng");
  await officer.screenshot({ path: "test-results/screenshots/breach-notification-vi.png", fullPage: true });

  await officer.getByRole("button", { name: "English" }).click();
  await expect(paper).toContainText("Notification of a personal data protection violation");
  await officer.goto("/admin/breaches");
  await expect(officer.getByRole("heading", { level: 1, name: "Data breaches" })).toBeVisible();
  await expect(officer.getByTestId("breaches")).toContainText("reported on time");
  await officer.screenshot({ path: "test-results/screenshots/breaches-en.png", fullPage: true });
});
