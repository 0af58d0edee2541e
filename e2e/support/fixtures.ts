import { readFileSync } from "node:fs";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import type { TestStaff } from "./staff";

const AUTH_DIR = "test-results/.auth";

export function setupUser(role: Role): TestStaff {
  return JSON.parse(readFileSync(`${AUTH_DIR}/users.json`, "utf8"))[role];
}

/** A page signed in as `role` (from the state saved by global setup). */
export async function pageAs(browser: Browser, role: Role, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: `${AUTH_DIR}/${role}.json` });
  return context.newPage();
}

type FakeEmail = { to: string | string[]; subject: string; html: string; text: string };

export async function waitForEmail(to: string, matches: (e: FakeEmail) => boolean = () => true): Promise<FakeEmail> {
  const url = process.env.FAKE_RESEND_URL;
  if (!url) throw new Error("FAKE_RESEND_URL is not set (run through npm test)");
  let found: FakeEmail | undefined;
  await expect
    .poll(
      async () => {
        const emails: FakeEmail[] = await (await fetch(`${url}/_test/emails`)).json();
        found = emails.find((e) => (Array.isArray(e.to) ? e.to.includes(to) : e.to === to) && matches(e));
        return !!found;
      },
      { timeout: 20_000, message: `email to ${to}` },
    )
    .toBe(true);
  return found!;
}

export const test = base;
export { expect };
