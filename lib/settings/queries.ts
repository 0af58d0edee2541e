import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { TEST_CLOCK_SETTING } from "@/lib/clock";
import { db, type Db, type Tx } from "@/lib/db";
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "./schemas";

/** Settings for internal use (emails, public pages); not personal data, so no role check. */
/**
 * Inside a transaction pass its client: on the embedded database transactions run one at a time,
 * so a read on another connection would wait for the transaction that is waiting for it.
 */
export async function readSettings(client: Db | Tx = db()): Promise<Settings> {
  const rows = await client.setting.findMany({ select: { key: true, value: true } });
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

/** The test clock's offset in milliseconds (only read when TEST_CLOCK=1). */
export async function readClockOffset(): Promise<number> {
  const row = await db().setting.findUnique({ where: { key: TEST_CLOCK_SETTING }, select: { value: true } });
  return typeof row?.value === "number" ? row.value : 0;
}
