// One signed-in browser state per role (house style 9), saved for the specs.
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium, type FullConfig } from "@playwright/test";
import { ROLES } from "@/lib/auth/roles";
import { signIn } from "./sign-in";
import { createStaff } from "./staff";

export const AUTH_DIR = "test-results/.auth";

export default async function globalSetup(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0].use;
  mkdirSync(AUTH_DIR, { recursive: true });
  const browser = await chromium.launch(launchOptions);
  const users: Record<string, unknown> = {};
  for (const role of ROLES) {
    const staff = await createStaff(role, `setup-${role.toLowerCase()}`);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, staff);
    await context.storageState({ path: `${AUTH_DIR}/${role}.json` });
    await context.close();
    users[role] = staff;
  }
  writeFileSync(`${AUTH_DIR}/users.json`, JSON.stringify(users, null, 2));
  await browser.close();
}
