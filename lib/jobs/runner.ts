// Background work inside each app instance. Nothing lives only in memory: every job reads its work
// from PostgreSQL and locks it there, so several instances can run this side by side and a restart
// loses nothing. The in-process timer only decides how often to look.
import { deliverDueEmails } from "@/lib/email/delivery";
import { env } from "@/lib/env";

type Job = { name: string; run: () => Promise<number> };

const jobs: Job[] = [{ name: "email-outbox", run: () => deliverDueEmails(20) }];

const state = globalThis as unknown as { jobRunner?: { timer: NodeJS.Timeout; running: boolean; wake: () => void } };

async function tick() {
  const runner = state.jobRunner;
  if (!runner || runner.running) return;
  runner.running = true;
  try {
    for (const job of jobs) {
      // Drain in batches while there is work, then wait for the next poll.
      for (let round = 0; round < 50; round++) {
        try {
          if ((await job.run()) === 0) break;
        } catch (error) {
          console.error(`[jobs] ${job.name} failed; will retry on the next poll:`, (error as Error).message);
          break;
        }
      }
    }
  } finally {
    runner.running = false;
  }
}

export function startJobRunner() {
  if (state.jobRunner || !env().WORKER_ENABLED) return;
  const timer = setInterval(tick, env().WORKER_POLL_MS);
  timer.unref();
  state.jobRunner = { timer, running: false, wake: () => void tick() };
}

/** A hint that new work was queued in this process; other instances pick it up on their next poll. */
export function wakeJobRunner() {
  setTimeout(() => state.jobRunner?.wake(), 50).unref();
}

export function stopJobRunner() {
  if (state.jobRunner) clearInterval(state.jobRunner.timer);
  state.jobRunner = undefined;
}
