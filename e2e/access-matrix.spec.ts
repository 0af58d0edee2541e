// Every back-office page, found by walking app/admin, opened by the signed-out visitor, a signed-in
// customer and each staff role; what happens must be what PAGES in lib/auth/permissions.ts says
// (allowed: the page or its "not found"; refused: 403 or the sign-in page).
import { randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser } from "@playwright/test";
import { newToken } from "@/lib/auth/tokens";
import { allows, PAGES, type Who } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { createCustomerFor } from "./support/customers";
import { expect, test } from "./support/fixtures";

const ADMIN_DIR = path.resolve("app/admin");

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return pages(full);
    return entry === "page.tsx" ? [`/admin/${path.relative(ADMIN_DIR, dir)}`.replace(/\/$/, "")] : [];
  });
}

async function requestAs(browser: Browser, baseURL: string, who: Who): Promise<APIRequestContext> {
  if (who === "anonymous") return (await browser.newContext({ baseURL })).request;
  if (who === "customer") {
    const { id } = await createCustomerFor("Khách Ma Trận");
    const { token, hash } = newToken();
    await db().customerSession.create({ data: { tokenHash: hash, customerId: id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const context = await browser.newContext({ baseURL });
    await context.addCookies([{ name: "cr_customer", value: token, url: `${baseURL}/privacy/me` }]);
    return context.request;
  }
  return (await browser.newContext({ baseURL, storageState: `test-results/.auth/${who}.json` })).request;
}

test("every back-office page is in the table", () => {
  expect(pages(ADMIN_DIR).sort()).toEqual(Object.keys(PAGES).sort());
});

for (const who of ["anonymous", "customer", ...ROLES] as Who[]) {
  test(`every back-office page answers ${who} as the table says`, async ({ browser, baseURL }) => {
    const request = await requestAs(browser, baseURL!, who);
    const mismatches: string[] = [];
    for (const pattern of Object.keys(PAGES) as (keyof typeof PAGES)[]) {
      const url = pattern.replace(/\[[^\]]+\]/g, randomUUID());
      const response = await request.get(url, { maxRedirects: 0 });
      const location = response.headers().location ?? "";
      const refused = response.status() === 403 || (response.status() >= 300 && response.status() < 400 && /\/login/.test(location));
      const allowed = response.status() === 200 || response.status() === 404;
      if (!refused && !allowed) mismatches.push(`${pattern}: status ${response.status()} ${location}`);
      else if (refused === allows(PAGES[pattern], who)) mismatches.push(`${pattern}: ${refused ? "refused" : "allowed"}`);
    }
    expect(mismatches).toEqual([]);
  });
}
