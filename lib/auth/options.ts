import "server-only";
import type { NextAuthOptions } from "next-auth";
import { cookies } from "next/headers";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate, revokeSession, SESSION_HOURS } from "@/lib/auth/mutations";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { clientIp, userAgent } from "@/lib/http/client-ip";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { saveLocale } from "@/lib/users/mutations";

/**
 * The language follows the person: a choice made on this browser (cookie) becomes their saved
 * preference; on a browser without one, their saved preference is restored.
 */
async function syncLocale(user: { id: string; locale: Locale }) {
  const jar = await cookies();
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) {
    if (chosen !== user.locale) await saveLocale(user.id, chosen);
  } else {
    jar.set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", secure: env().APP_URL.startsWith("https://") });
  }
}

// The JWT carries only the database session id (`sid`); everything else is re-read from the
// database on each request (lib/auth/session.ts), so the session lives in PostgreSQL.
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    useSecureCookies: env().APP_URL.startsWith("https://"),
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(credentials, req) {
          try {
            const headers = (req?.headers ?? {}) as Record<string, string>;
            const user = await authenticate({
              email: credentials?.email,
              password: credentials?.password,
              code: credentials?.code || undefined,
              ip: clientIp(headers),
              userAgent: userAgent(headers),
            });
            await syncLocale(user);
            return { id: user.id, email: user.email, name: user.name, sid: user.sessionId };
          } catch (error) {
            // next-auth hands the message to the client as `error`: only our codes, never details.
            if (isAppError(error)) throw new Error(JSON.stringify({ key: error.userMessage, params: error.params }));
            console.error("sign-in failed", error);
            throw new Error(JSON.stringify({ key: "errors.generic" }));
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user && "sid" in user) token.sid = user.sid as string;
        return token;
      },
      // The database session id stays in the encrypted cookie (read by lib/auth/session.ts); the
      // session endpoint answers with the basics only.
      async session({ session }) {
        return { expires: session.expires, user: { name: session.user?.name, email: session.user?.email } };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid);
      },
    },
  };
}
