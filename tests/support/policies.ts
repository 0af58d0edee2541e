// Policy versions for tests. Only one version may be announced-and-pending at a time, so tests that
// announce one bring it into force first (moving the test clock) or use their own database.
import { db } from "@/lib/db";
import { forgetClockOffset, now } from "@/lib/clock";
import { setClockOffset } from "@/lib/settings/mutations";
import { readClockOffset } from "@/lib/settings/queries";

export const body = (extra = "") => `# Chính sách\n\nChúng tôi giữ dữ liệu của bạn cẩn thận và không bán dữ liệu. ${extra}\n`;
export const bodyEn = (extra = "") => `# Policy\n\nWe keep your data carefully and never sell it. ${extra}\n`;

export const draftInput = (extra = "", material: string[] = []) => ({
  bodyVi: body(extra),
  bodyEn: bodyEn(extra),
  summaryVi: "Thay đổi thử nghiệm",
  summaryEn: "A test change",
  materialPurposeKeys: material,
});

/** A yyyy-mm-dd date `offsetDays` from the app's (test) clock, in Vietnam time. */
export async function day(offsetDays: number) {
  return new Date((await now()).getTime() + offsetDays * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Moves the app clock forward (TEST_CLOCK=1 in tests); it never goes back within a run. */
export async function advanceClock(ms: number) {
  await setClockOffset((await readClockOffset()) + ms);
  forgetClockOffset();
}

/** Brings every announced version into force by moving the clock past the latest effective date. */
export async function settleAnnouncements() {
  const latest = await db().policyVersion.findFirst({
    where: { status: { in: ["SCHEDULED", "PUBLISHED"] } },
    orderBy: { effectiveAt: "desc" },
    select: { effectiveAt: true },
  });
  const current = (await now()).getTime();
  if (latest?.effectiveAt && latest.effectiveAt.getTime() > current) await advanceClock(latest.effectiveAt.getTime() - current + 60_000);
}
