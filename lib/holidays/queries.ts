import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { missingHolidayYears, vnDay } from "@/lib/privacy-requests/deadlines";

/** Every holiday as YYYY-MM-DD, for deadline arithmetic. A few dozen rows: read each time, so an edit applies at once on every instance. */
export async function holidaySet(tx: Tx = db()): Promise<Set<string>> {
  const rows = await tx.holiday.findMany({ select: { date: true } });
  return new Set(rows.map((r) => r.date.toISOString().slice(0, 10)));
}

export async function listHolidays(actor: Actor) {
  authorize(actor, ...rolesFor("settings"));
  const rows = await db().holiday.findMany({ orderBy: { date: "desc" }, select: { date: true, name: true } });
  return rows.map((r) => ({ date: r.date.toISOString().slice(0, 10), name: r.name }));
}

/** Years the table should cover but does not (see missingHolidayYears), for a warning on the desk. */
export async function missingHolidayYearsNow(): Promise<number[]> {
  return missingHolidayYears(await holidaySet(), vnDay(await now()));
}
