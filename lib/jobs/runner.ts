// Background work inside each app instance, through one job system (pg-boss, schema "pgboss").
// Nothing lives only in memory: jobs are rows in PostgreSQL, claimed once (SKIP LOCKED inside
// pg-boss), leased (a job whose instance dies expires and is retried elsewhere), retried with
// backoff, and dead after their retry limit, where ADMIN sees them at /admin/jobs. Several
// instances run this side by side; the in-process loop only decides how often to look.
import { pruneUnlinkedFiles } from "@/lib/attachments/mutations";
import { pruneSignInRecords } from "@/lib/auth/mutations";
import { startDueCampaigns } from "@/lib/campaigns/mutations/marketing";
import { queueCampaignChunk } from "@/lib/campaigns/mutations/queue";
import { sendConfirmationEmails } from "@/lib/confirmations/mutations";
import { buildDisclosureItems } from "@/lib/disclosures/mutations";
import { deliverCampaignBatch, deliverDueEmails } from "@/lib/email/delivery";
import { failOrphanedEmails } from "@/lib/email/mutations";
import { env } from "@/lib/env";
import { runImportBatches, sendImportNotices } from "@/lib/imports/mutations";
import { sendLeadNotifications } from "@/lib/leads/mutations";
import { jobFailures } from "@/lib/metrics/registry";
import { processPasswordResetRequests } from "@/lib/passwords/mutations";
import { activateDuePolicies, lapseStaleConsent } from "@/lib/policies/mutations";
import { sendDailyDigest } from "@/lib/privacy-requests/mutations/digest";
import { runErasureBatches } from "@/lib/privacy-requests/mutations/retention";
import { processSignInRequests, pruneCustomerSessions } from "@/lib/privacy-requests/mutations/sign-in";
import { pruneRateLimits } from "@/lib/rate-limit/mutations";
import { sendRecipientNotices } from "@/lib/recipient-notices/mutations";
import { deliverWebhooks } from "@/lib/webhooks/mutations";
import { boss, clearBoss } from "./mutations/boss";
import { completeJobs, dropJobs, failJob, fetchJobs, onWake, wake, wakeQuietly } from "./mutations";
import { type DrainQueue, QUEUES, type QueueName, queueOptions } from "./queues";

type Handler = () => Promise<number>;

/** What each drain and schedule does: returns how much it did (0 = nothing left). */
const handlers: Record<Exclude<QueueName, "email">, Handler> = {
  "privacy-sign-in": () => processSignInRequests(20),
  "consent-confirmation": () => sendConfirmationEmails(20),
  "policy-activation": activateDuePolicies,
  "campaign-start": startDueCampaigns,
  "campaign-queue": () => queueCampaignChunk(),
  "campaign-send": deliverCampaignBatch,
  // Imports first; then the emails telling customers what consent an import recorded for them.
  "customer-import": async () => (await runImportBatches(20)) || (await sendImportNotices()),
  "disclosure-items": () => buildDisclosureItems(),
  "retention-erasure": runErasureBatches,
  "password-reset": () => processPasswordResetRequests(20),
  "recipient-notices": () => sendRecipientNotices(20),
  "lead-notifications": () => sendLeadNotifications(20),
  webhooks: () => deliverWebhooks(10),
  "consent-lapse": lapseStaleConsent,
  "privacy-digest": () => sendDailyDigest(),
  // Returns what it pruned, so an hour's pass shows as work done on /admin/jobs (one that found
  // nothing leaves no trace, like any idle slot).
  housekeeping: async () =>
    (await pruneRateLimits()) + (await pruneCustomerSessions()) + (await pruneSignInRecords()) + (await pruneUnlinkedFiles()) + (await failOrphanedEmails()),
};

const polled = QUEUES.filter((q) => q.kind === "drain" && !("wokenByProducer" in q)).map((q) => q.name as DrainQueue);
const woken = QUEUES.filter((q) => q.kind === "drain" && "wokenByProducer" in q).map((q) => q.name as DrainQueue);
/** Drains woken by their producers are also woken on every this-many polls, in case a wake was lost. */
const SAFETY_NET_POLLS = 10;
/** Work one drain leads to: woken as soon as it has done some. */
const leadsTo: Partial<Record<QueueName, DrainQueue[]>> = {
  "campaign-start": ["campaign-queue", "campaign-send"],
  "campaign-queue": ["campaign-send"],
  "policy-activation": ["campaign-queue", "campaign-send"],
};
/** A job runs its handler while it finds work, for at most this long; then it hands over to a new job. */
const SLICE_MS = 20_000;

/** Runs one waiting job of a drain or schedule queue, if there is one; returns whether it did. */
export function runQueueOnce(name: Exclude<QueueName, "email">): Promise<boolean> {
  return runJob(name, handlers[name]);
}

