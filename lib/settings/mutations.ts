import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { TEST_CLOCK_SETTING } from "@/lib/clock";
import { readSettings } from "./queries";
import { settingsSchema } from "./schemas";

export async function updateSettings(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("settings"));
  const next = settingsSchema.parse(raw);
  const before = await readSettings();
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
  if (changed.length === 0) return;
  await db().$transaction(async (tx) => {
    for (const key of changed) {
      await tx.setting.upsert({ where: { key }, create: { key, value: next[key] }, update: { value: next[key] } });
    }
    await recordAudit(tx, actor, {
      action: "settings.updated",
      entityType: "Setting",
      details: Object.fromEntries(changed.map((k) => [k, { before: before[k], after: next[k] }])),
    });
  });
}

/** Tests only: moves the app's clock (see lib/clock.ts). */
export async function setClockOffset(offsetMs: number) {
  await db().setting.upsert({ where: { key: TEST_CLOCK_SETTING }, create: { key: TEST_CLOCK_SETTING, value: offsetMs }, update: { value: offsetMs } });
}
