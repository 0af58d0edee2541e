// Background work inside each app instance. Nothing lives only in memory: every job reads its work
// from PostgreSQL and locks it there, so several instances can run this side by side and a restart
// loses nothing. The in-process timer only decides how often to look.
import { pruneUnlinkedFiles } from "@/lib/attachments/mutations";
import { startDueCampaigns } from "@/lib/campaigns/mutations/marketing";
import { queueCampaignChunk } from "@/lib/campaigns/mutations/queue";
import { sendConfirmationEmails } from "@/lib/confirmations/mutations";
import { buildDisclosureItems } from "@/lib/disclosures/mutations";
import { pruneSignInRecords } from "@/lib/auth/mutations";
import { processPasswordResetRequests } from "@/lib/passwords/mutations";
import { deliverCampaignBatch, deliverDueEmails } from "@/lib/email/delivery";
import { env } from "@/lib/env";
import { jobFailures } from "@/lib/metrics/registry";
import { runImportBatches } from "@/lib/imports/mutations";
import { activateDuePolicies, lapseStaleConsent } from "@/lib/policies/mutations";
import { sendDailyDigest } from "@/lib/privacy-requests/mutations/digest";
import { runErasureBatches } from "@/lib/privacy-requests/mutations/retention";
import { processSignInRequests, pruneCustomerSessions } from "@/lib/privacy-requests/mutations/sign-in";
import { pruneRateLimits } from "@/lib/rate-limit/mutations";
import { sendRecipientNotices } from "@/lib/recipient-notices/mutations";
import { deliverWebhooks } from "@/lib/webhooks/mutations";
import { sendLeadNotifications } from "@/lib/leads/mutations";

/**
 * `run` returns how much it did; a job with work left runs again at once (up to 50 rounds). A job
 * with `ownLane` runs on its own loop: it waits on other servers (webhook receivers), and a slow one
 * must not hold up sign-in links, the outbox or erasures.
 */
type Job = { name: string; everyMs: number; run: () => Promise<number>; ownLane?: true };

const jobs: Job[] = [
  { name: "privacy-sign-in", everyMs: 0, run: () => processSignInRequests(20) },
  { name: "consent-confirmation", everyMs: 0, run: () => sendConfirmationEmails(20) },
  { name: "email-outbox", everyMs: 0, run: () => deliverDueEmails(20) },
  { name: "policy-activation", everyMs: 0, run: activateDuePolicies },
  { name: "consent-lapse", everyMs: 600_000, run: lapseStaleConsent },
  { name: "campaign-start", everyMs: 0, run: startDueCampaigns },
  { name: "campaign-queue", everyMs: 0, run: () => queueCampaignChunk() },
  { name: "campaign-send", everyMs: 0, run: deliverCampaignBatch },
  { name: "customer-import", everyMs: 0, run: () => runImportBatches(20) },
  { name: "disclosure-items", everyMs: 0, run: () => buildDisclosureItems() },
  { name: "retention-erasure", everyMs: 0, run: runErasureBatches },
  { name: "privacy-digest", everyMs: 60_000, run: () => sendDailyDigest() },
  { name: "password-reset", everyMs: 0, run: () => processPasswordResetRequests(20) },
  { name: "recipient-notices", everyMs: 0, run: () => sendRecipientNotices(20) },
  { name: "webhooks", everyMs: 0, run: () => deliverWebhooks(10), ownLane: true },
  { name: "lead-notifications", everyMs: 0, run: () => sendLeadNotifications(20) },
  {
    name: "housekeeping",
    everyMs: 3_600_000,
    run: async () => {
      await pruneRateLimits();
      await pruneCustomerSessions();
      await pruneSignInRecords();
      await pruneUnlinkedFiles();
      return 0;
    },
  },
];
const lastRun = new Map<string, number>();

type Lane = { jobs: Job[]; running: boolean };
const state = globalThis as unknown as { jobRunner?: { timer: NodeJS.Timeout; lanes: Lane[]; wake: () => void } };

async function runJob(job: Job) {
  if (Date.now() - (lastRun.get(job.name) ?? 0) < job.everyMs) return;
  lastRun.set(job.name, Date.now());
  // Drain in batches while there is work, then wait for the next poll.
  for (let round = 0; round < 50; round++) {
    try {
      if ((await job.run()) === 0) break;
    } catch (error) {
      console.error(`[jobs] ${job.name} failed; will retry on the next poll:`, (error as Error).message);
      jobFailures().inc({ job: job.name });
      break;
    }
  }
}

async function tickLane(lane: Lane) {
  if (lane.running) return;
  lane.running = true;
  try {
    for (const job of lane.jobs) await runJob(job);
  } finally {
    lane.running = false;
  }
}

function tick() {
  for (const lane of state.jobRunner?.lanes ?? []) void tickLane(lane);
}

export function startJobRunner() {
  if (state.jobRunner || !env().WORKER_ENABLED) return;
  const lanes: Lane[] = [
    { jobs: jobs.filter((j) => !j.ownLane), running: false },
    ...jobs.filter((j) => j.ownLane).map((j) => ({ jobs: [j], running: false })),
  ];
  const timer = setInterval(tick, env().WORKER_POLL_MS);
  timer.unref();
  state.jobRunner = { timer, lanes, wake: tick };
}

/** A hint that new work was queued in this process; other instances pick it up on their next poll. */
export function wakeJobRunner() {
  setTimeout(() => state.jobRunner?.wake(), 50).unref();
}

export function stopJobRunner() {
  if (state.jobRunner) clearInterval(state.jobRunner.timer);
  state.jobRunner = undefined;
}
