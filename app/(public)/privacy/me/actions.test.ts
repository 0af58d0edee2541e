// A customer's privacy page and the public links, through their real wrappers.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { processSignInRequests } from "@/lib/privacy-requests/mutations/sign-in";
import { makeCustomer } from "@/tests/support/customers";
import { oneTimeLinkTo, tokenOf } from "@/tests/support/email";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { setRequestCookie } from "@/tests/support/next-request";
import { actAsAnonymous, actAsCustomer } from "@/tests/support/session";
import {
  cancelRequestAction,
  changeConsentAction,
  continueSignInAction,
  objectToSharingAction,
  requestCorrectionAction,
  requestDeletionAction,
  requestLinkAction,
  setMarketingLimitAction,
  signOutCustomerAction,
} from "./actions";

describe("privacy page actions", () => {
  it("ask for a link and sign in with it; a used link is refused with its reason", async () => {
    const c = await makeCustomer();
    actAsAnonymous(`10.93.${Math.floor(Math.random() * 250)}.1`);
    expect(await requestLinkAction({ identifier: "x" })).toMatchObject({ ok: false, error: { fieldErrors: { identifier: expect.any(String) } } });
    expect(await requestLinkAction({ identifier: c.email! })).toEqual({ ok: true, data: undefined });
    while ((await processSignInRequests()) > 0) {}
    const token = tokenOf(await oneTimeLinkTo(c.email!, "customer_sign_in"))!;
    expect(await continueSignInAction({ token })).toEqual({ ok: true, data: undefined });
    expect(await continueSignInAction({ token })).toMatchObject({ ok: false, error: { code: "EXPIRED" } });
  });

  it("change consent, object, ask for a correction, ask for deletion and cancel it; only when signed in", async () => {
    const c = await makeCustomer();
    actAsAnonymous();
    expect(await changeConsentAction({ purposeKey: "surveys", action: "GRANTED" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await actAsCustomer(c.id);
    expect(await changeConsentAction({ purposeKey: "surveys", action: "GRANTED" })).toMatchObject({ ok: true });
    expect((await db().consentState.findFirstOrThrow({ where: { customerId: c.id, purpose: { key: "surveys" } } })).action).toBe("GRANTED");
    expect(await objectToSharingAction({})).toMatchObject({ ok: true });
    expect(await requestCorrectionAction({ details: "x" })).toMatchObject({ ok: false, error: { fieldErrors: { details: expect.any(String) } } });
    expect(await requestCorrectionAction({ details: "Địa chỉ mới: 5 Tràng Tiền" })).toMatchObject({ ok: true });
    expect(await requestDeletionAction({ confirm: false as never })).toMatchObject({ ok: false, error: { fieldErrors: { confirm: expect.any(String) } } });
    expect(await requestDeletionAction({ confirm: true })).toMatchObject({ ok: true });
    const deletion = await db().privacyRequest.findFirstOrThrow({ where: { customerId: c.id, type: "DELETE" } });
    expect(await cancelRequestAction({ id: deletion.id })).toMatchObject({ ok: true });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: deletion.id } })).status).toBe("CANCELLED");
    await expect(signOutCustomerAction()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    expect(await db().customerSession.count({ where: { customerId: c.id } })).toBe(0);
  });

  it("lets a customer agree to more than one marketing email a day, for their own record only", async () => {
    const c = await makeCustomer();
    actAsAnonymous();
    expect(await setMarketingLimitAction({ perDay: 2 })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await actAsCustomer(c.id);
    expect(await setMarketingLimitAction({ perDay: 9 })).toMatchObject({ ok: false, error: { fieldErrors: { perDay: "Vui lòng chọn một mục." } } });
    expect(await setMarketingLimitAction({ perDay: 2 })).toMatchObject({ ok: true });
    expect(await db().customer.findUniqueOrThrow({ where: { id: c.id }, select: { marketingDailyLimit: true } })).toEqual({ marketingDailyLimit: 2 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "customer.marketing_limit_set", entityId: c.id } });
    expect(audit).toMatchObject({ actorType: "CUSTOMER", actorId: c.id });
  });

  it("offer consent only where consent is the basis, keep the words in the page's language, and record two clicks at once once", async () => {
    const c = await makeCustomer({ locale: "vi" });
    await actAsCustomer(c.id);
    // Service notices rest on the contract: nothing to withdraw, and the answer says why, in Vietnamese.
    expect(await changeConsentAction({ purposeKey: "service_notices", action: "WITHDRAWN" })).toMatchObject({
      ok: false,
      error: { code: "BAD_INPUT", fieldErrors: { purposeKey: expect.stringContaining("hợp đồng dịch vụ") } },
    });
    // A purpose switched off is no longer offered: consent to it is refused, a withdrawal still works.
    const retired = await db().purpose.create({
      data: { key: `retired_${Date.now()}`, legalBasis: "CONSENT", labelVi: "Cũ", labelEn: "Old", descriptionVi: "Cũ", descriptionEn: "Old", active: false },
    });
    expect(await changeConsentAction({ purposeKey: retired.key, action: "GRANTED" })).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
    expect(await db().consentEvent.count({ where: { customerId: c.id } })).toBe(0);

    // The record says Vietnamese, the page was in English: the evidence keeps the English words.
    setRequestCookie(LOCALE_COOKIE, "en");
    const [a, b] = await Promise.all([
      changeConsentAction({ purposeKey: "surveys", action: "GRANTED" }),
      changeConsentAction({ purposeKey: "surveys", action: "GRANTED" }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const events = await db().consentEvent.findMany({ where: { customerId: c.id }, include: { purpose: true } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ locale: "en", action: "GRANTED" });
    expect(events[0].wording).toContain(events[0].purpose.labelEn);
    expect(events[0].wording).not.toContain(events[0].purpose.labelVi);
  });
});
