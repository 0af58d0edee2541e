import "server-only";
import { cookies, headers } from "next/headers";
import type { CustomerActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { clientIp, userAgent } from "@/lib/http/client-ip";
import { customerForSession, endCustomerSession, redeemSignInToken } from "@/lib/privacy-requests/mutations/sign-in";

// The customer's session on /privacy/me: a random token in an HttpOnly cookie scoped to that path,
// its hash in CustomerSession (so every app instance sees it and signing out ends it everywhere).
export const CUSTOMER_COOKIE = "cr_customer";
const COOKIE_PATH = "/privacy/me";

export async function currentCustomer(): Promise<CustomerActor | null> {
  const h = await headers();
  return customerForSession((await cookies()).get(CUSTOMER_COOKIE)?.value, { ip: clientIp(h), userAgent: userAgent(h) });
}

export async function signInCustomer(token: string) {
  const { sessionToken, expiresAt } = await redeemSignInToken(token);
  (await cookies()).set(CUSTOMER_COOKIE, sessionToken, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    expires: expiresAt,
  });
}

export async function signOutCustomer() {
  const jar = await cookies();
  await endCustomerSession(jar.get(CUSTOMER_COOKIE)?.value);
  jar.delete({ name: CUSTOMER_COOKIE, path: COOKIE_PATH });
}