/** One job: the handler runs while it finds work; a throw fails the job (retried with backoff). */
export async function runJob(name: Exclude<QueueName, "email">, handler: Handler): Promise<boolean> {
  const [job] = await fetchJobs(name, 1);
  if (!job) return false;
  let done = 0;
  let more = false;
  const started = Date.now();
  try {
    for (;;) {
      const n = await handler();
      done += n;
      if (n === 0) break;
      if (Date.now() - started > SLICE_MS) {
        more = true;
        break;
      }
    }
  } catch (error) {
    console.error(`[jobs] ${name} failed; the job system retries it with backoff:`, (error as Error).message);
    jobFailures().inc({ job: name });
    await failJob(name, job.id, error);
    return true;
  }
  if (done === 0) await dropJobs(name, [job]);
  else await completeJobs(name, [job.id]);
  const next = [...(more ? [name as DrainQueue] : []), ...(done > 0 ? (leadsTo[name] ?? []) : [])];
  if (next.length) await wake(...next);
  return true;
}

type Lane = { queues: QueueName[]; running: boolean; again: boolean };
const state = globalThis as unknown as { jobRunner?: { timer: NodeJS.Timeout; lanes: Lane[]; stopWake: () => void } };

/** `nudged`: new work was queued in this process while the lane may be busy — run it again after. */
async function runLane(lane: Lane, nudged: boolean) {
  if (lane.running) {
    if (nudged) lane.again = true;
    return;
  }
  lane.running = true;
  try {
    do {
      lane.again = false;
      for (const name of lane.queues) {
        try {
          if (name === "email") {
            // The outbox: batches of single messages, as long as there are any.
            for (let round = 0; round < 50 && (await deliverDueEmails(20)) > 0; round++);
          } else await runQueueOnce(name);
        } catch (error) {
          // Reaching the job tables failed (the database is down?): the next poll tries again.
          console.error(`[jobs] ${name}:`, (error as Error).message);
          jobFailures().inc({ job: name });
        }
      }
    } while (lane.again);
  } finally {
    lane.running = false;
  }
}

function tick(nudged = false) {
  for (const lane of state.jobRunner?.lanes ?? []) void runLane(lane, nudged);
}

/** Brings pgboss.queue in line with lib/jobs/queues.ts and the lease and retry settings. */
async function syncQueues() {
  const b = boss();
  for (const q of QUEUES) {
    const options = { ...queueOptions(q.kind) } as Record<string, unknown>;
    if (q.name === "email") Object.assign(options, { expireInSeconds: env().EMAIL_LEASE_SECONDS, retryDelay: env().EMAIL_RETRY_BASE_SECONDS });
    if (await b.getQueue(q.name)) await b.updateQueue(q.name, options as never);
    else await b.createQueue(q.name, options as never);
    if (q.kind === "schedule") await b.schedule(q.name, q.cron, {}, { tz: "UTC" });
  }
}

export async function startJobRunner() {
  if (state.jobRunner || !env().WORKER_ENABLED) return;
  const lane = (queues: QueueName[]): Lane => ({ queues, running: false, again: false });
  const lanes: Lane[] = [
    lane(["email"]),
    lane(QUEUES.filter((q) => q.kind !== "message" && !("ownLane" in q)).map((q) => q.name)),
    ...QUEUES.filter((q) => "ownLane" in q).map((q) => lane([q.name])),
  ];
  // Every poll wakes the drains whose work falls due with time or is written by triggers (one
  // INSERT … ON CONFLICT DO NOTHING), and now and then the others, so work is found without a wake
  // of its own; then each queue is asked for a job (how work woken on another instance arrives).
  let started = false;
  let polls = 0;
  let polling = false;
  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      await pollOnce();
    } finally {
      polling = false;
    }
  };
  const pollOnce = async () => {
    // Started on the first poll the database answers (an instance may boot while it is down).
    if (!started) {
      try {
        await syncQueues();
        await boss().start();
        started = true;
      } catch (error) {
        // A pg-boss that failed halfway through start() will not start again: build a new one.
        await boss()
          .stop({ graceful: false, close: false })
          .catch(() => {});
        clearBoss();
        console.error("[jobs] the job system is not started yet; background work waits:", (error as Error).message);
        return;
      }
    }
    await wakeQuietly([...polled, ...(polls++ % SAFETY_NET_POLLS === 0 ? woken : [])]);
    tick();
  };
  const timer = setInterval(() => void poll(), env().WORKER_POLL_MS);
  timer.unref();
  state.jobRunner = { timer, lanes, stopWake: onWake(() => setTimeout(() => tick(true), 20).unref()) };
  await poll();
}
