import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recomputeOpenDeadlines } from "@/lib/privacy-requests/mutations/rules";
import { holidayDateSchema, holidaySchema } from "./schemas";

// A holiday added or removed moves the deadlines of every open request that counts across it (each
// move is stored on the request and audited); closed requests keep theirs.

/** Every open request may move: more time than the default 5 s. */
const RECOMPUTE_TX = { timeout: 60_000 };

export async function addHoliday(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("settings"));
  const input = holidaySchema.parse(raw);
  const date = new Date(`${input.date}T00:00:00Z`);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) throw new AppError("BAD_INPUT", "holidays.weekend", { date: "holidays.weekend" });
  await db().$transaction(async (tx) => {
    if (await tx.holiday.findUnique({ where: { date }, select: { date: true } }))
      throw new AppError("CONFLICT", "holidays.exists", { date: "holidays.exists" });
    await tx.holiday.create({ data: { date, name: input.name } });
    const moved = await recomputeOpenDeadlines(tx, actor, { cause: "HOLIDAYS_CHANGED", reason: `+ ${input.date} ${input.name}` });
    await recordAudit(tx, actor, { action: "holiday.added", entityType: "Holiday", entityId: input.date, details: { name: input.name, requestsMoved: moved } });
  }, RECOMPUTE_TX);
}

export async function removeHoliday(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("settings"));
  const input = holidayDateSchema.parse(raw);
  await db().$transaction(async (tx) => {
    const { count } = await tx.holiday.deleteMany({ where: { date: new Date(`${input.date}T00:00:00Z`) } });
    if (count === 0) throw new AppError("NOT_FOUND", "errors.notFound");
    const moved = await recomputeOpenDeadlines(tx, actor, { cause: "HOLIDAYS_CHANGED", reason: `− ${input.date}` });
    await recordAudit(tx, actor, { action: "holiday.removed", entityType: "Holiday", entityId: input.date, details: { requestsMoved: moved } });
  }, RECOMPUTE_TX);
}
