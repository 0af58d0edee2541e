// A customer's privacy page and the public links, through their real wrappers.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { processSignInRequests } from "@/lib/privacy-requests/mutations/sign-in";
import { makeCustomer } from "@/tests/support/customers";
import { oneTimeLinkTo, tokenOf } from "@/tests/support/email";
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
});
