import { describe, expect, it } from "vitest";
import { type CustomerActor, systemActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { eraseCustomer } from "@/lib/privacy-requests/mutations/erasure";
import { db } from "@/lib/db";
import { sendDailyDigest } from "@/lib/privacy-requests/mutations/digest";
import { myOverview } from "@/lib/privacy-requests/queries/my-data";
import { makeCustomer, token } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { failure, invalid } from "@/tests/support/outcomes";
import { closeBreach, linkBreachCustomers, logBreach, notifyBreachCustomers, recordAuthorityNotice, saveCustomerNotice, updateBreach } from "./mutations";
import { breachesAwaitingAuthority, getBreach, listBreaches } from "./queries";
import { authorityClock } from "./schemas";

const HOUR = 3_600_000;
/** A Vietnamese date and hh:mm some hours before the app's clock. */
async function hoursAgo(hours: number) {
  const at = new Date((await now()).getTime() - hours * HOUR);
  const local = new Date(at.getTime() + 7 * HOUR).toISOString();
  return { on: local.slice(0, 10), time: local.slice(11, 16), at: new Date(`${local.slice(0, 16)}:00+07:00`) };
}

async function logged(hours = 1) {
  const officer = await makeStaff("COMPLIANCE");
  const detected = await hoursAgo(hours);
  const input = {
    title: `Lộ danh sách khách hàng ${token()}`,
    detectedOn: detected.on,
    detectedTime: detected.time,
    occurredOn: "",
    description: "Một tệp xuất danh sách khách hàng bị gửi nhầm cho đối tác ngoài công ty.",
    dataCategories: ["fullName", "email", "phone"],
    otherCategories: "",
    approxSubjects: 3,
    consequences: "Khách hàng có thể nhận thư rác hoặc cuộc gọi lừa đảo.",
    measures: "Đã yêu cầu đối tác xoá tệp và xác nhận bằng văn bản.",
    handlerId: officer.id,
  };
  const breach = await logBreach(officer, input);
  return { officer, breach, input, detectedAt: detected.at };
}

describe("the breach register", () => {
  it("is the compliance officer's alone; an incident is logged with its 72-hour clock and audited", async () => {
    const { officer, breach, input, detectedAt } = await logged();
    for (const role of ["STAFF", "ADMIN"] as const) {
      const other = await makeStaff(role);
      expect(await failure(logBreach(other, input))).toMatchObject({ code: "FORBIDDEN" });
      expect(await failure(listBreaches(other))).toMatchObject({ code: "FORBIDDEN" });
      expect(await failure(getBreach(other, breach.id))).toMatchObject({ code: "FORBIDDEN" });
    }
    const stored = await getBreach(officer, breach.id);
    expect(stored?.clock).toMatchObject({ dueAt: new Date(detectedAt.getTime() + 72 * HOUR), state: "running" });
    // Detected about an hour ago (to the minute): 70 whole hours and some minutes left.
    expect(stored?.clock.hoursLeft).toBeOneOf([70, 71]);
    expect((await breachesAwaitingAuthority(officer)).some((b) => b.id === breach.id)).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "breach.logged", entityId: breach.id, actorId: officer.id } })).toBe(1);

    const later = await hoursAgo(-2);
    expect(await failure(logBreach(officer, { ...input, detectedOn: later.on, detectedTime: later.time }))).toMatchObject({
      fieldErrors: { detectedOn: "breaches.futureDate" },
    });
    expect(await invalid(logBreach(officer, { ...input, dataCategories: [], detectedTime: "25:00" }))).toEqual({
      dataCategories: "breaches.categoriesRequired",
      detectedTime: "breaches.timeFormat",
    });
    expect(await invalid(logBreach(officer, { ...input, dataCategories: ["other"] }))).toEqual({ otherCategories: "breaches.otherRequired" });
    // Only a compliance officer can open the register, so only one can handle a breach.
    for (const role of ["STAFF", "ADMIN"] as const) {
      const other = await makeStaff(role);
      expect(await failure(logBreach(officer, { ...input, handlerId: other.id }))).toMatchObject({ fieldErrors: { handlerId: "breaches.handlerRequired" } });
    }

    // Detection may move earlier, never later (that would restart the clock); every edit keeps before and after.
    const earlier = await hoursAgo(3);
    await updateBreach(officer, { ...input, id: breach.id, detectedOn: earlier.on, detectedTime: earlier.time, approxSubjects: 5 });
    expect(await failure(updateBreach(officer, { ...input, id: breach.id }))).toMatchObject({ fieldErrors: { detectedOn: "breaches.detectedLater" } });
    const edit = await db().auditEvent.findFirstOrThrow({ where: { action: "breach.updated", entityId: breach.id } });
    expect(edit.details).toMatchObject({ before: { approxSubjects: 3 }, after: { approxSubjects: 5 }, textChanged: [] });
    // Free text stays on the breach (compliance only), not in the audit log administrators read.
    expect(JSON.stringify(edit.details)).not.toContain(input.description);
  });

  it("records the report to the authority; after 72 hours only with the reason for the delay", async () => {
    const { officer, breach, detectedAt } = await logged(80);
    expect(authorityClock({ detectedAt, authorityNotifiedAt: null }, await now()).state).toBe("overdue");
    const at = await hoursAgo(0);
    const before = await hoursAgo(81);
    const notice = { id: breach.id, notifiedOn: at.on, notifiedTime: at.time, channel: "PORTAL", reference: "A05-2026-123", lateReason: "" } as const;
    expect(await failure(recordAuthorityNotice(officer, { ...notice, notifiedOn: before.on, notifiedTime: before.time }))).toMatchObject({
      fieldErrors: { notifiedOn: "breaches.beforeDetection" },
    });
    expect(await failure(recordAuthorityNotice(officer, notice))).toMatchObject({ fieldErrors: { lateReason: "breaches.lateReasonRequired" } });
    expect(await failure(recordAuthorityNotice(await makeStaff("ADMIN"), { ...notice, lateReason: "Phát hiện vào dịp nghỉ lễ dài ngày" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    await recordAuthorityNotice(officer, { ...notice, lateReason: "Phát hiện vào dịp nghỉ lễ dài ngày" });
    // Reported: what the authority was told stays as it was.
    const reported = await db().breach.findUniqueOrThrow({ where: { id: breach.id } });
    expect(reported.authorityRecordedAt).not.toBeNull();
    const stored = await getBreach(officer, breach.id);
    expect(stored).toMatchObject({ status: "AUTHORITY_NOTIFIED", authorityReference: "A05-2026-123", lateReason: "Phát hiện vào dịp nghỉ lễ dài ngày" });
    expect(stored?.clock.state).toBe("late");
    expect((await breachesAwaitingAuthority(officer)).some((b) => b.id === breach.id)).toBe(false);
    expect(await failure(recordAuthorityNotice(officer, { ...notice, lateReason: "Thử ghi lần thứ hai" }))).toMatchObject({
      userMessage: "breaches.alreadyNotified",
    });

    // Claimed on time but written down here after the 72 hours: a backdated report needs its reason too.
    const recordedLate = await logged(75);
    const claimed = await hoursAgo(74);
    expect(
      await failure(recordAuthorityNotice(recordedLate.officer, { ...notice, id: recordedLate.breach.id, notifiedOn: claimed.on, notifiedTime: claimed.time })),
    ).toMatchObject({ fieldErrors: { lateReason: "breaches.lateReasonRequired" } });

    // On time: no reason needed, and none is kept.
    const onTime = await logged(2);
    await recordAuthorityNotice(onTime.officer, { ...notice, id: onTime.breach.id, lateReason: "không cần" });
    expect((await getBreach(onTime.officer, onTime.breach.id))?.clock.state).toBe("onTime");
    expect((await db().breach.findUniqueOrThrow({ where: { id: onTime.breach.id } })).lateReason).toBeNull();
  });

  it("links the customers affected, tells each in their language with the message as evidence, and shows it on their privacy page", async () => {
    const { officer, breach } = await logged();
    const vi = await makeCustomer({ locale: "vi" });
    const en = await makeCustomer({ locale: "en", organization: `Org ${token()}` });
    const noEmail = await makeCustomer({ email: "" });
    const erased = await makeCustomer();
    // One per line; a phone number typed with spaces is still one number.
    const spaced = `${noEmail.phone.slice(0, 4)} ${noEmail.phone.slice(4, 7)} ${noEmail.phone.slice(7)}`;
    const byList = await linkBreachCustomers(officer, {
      id: breach.id,
      mode: "list",
      list: `${vi.email}\n${spaced}\nnobody-${token()}@example.test\n${erased.email}`,
    });
    expect(byList).toMatchObject({ linked: 3, unknownCount: 1 });
    const byFilter = await linkBreachCustomers(officer, { id: breach.id, mode: "filter", q: en.organization, status: "", from: "", to: "" });
    expect(byFilter.linked).toBe(1);
    // Linking again adds nobody twice.
    expect((await linkBreachCustomers(officer, { id: breach.id, mode: "list", list: vi.email })).linked).toBe(0);
    // Erased after being linked: there is nobody left to tell.
    await db().$transaction((tx) => eraseCustomer(tx, systemActor("test"), erased.id, {}));

    // Still to tell: those with an email who are not erased.
    expect((await getBreach(officer, breach.id))?.counts).toMatchObject({ linked: 4, notified: 0, withoutEmail: 1, pending: 2 });
    expect(await failure(notifyBreachCustomers(officer, { id: breach.id }))).toMatchObject({ userMessage: "breaches.noticeFirst" });
    expect(await invalid(saveCustomerNotice(officer, { id: breach.id, noticeVi: "ngắn", noticeEn: "short" }))).toEqual({
      noticeVi: "breaches.noticeRequired",
      noticeEn: "breaches.noticeRequired",
    });
    await saveCustomerNotice(officer, {
      id: breach.id,
      noticeVi: "Ngày hôm qua, một tệp có họ tên, email và số điện thoại của bạn bị gửi nhầm cho một đối tác. Đối tác đã xoá tệp.",
      noticeEn: "Yesterday a file with your name, email and phone number was sent to a partner by mistake. The partner has deleted it.",
    });
    expect(await failure(notifyBreachCustomers(await makeStaff("STAFF"), { id: breach.id }))).toMatchObject({ code: "FORBIDDEN" });
    const result = await notifyBreachCustomers(officer, { id: breach.id });
    expect(result).toEqual({ notified: 2, withoutEmail: 1 });
    const viEmail = await db().emailMessage.findFirstOrThrow({ where: { to: vi.email, template: "breach_notice" } });
    const enEmail = await db().emailMessage.findFirstOrThrow({ where: { to: en.email, template: "breach_notice" } });
    expect(viEmail.text).toContain("bị gửi nhầm cho một đối tác");
    expect(enEmail.text).toContain("sent to a partner by mistake");
    expect(enEmail.subject).toContain("SC-");
    const link = await db().breachCustomer.findUniqueOrThrow({ where: { breachId_customerId: { breachId: breach.id, customerId: vi.id } } });
    expect(link.emailMessageId).toBe(viEmail.id);
    // The text customers were sent no longer changes.
    expect(await failure(saveCustomerNotice(officer, { id: breach.id, noticeVi: "x".repeat(40), noticeEn: "y".repeat(40) }))).toMatchObject({
      userMessage: "breaches.noticeSent",
    });
    // Again: nobody is told twice.
    expect(await notifyBreachCustomers(officer, { id: breach.id })).toEqual({ notified: 0, withoutEmail: 1 });

    const me: CustomerActor = { kind: "customer", customerId: vi.id, sessionId: "test" };
    expect((await myOverview(me)).breachNotices).toMatchObject([{ customerNoticeVi: expect.stringContaining("bị gửi nhầm") }]);
    const stranger: CustomerActor = { kind: "customer", customerId: (await makeCustomer()).id, sessionId: "test" };
    expect((await myOverview(stranger)).breachNotices).toEqual([]);
    expect((await getBreach(officer, breach.id))?.counts).toMatchObject({ linked: 4, notified: 2, withoutEmail: 1, pending: 0 });
  });

  it("closes only once the authority has been told; a closed breach changes no more", async () => {
    const { officer, breach } = await logged();
    expect(await failure(closeBreach(officer, { id: breach.id, note: "Đã xử lý xong sự cố" }))).toMatchObject({ userMessage: "breaches.notifyAuthorityFirst" });
    const at = await hoursAgo(0);
    await recordAuthorityNotice(officer, {
      id: breach.id,
      notifiedOn: at.on,
      notifiedTime: at.time,
      channel: "EMAIL",
      reference: "Email gửi A05",
      lateReason: "",
    });
    await closeBreach(officer, { id: breach.id, note: "Đã xử lý xong sự cố" });
    expect(await failure(linkBreachCustomers(officer, { id: breach.id, mode: "list", list: "a@example.test" }))).toMatchObject({
      userMessage: "breaches.closed",
    });
    expect((await db().auditEvent.findMany({ where: { entityType: "Breach", entityId: breach.id }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual([
      "breach.logged",
      "breach.authority_notified",
      "breach.closed",
    ]);
  });

  it("puts breaches still to be reported at the top of the compliance officers' daily digest", async () => {
    const { officer, input } = await logged();
    await sendDailyDigest(new Date("2032-06-07T09:00:00+07:00"));
    const digest = await db().emailMessage.findFirstOrThrow({ where: { template: "privacy_digest", to: officer.email }, orderBy: { createdAt: "desc" } });
    expect(digest.subject).toMatch(/^Cần báo cơ quan chức năng: \d+ sự cố dữ liệu/);
    expect(digest.text).toContain(input.title);
  });
});
