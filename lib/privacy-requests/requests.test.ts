import { describe, expect, it } from "vitest";
import type { CustomerActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { makeStaff } from "@/tests/support/factories";
import { failure, invalid } from "@/tests/support/outcomes";
import { makeCustomer } from "@/tests/support/customers";
import { addCalendarDays, vnDay, workingDaysLeft } from "./deadlines";
import { sendDailyDigest } from "./mutations/digest";
import { acknowledgeRequest, clearLegalHold, completeRequest, extendRequest, logRequest, rejectRequest, setLegalHold } from "./mutations/desk";
import { myExport, myExportCsv, myOverview, myReceipt } from "./queries/my-data";
import { listRequests } from "./queries/desk";
import { cancelMyRequest, changeMyConsent, objectToSharing, recordMyExport, requestCorrection, requestDeletion } from "./mutations/self-service";
import { holidaySet } from "@/lib/holidays/queries";
import { translator } from "@/lib/i18n/translate";

const pdf = (bytes = 64) => new File([`%PDF-1.4 ${"x".repeat(bytes)}`], "thu-yeu-cau.pdf", { type: "application/pdf" });
const asCustomer = (customerId: string): CustomerActor => ({ kind: "customer", customerId, sessionId: "test", ip: "10.8.0.1", userAgent: "vitest" });
const daysAgo = async (n: number) => vnDay(new Date((await now()).getTime() - n * 86_400_000));

describe("the customer's own actions", () => {
  it("withdraw and grant consent at once, each with its ConsentEvent, a completed request, an audit event and an email", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    await recordStaffConsent(staff, {
      customerId: c.id,
      purposeKey: "promotions_events",
      action: "GRANTED",
      givenOn: vnDay(await now()),
      method: "PAPER",
      documentRef: "Phiếu 12",
    });
    const me = asCustomer(c.id);

    await changeMyConsent(me, { purposeKey: "promotions_events", action: "WITHDRAWN" });
    const event = await db().consentEvent.findFirstOrThrow({ where: { customerId: c.id, source: "SELF_SERVICE" }, include: { purpose: true } });
    expect(event).toMatchObject({ action: "WITHDRAWN", ip: "10.8.0.1", userAgent: "vitest", method: "WEB" });
    expect(event.purpose.key).toBe("promotions_events");
    expect(await db().consentState.findFirstOrThrow({ where: { customerId: c.id, purposeId: event.purposeId } })).toMatchObject({ action: "WITHDRAWN" });
    const request = await db().privacyRequest.findFirstOrThrow({ where: { customerId: c.id, type: "WITHDRAW_CONSENT" } });
    expect(request).toMatchObject({ channel: "SELF_SERVICE", status: "COMPLETED", purposeKey: "promotions_events" });
    expect(await db().auditEvent.count({ where: { action: "consent.withdrawn", entityId: event.id, actorType: "CUSTOMER", actorId: c.id } })).toBe(1);
    const email = await db().emailMessage.findFirstOrThrow({ where: { to: c.email!, template: "privacy_request" }, orderBy: { createdAt: "desc" } });
    expect(email.subject).toContain(`YC-${String(request.number).padStart(5, "0")}`);
    expect(email.text).toContain("Khuyến mãi và sự kiện");

    expect(await failure(changeMyConsent(me, { purposeKey: "promotions_events", action: "WITHDRAWN" }))).toMatchObject({ code: "CONFLICT" });
    await changeMyConsent(me, { purposeKey: "promotions_events", action: "GRANTED" });
    expect(await db().privacyRequest.count({ where: { customerId: c.id, type: "GRANT_CONSENT", status: "COMPLETED" } })).toBe(1);

    const receipt = await myReceipt(me, "promotions_events");
    expect(receipt.event).toMatchObject({ action: "GRANTED", source: "SELF_SERVICE" });
    expect(receipt.event.wording).toContain("Khuyến mãi và sự kiện");
    expect(await failure(myReceipt(me, "advertising"))).toMatchObject({ userMessage: "privacy.noReceipt" });
    // Staff cannot act as a customer, and a customer cannot reach staff functions.
    expect(await failure(changeMyConsent(staff, { purposeKey: "promotions_events", action: "WITHDRAWN" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(logRequest(me, {}))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("object to sharing, export, ask for a correction, ask for deletion once, and cancel only their own requests", async () => {
    const c = await makeCustomer();
    const other = await makeCustomer();
    const me = asCustomer(c.id);
    await objectToSharing(me);
    expect((await db().customer.findUniqueOrThrow({ where: { id: c.id } })).sharingObjectedAt).not.toBeNull();
    expect(await failure(objectToSharing(me))).toMatchObject({ userMessage: "privacy.alreadyObjected" });
    expect(await db().privacyRequest.count({ where: { customerId: c.id, type: "STOP_SHARING", status: "COMPLETED" } })).toBe(1);

    await recordMyExport(me, "json");
    const data = await myExport(me);
    expect(data.personalData).toMatchObject({ fullName: c.fullName, email: c.email });
    expect(data.requests.map((r) => r.type)).toEqual(expect.arrayContaining(["STOP_SHARING", "EXPORT"]));
    const csv = await myExportCsv(me, translator("vi"));
    // Words a person reads, not codes (the JSON keeps the codes).
    expect(csv).toContain(`Thông tin cá nhân,Email,${c.email}`);
    expect(csv).not.toMatch(/SELF_SERVICE|STOP_SHARING|GRANTED|personal_data|\{"|self-service/);
    expect(csv).toContain("Khách hàng tự thực hiện trên trang dữ liệu cá nhân");

    const correction = await requestCorrection(me, { details: "Địa chỉ mới: 5 Tràng Tiền" });
    expect(await invalid(requestCorrection(me, { details: "x" }))).toEqual({ details: "privacy.rectifyRequired" });
    const open = await db().privacyRequest.findFirstOrThrow({ where: { number: correction.number } });
    expect(open).toMatchObject({ status: "ACKNOWLEDGED", type: "RECTIFY", channel: "SELF_SERVICE" });
    // A correction: 10 working days (the rules table's RECTIFY row).
    expect(workingDaysLeft(open.receivedAt, open.dueAt, await holidaySet())).toBe(10);

    expect(await invalid(requestDeletion(me, { confirm: false }))).toEqual({ confirm: "privacy.deleteConfirmRequired" });
    const first = await requestDeletion(me, { confirm: true });
    const second = await requestDeletion(me, { confirm: true });
    expect(second).toMatchObject({ number: first.number, existing: true });
    expect(await db().privacyRequest.count({ where: { customerId: c.id, type: "DELETE" } })).toBe(1);

    // Another customer's request id: "not found", and nothing changes.
    const theirs = await requestCorrection(asCustomer(other.id), { details: "Tên đúng là Lan" });
    const theirId = (await db().privacyRequest.findFirstOrThrow({ where: { number: theirs.number } })).id;
    expect(await failure(cancelMyRequest(me, { id: theirId }))).toMatchObject({ code: "NOT_FOUND", userMessage: "privacy.requestNotFound" });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: theirId } })).status).toBe("ACKNOWLEDGED");
    await cancelMyRequest(me, { id: open.id });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("CANCELLED");
    expect(await db().emailMessage.count({ where: { to: c.email!, subject: { contains: "Bạn đã huỷ yêu cầu" } } })).toBe(1);

    const overview = await myOverview(me);
    expect(overview.requests.find((r) => r.number === first.number)).toMatchObject({ type: "DELETE", status: "ACKNOWLEDGED", urgency: "onTrack" });
    expect(overview.requests.some((r) => r.number === theirs.number)).toBe(false);
  });
});

describe("the privacy-request desk", () => {
  it("logs a written request with its scan, acknowledges, extends once within its rule, and completes it", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    const base = {
      customerId: c.id,
      type: "STOP_SHARING",
      channel: "LETTER",
      receivedOn: vnDay(await now()),
      details: "Thư tay yêu cầu ngừng chia sẻ",
    } as const;
    expect(await invalid(logRequest(officer, base))).toEqual({ file: "requests.scanRequired" });
    expect(await invalid(logRequest(officer, { ...base, file: pdf(11 * 1024 * 1024) }))).toEqual({ file: "requests.scanTooLarge" });
    expect(await failure(logRequest(staff, { ...base, file: pdf() }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db().privacyRequest.count({ where: { customerId: c.id } })).toBe(0);

    const request = await logRequest(officer, { ...base, file: pdf() });
    const stored = await db().privacyRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.attachmentId).not.toBeNull();
    const aboutIt = { to: c.email!, subject: { contains: `YC-${String(request.number).padStart(5, "0")}` } };
    expect(await db().emailMessage.count({ where: aboutIt })).toBe(0);
    expect((await listRequests(officer, { view: "dueSoon", page: 1 })).rows.find((r) => r.id === request.id)).toMatchObject({
      urgency: "dueSoon",
      daysLeft: 2,
    });

    await acknowledgeRequest(officer, { id: request.id });
    expect(await db().emailMessage.count({ where: aboutIt })).toBe(1);
    expect(await failure(acknowledgeRequest(officer, { id: request.id }))).toMatchObject({ userMessage: "requests.alreadyAcknowledged" });
    // An objection's rule: one extension of at most 15, counted like its deadline (calendar days).
    expect(await failure(extendRequest(officer, { id: request.id, days: 16, reason: "Cần đối tác xác nhận đã xoá" }))).toMatchObject({
      userMessage: "requests.extensionTooLong",
      fieldErrors: { days: "requests.extensionTooLong" },
      params: { max: 15 },
    });
    const { extendedDueAt } = await extendRequest(officer, { id: request.id, days: 15, reason: "Cần đối tác xác nhận đã xoá" });
    expect(vnDay(extendedDueAt)).toBe(vnDay(addCalendarDays(stored.dueAt, 15, await holidaySet())));
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).extensionDays).toBe(15);
    expect(await failure(extendRequest(officer, { id: request.id, days: 3, reason: "Thêm một lần nữa thì sao" }))).toMatchObject({
      userMessage: "requests.alreadyExtended",
    });
    const extendedEmail = await db().emailMessage.findFirstOrThrow({ where: { to: c.email!, subject: { contains: "cần thêm thời gian" } } });
    expect(extendedEmail.text).toContain("Cần đối tác xác nhận đã xoá");

    expect(await failure(completeRequest(staff, { id: request.id, resolution: "Đã xử lý" }))).toMatchObject({ code: "FORBIDDEN" });
    await completeRequest(officer, { id: request.id, resolution: "Đã đánh dấu không chia sẻ" });
    expect((await db().customer.findUniqueOrThrow({ where: { id: c.id } })).sharingObjectedAt).not.toBeNull();
    expect(await failure(rejectRequest(officer, { id: request.id, reason: "Đã đóng rồi mà vẫn thử" }))).toMatchObject({ userMessage: "requests.closed" });
    const actions = (await db().auditEvent.findMany({ where: { entityType: "PrivacyRequest", entityId: request.id }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["request.received", "request.acknowledged", "request.extended", "request.completed"]);
  });

  it("refuses an extension after the deadline and lists overdue requests first", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const c = await makeCustomer();
    const late = await logRequest(officer, {
      customerId: c.id,
      type: "ACCESS",
      channel: "PHONE",
      receivedOn: await daysAgo(40),
      details: "Gọi điện hỏi dữ liệu",
    });
    expect(await failure(extendRequest(officer, { id: late.id, days: 5, reason: "Quá muộn để gia hạn rồi" }))).toMatchObject({
      userMessage: "requests.extendTooLate",
    });
    const overdue = await listRequests(officer, { view: "overdue", page: 1 });
    expect(overdue.rows.find((r) => r.id === late.id)).toMatchObject({ urgency: "overdue" });
    expect(overdue.counts.overdue).toBeGreaterThanOrEqual(1);
    const consentRequest = await logRequest(officer, {
      customerId: c.id,
      type: "WITHDRAW_CONSENT",
      channel: "IN_PERSON",
      receivedOn: vnDay(await now()),
      details: "Đến văn phòng rút lại đồng ý",
      purposeKey: "advertising",
    });
    expect((await listRequests(officer, { view: "dueSoon", page: 1 })).rows.some((r) => r.id === consentRequest.id)).toBe(true);
  });

  it("sends compliance officers one digest a day with overdue and due-soon requests", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const c = await makeCustomer();
    await logRequest(officer, { customerId: c.id, type: "ACCESS", channel: "PHONE", receivedOn: await daysAgo(30), details: "Hỏi dữ liệu qua điện thoại" });
    const morning = new Date(`${vnDay(await now())}T09:00:00+07:00`);
    const before = await db().emailMessage.count({ where: { template: "privacy_digest", to: officer.email } });
    await sendDailyDigest(new Date(morning.getTime() - 2 * 3_600_000)); // 07:00: too early
    await sendDailyDigest(morning);
    await sendDailyDigest(new Date(morning.getTime() + 3_600_000)); // same day again: nothing
    const digests = await db().emailMessage.findMany({ where: { template: "privacy_digest", to: officer.email } });
    expect(digests.length - before).toBe(1);
    expect(digests.at(-1)!.subject).toMatch(/quá hạn|overdue/);
    expect(digests.at(-1)!.text).not.toMatch(/Bảng ngày nghỉ|holiday table/);

    // A year the holiday table does not cover is called out, so deadlines do not count Tết as working days.
    await sendDailyDigest(new Date("2031-03-03T09:00:00+07:00"));
    const later = await db().emailMessage.findFirstOrThrow({ where: { template: "privacy_digest", to: officer.email }, orderBy: { createdAt: "desc" } });
    expect(later.text).toMatch(/(Bảng ngày nghỉ chưa có ngày lễ nào của năm|The holiday table has no public holidays for) 2031/);
  });

  it("may reject with a reason the customer receives", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const c = await makeCustomer();
    const r = await logRequest(officer, {
      customerId: c.id,
      type: "ACCESS",
      channel: "PHONE",
      receivedOn: vnDay(await now()),
      details: "Người gọi không xác minh được",
    });
    await rejectRequest(officer, { id: r.id, reason: "Không xác minh được danh tính người yêu cầu" });
    expect((await db().emailMessage.findFirstOrThrow({ where: { to: c.email!, subject: { contains: "Về yêu cầu" } } })).text).toContain(
      "Không xác minh được danh tính",
    );
  });

  it("cannot erase a customer under legal hold, and says why", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const c = await makeCustomer();
    const { number } = await requestDeletion(asCustomer(c.id), { confirm: true });
    const id = (await db().privacyRequest.findFirstOrThrow({ where: { number } })).id;
    await setLegalHold(officer, { customerId: c.id, reason: "Vụ kiện số 12/2026 đang xét xử" });
    expect(await failure(completeRequest(officer, { id, resolution: "Xoá theo yêu cầu" }))).toMatchObject({
      code: "CONFLICT",
      userMessage: "requests.legalHoldBlocks",
      params: { reason: "Vụ kiện số 12/2026 đang xét xử" },
    });
    expect((await db().customer.findUniqueOrThrow({ where: { id: c.id } })).status).not.toBe("ERASED");
    await clearLegalHold(officer, { customerId: c.id, reason: "Toà án đã ra phán quyết cuối cùng" });
    await completeRequest(officer, { id, resolution: "Xoá theo yêu cầu" });
    expect((await db().customer.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("ERASED");
  });
});
