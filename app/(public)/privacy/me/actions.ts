"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { customerAction, parsedByLib, publicAction } from "@/lib/actions/action";
import { signInCustomer, signOutCustomer } from "@/lib/auth/customer-session";
import { clientIp } from "@/lib/http/client-ip";
import { getLocale } from "@/lib/i18n/server";
import { wake } from "@/lib/jobs/mutations";
import { consentChangeSchema, deletionSchema, marketingLimitSchema, rectifySchema, requestIdSchema, signInRequestSchema } from "@/lib/privacy-requests/schemas";
import {
  cancelMyRequest,
  changeMyConsent,
  objectToSharing,
  requestCorrection,
  requestDeletion,
  setMyMarketingLimit,
} from "@/lib/privacy-requests/mutations/self-service";
import { requestSignInLink } from "@/lib/privacy-requests/mutations/sign-in";

export const requestLinkAction = publicAction("requestLinkAction", parsedByLib(signInRequestSchema), async (input) => {
  await requestSignInLink(input, { ip: clientIp(await headers()), locale: await getLocale() });
  await wake("privacy-sign-in");
});

/** Redeems the emailed link on a button press (mail scanners that open links do not use it up). */
export const continueSignInAction = publicAction("continueSignInAction", z.object({ token: z.string().max(200) }), async ({ token }) => {
  await signInCustomer(token);
});

export async function signOutCustomerAction() {
  await signOutCustomer();
  redirect("/privacy/me");
}

const refresh = () => revalidatePath("/privacy/me");

export const changeConsentAction = customerAction("changeConsentAction", parsedByLib(consentChangeSchema), async (actor, input) => {
  const result = await changeMyConsent(actor, input, await getLocale());
  refresh();
  return result;
});

export const objectToSharingAction = customerAction("objectToSharingAction", z.object({}), async (actor) => {
  const result = await objectToSharing(actor);
  refresh();
  return result;
});

export const requestCorrectionAction = customerAction("requestCorrectionAction", parsedByLib(rectifySchema), async (actor, input) => {
  const result = await requestCorrection(actor, input);
  refresh();
  return result;
});

export const requestDeletionAction = customerAction("requestDeletionAction", parsedByLib(deletionSchema), async (actor, input) => {
  const result = await requestDeletion(actor, input);
  refresh();
  return result;
});

export const cancelRequestAction = customerAction("cancelRequestAction", parsedByLib(requestIdSchema), async (actor, input) => {
  await cancelMyRequest(actor, input);
  refresh();
});

export const setMarketingLimitAction = customerAction("setMarketingLimitAction", parsedByLib(marketingLimitSchema), async (actor, input) => {
  await setMyMarketingLimit(actor, input);
  refresh();
});
