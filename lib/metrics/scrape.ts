import "server-only";
import { queueSummaries } from "@/lib/jobs/queries";
import { queueSnapshot } from "./queries";
import { client, registry } from "./registry";

const gauge = (name: string, help: string) =>
  (client.register.getSingleMetric(name) as InstanceType<typeof client.Gauge> | undefined) ?? new client.Gauge({ name, help });

/** The Prometheus text: request timings and counters of this instance, queue gauges from the database. */
export async function scrape() {
  const q = await queueSnapshot();
  gauge("customer_register_outbox_depth", "Emails waiting in the outbox").set(q.outboxDepth);
  gauge("customer_register_outbox_oldest_seconds", "Age of the oldest email waiting in the outbox").set(q.outboxOldestSeconds);
  gauge("customer_register_outbox_failed", "Emails that gave up after their retries").set(q.outboxFailed);
  gauge("customer_register_webhooks_pending", "Webhook deliveries waiting or retrying").set(q.webhooksPending);
  gauge("customer_register_webhooks_failed", "Webhook deliveries that gave up").set(q.webhooksFailed);
  gauge("customer_register_recipient_notices_waiting", "Notices to data recipients not yet emailed").set(q.noticesWaiting);
  const jobs = await queueSummaries();
  const labelled = (name: string, help: string) =>
    (client.register.getSingleMetric(name) as InstanceType<typeof client.Gauge> | undefined) ?? new client.Gauge({ name, help, labelNames: ["queue"] });
  const waiting = labelled("customer_register_jobs_waiting", "Jobs due and waiting, by queue (lib/jobs)");
  const dead = labelled("customer_register_jobs_dead", "Jobs that used up their retries, by queue (/admin/jobs)");
  for (const q of jobs) {
    waiting.set({ queue: q.name }, q.waiting);
    dead.set({ queue: q.name }, q.dead);
  }
  return { body: await registry().metrics(), contentType: registry().contentType };
}
