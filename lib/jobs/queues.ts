// The one job system's queues (pg-boss 10, schema "pgboss"). A queue is one of three kinds:
//  - "message": one job per row of a domain table, enqueued in the transaction that writes the row
//    (the email outbox: job singleton key = the message id, which is also the provider's
//    idempotency key). The job system claims it once, leases it (expireInSeconds) and hands it over
//    when a worker dies.
//  - "drain": the domain keeps its work in its own tables (sign-in requests, imports, erasures…);
//    a job means "look for due work". The queue is "stately": at most one waiting and one running
//    across every instance, so a domain never needs its own claim query or row lease.
//  - "schedule": cron jobs sent once per slot across every instance (pg-boss schedules).
// Adding a queue: add it here, then a migration that calls pgboss.create_queue (the registry test in
// lib/jobs/jobs.test.ts fails until a migrated database has every queue listed here).

export type QueueKind = "message" | "drain" | "schedule";

export type QueueDef = {
  name: string;
  kind: QueueKind;
  /** For schedules: a cron expression in UTC. */
  cron?: string;
  /** Runs on its own loop: it waits on other servers and must not hold the others up. */
  ownLane?: true;
  /**
   * Drains whose work is made by an action that wakes them (lib/jobs/mutations.ts `wake`). The
   * poll wakes them only now and then, as a safety net; the other drains (work that falls due with
   * time, or that triggers write) are woken on every poll.
   */
  wokenByProducer?: true;
};

export const QUEUES = [
  { name: "email", kind: "message" },
  { name: "privacy-sign-in", kind: "drain", wokenByProducer: true },
  { name: "consent-confirmation", kind: "drain", wokenByProducer: true },
  { name: "policy-activation", kind: "drain" },
  { name: "campaign-start", kind: "drain" },
  { name: "campaign-queue", kind: "drain" },
  { name: "campaign-send", kind: "drain" },
  { name: "customer-import", kind: "drain", wokenByProducer: true },
  { name: "disclosure-items", kind: "drain", wokenByProducer: true },
  { name: "retention-erasure", kind: "drain", wokenByProducer: true },
  { name: "password-reset", kind: "drain", wokenByProducer: true },
  { name: "recipient-notices", kind: "drain" },
  { name: "lead-notifications", kind: "drain" },
  { name: "webhooks", kind: "drain", ownLane: true },
  { name: "consent-lapse", kind: "schedule", cron: "*/10 * * * *" },
  { name: "privacy-digest", kind: "schedule", cron: "* * * * *" },
  { name: "housekeeping", kind: "schedule", cron: "17 * * * *" },
] as const satisfies readonly QueueDef[];

export type QueueName = (typeof QUEUES)[number]["name"];
export type DrainQueue = Extract<(typeof QUEUES)[number], { kind: "drain" }>["name"];

/** What pg-boss stores for each kind (pgboss.queue): the policy and the retry/lease defaults. */
export function queueOptions(kind: QueueKind) {
  switch (kind) {
    case "message":
      // Retries after a crash or an expired lease; the outbox row counts provider failures itself.
      return { policy: "standard", retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 };
    case "drain":
      return { policy: "stately", retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 };
    case "schedule":
      return { policy: "stately", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 };
  }
}
