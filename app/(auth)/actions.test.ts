// The public account actions (forgotten password, setting a password, confirming a form, the language), through their real wrappers.
import { describe, expect, it } from "vitest";
import { setLocaleAction } from "@/app/actions";
import { confirmSubmissionAction } from "@/app/(public)/confirm/actions";
import { authenticate } from "@/lib/auth/mutations";
import { sendConfirmationEmails } from "@/lib/confirmations/mutations";
import { db } from "@/lib/db";
import { processPasswordResetRequests } from "@/lib/passwords/mutations";
import { submitForm } from "@/lib/submissions/mutations";
import { oneTimeLinkTo, tokenOf } from "@/tests/support/email";
import { makeStaff, uniqueEmail } from "@/tests/support/factories";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { actAsAnonymous, actAsStaff } from "@/tests/support/session";
import { cookies } from "next/headers";
import { forgotPasswordAction } from "./forgot-password/actions";
import { setPasswordAction } from "./set-password/[token]/actions";

describe("public account actions", () => {
  it("forgot password: the same answer for anyone, then a new password from the link", async () => {
    const staff = await makeStaff("STAFF");
    actAsAnonymous(`10.94.${Math.floor(Math.random() * 250)}.1`);
    expect(await forgotPasswordAction({ email: uniqueEmail("nobody") })).toMatchObject({ ok: true });
    expect(await forgotPasswordAction({ email: staff.email })).toMatchObject({ ok: true, data: { email: staff.email } });
    expect(await forgotPasswordAction({ email: "not an email" })).toMatchObject({ ok: false, error: { fieldErrors: { email: expect.any(String) } } });
    while ((await processPasswordResetRequests()) > 0) {}
    const token = tokenOf(await oneTimeLinkTo(staff.email, "password_reset"))!;
    expect(await setPasswordAction({ token, password: "short", confirmPassword: "short" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: expect.any(String) } },
    });
    expect(await setPasswordAction({ token, password: "a brand new passphrase", confirmPassword: "a brand new passphrase" })).toMatchObject({ ok: true });
    await expect(authenticate({ email: staff.email, password: "a brand new passphrase", ip: "10.94.0.1" })).resolves.toMatchObject({ id: staff.id });
  });

  it("confirm a form's consent with the emailed link, once", async () => {
    const email = uniqueEmail("optin");
    const form = await makeForm();
    await submitForm(form, { fields: { email }, answers: { color: "red" }, consents: ["advertising"], locale: "vi", idempotencyKey: key() }, ctx());
    while ((await sendConfirmationEmails(50)) > 0) {}
    const token = tokenOf(await oneTimeLinkTo(email, "consent_confirmation"))!;
    actAsAnonymous();
    expect(await confirmSubmissionAction({ token })).toMatchObject({ ok: true, data: { purposes: ["advertising"] } });
    expect(await confirmSubmissionAction({ token })).toMatchObject({ ok: false, error: { code: "EXPIRED" } });
  });

  it("switch the language, and remember a staff member's choice", async () => {
    const staff = await actAsStaff("STAFF");
    await setLocaleAction("en");
    expect((await cookies()).get("locale")?.value).toBe("en");
    expect((await db().user.findUniqueOrThrow({ where: { id: staff.id } })).locale).toBe("en");
    await setLocaleAction("klingon");
    expect((await db().user.findUniqueOrThrow({ where: { id: staff.id } })).locale).toBe("en");
  });
});
