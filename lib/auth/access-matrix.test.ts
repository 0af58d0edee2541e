// The role × action matrix: every exported server action and every route handler under app/,
// found by walking the folder, is called as the signed-out visitor, a signed-in customer and each
// staff role, and what happens must be what lib/auth/permissions.ts says. Something new that is not
// in the table fails here; so does a table line for something that no longer exists.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ACTIONS, allows, ROUTES, type Access, type Who } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { makeCustomer } from "@/tests/support/customers";
import { setRequestHeader } from "@/tests/support/next-request";
import { actAsAnonymous, actAsCustomer, actAsStaff } from "@/tests/support/session";

const APP = path.resolve(import.meta.dirname, "../../app");
/** "restricted": a compliance officer who must set up two-factor before anything else. */
type Caller = Who | "restricted";
const WHO: Caller[] = ["anonymous", "customer", ...ROLES, "restricted"];
const REFUSED = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);

function walk(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? walk(full, name) : entry === name ? [full] : [];
  });
}

/** The URL path of a file under app/: route groups dropped, dynamic segments kept as written. */
const routePath = (file: string) =>
  `/${path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/")}`.replace(/\/$/, "") || "/";

let customerId: string;
async function actAs(who: Caller) {
  if (who === "anonymous") actAsAnonymous();
  else if (who === "customer") await actAsCustomer(customerId);
  else if (who === "restricted") {
    const staff = await actAsStaff("COMPLIANCE");
    await db().session.update({ where: { id: staff.sessionId }, data: { restricted: true } });
  } else await actAsStaff(who);
}

function expected(access: Access, who: Caller) {
  if (who !== "restricted") return allows(access, who);
  return access === "public" || (typeof access === "object" && "roles" in access && !!access.restricted && access.roles.includes("COMPLIANCE"));
}

beforeAll(async () => {
  customerId = (await makeCustomer()).id;
  // Unexpected errors are fine here (the input is empty on purpose); only refusals matter.
  vi.spyOn(console, "error").mockImplementation(() => {});
});

describe("server actions", async () => {
  const found: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const file of walk(APP, "actions.ts")) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") found[name] = value as (input: unknown) => Promise<unknown>;
  }

  it("are all in the table, and the table has nothing else", () => {
    expect(Object.keys(found).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const who of WHO) {
    it(`answer ${who} as the table says`, async () => {
      await actAs(who);
      const mismatches: string[] = [];
      for (const [name, action] of Object.entries(found)) {
        const access: Access = ACTIONS[name as keyof typeof ACTIONS];
        // Signing out (a public action) ends a customer's session: each call gets a fresh one.
        if (who === "customer") await actAs(who);
        let refused = false;
        try {
          // Empty input: enough to see whether the gate opens (what follows is a validation error).
          const result = (await action(new FormData())) as { ok?: boolean; error?: { code: string } } | undefined;
          refused = result?.ok === false && REFUSED.has(result.error!.code);
        } catch (error) {
          // redirect() and friends: the action ran.
          if (!(error as { digest?: string }).digest?.startsWith("NEXT_")) throw error;
        }
        if (refused === expected(access, who)) mismatches.push(`${name}: ${refused ? "refused" : "allowed"}`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});

describe("route handlers", async () => {
  const found: { key: string; call: () => Promise<Response> }[] = [];
  const params = (pattern: string) => {
    const out: Record<string, string | string[]> = {};
    for (const [, catchAll, name] of pattern.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) {
      out[name] = catchAll ? ["session"] : name === "slug" ? "no-such-form" : name === "purpose" ? "advertising" : "6f1c2a9e-3d5b-4f0e-9a57-0c1d2e3f4a5b";
    }
    return out;
  };
  for (const file of walk(APP, "route.ts")) {
    const pattern = routePath(file);
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const handler = mod[method] as ((req: Request, ctx: unknown) => Promise<Response>) | undefined;
      if (!handler) continue;
      const values = params(pattern);
      const url = new URL(
        pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, __, n: string) => [values[n]].flat().join("/")),
        env().APP_URL,
      );
      found.push({
        key: `${method} ${pattern}`,
        call: () =>
          handler(
            new NextRequest(url, {
              method,
              headers: { origin: url.origin, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
              body: method === "GET" || method === "OPTIONS" ? undefined : "",
            }),
            { params: Promise.resolve(values) },
          ),
      });
    }
  }

  it("are all in the table, and the table has nothing else", () => {
    expect(found.map((r) => r.key).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  /** Refused: 401/403, or sent to a sign-in page. */
  const refusedBy = (response: Response) => {
    if (response.status === 401 || response.status === 403) return true;
    const target = new URL(response.headers.get("location") ?? "/", env().APP_URL);
    // The staff sign-in page, or the customer one (/privacy/me itself, not a place on it).
    return response.status >= 300 && response.status < 400 && (target.pathname === "/login" || (target.pathname === "/privacy/me" && !target.hash));
  };

  for (const who of WHO) {
    it(`answer ${who} as the table says`, async () => {
      await actAs(who);
      setRequestHeader("sec-fetch-site", "same-origin");
      const mismatches: string[] = [];
      for (const route of found) {
        // next-auth's own handlers (public by nature) need a real Next.js request scope.
        if (route.key.includes("[...nextauth]")) continue;
        if (who === "customer") await actAs(who);
        const access: Access = ROUTES[route.key as keyof typeof ROUTES];
        let refused: boolean;
        try {
          const response = await route.call();
          refused = refusedBy(response);
          await response.arrayBuffer().catch(() => {});
        } catch (error) {
          const digest = (error as { digest?: string }).digest ?? "";
          if (!digest.startsWith("NEXT_")) throw error;
          refused = /\/login/.test(digest);
        }
        if (refused === expected(access, who)) mismatches.push(`${route.key}: ${refused ? "refused" : "allowed"}`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});
