// Who the simulated request (tests/support/next-request.ts) comes from: nobody, a staff member with
// a real database session in a real next-auth cookie, or a customer signed in to /privacy/me.
import { encode } from "next-auth/jwt";
import type { Role } from "@/lib/auth/roles";
import { authenticate } from "@/lib/auth/mutations";
import { CUSTOMER_COOKIE } from "@/lib/auth/customer-session";
import { sessionCookieName } from "@/lib/auth/session";
import { newToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { makeStaff, TEST_PASSWORD } from "./factories";
import { resetRequest, setRequestCookie } from "./next-request";

export function actAsAnonymous(peer?: string) {
  resetRequest(peer);
}

/** Signs a new staff member of `role` in through the real sign-in, and puts the cookie on the request. */
export async function actAsStaff(role: Role) {
  resetRequest();
  const staff = await makeStaff(role);
  const { sessionId } = await authenticate({
    email: staff.email,
    password: TEST_PASSWORD,
    ip: `10.200.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  const cookie = await encode({ token: { sid: sessionId, email: staff.email, name: staff.name }, secret: env().NEXTAUTH_SECRET });
  setRequestCookie(sessionCookieName(), cookie);
  return { ...staff, sessionId };
}

/** A customer signed in to /privacy/me (a real CustomerSession and its cookie). */
export async function actAsCustomer(customerId: string) {
  resetRequest();
  const { token, hash } = newToken();
  await db().customerSession.create({ data: { tokenHash: hash, customerId, expiresAt: new Date(Date.now() + 3_600_000) } });
  setRequestCookie(CUSTOMER_COOKIE, token);
}
