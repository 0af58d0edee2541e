import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "./schemas";

/** Settings for internal use (emails, public pages); not personal data, so no role check. */
export async function readSettings(): Promise<Settings> {
  const rows = await db().setting.findMany({ select: { key: true, value: true } });
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function companyName() {
  return (await readSettings()).companyName;
}

export async function getSettingsForEdit(actor: Actor) {
  authorize(actor, ...rolesFor("settings"));
  return readSettings();
}
