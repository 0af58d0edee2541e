// /api/metrics: absent without METRICS_TOKEN, 401 with a wrong one; with the right one, Prometheus
// text with the queue gauges read from the database and this instance's counters.
import { afterEach, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { assertEnv } from "@/lib/env";
import { submitForm } from "@/lib/submissions/mutations";
import { uniqueEmail } from "@/tests/support/factories";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { routeLabel } from "@/scripts/server.mjs";
import { GET } from "./route";

const TOKEN = "metrics-token-for-the-test-0123456789";
const scrape = (token?: string) => GET(new Request("http://app/api/metrics", { headers: token ? { authorization: `Bearer ${token}` } : {} }));

afterEach(() => {
  delete process.env.METRICS_TOKEN;
  assertEnv();
});

describe("GET /api/metrics", () => {
  it("does not exist without a token setting, and refuses a wrong token", async () => {
    expect((await scrape(TOKEN)).status).toBe(404);
    process.env.METRICS_TOKEN = TOKEN;
    assertEnv();
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`${TOKEN}x`)).status).toBe(401);
  });

  it("reports the outbox depth and age, webhook backlog and submissions per form", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    assertEnv();
    const form = await makeForm();
    await submitForm(
      form,
      { fields: { fullName: "Đỗ Văn Nam", email: uniqueEmail("m") }, answers: { color: "red" }, consents: [], locale: "vi", idempotencyKey: key() },
      ctx(),
    );
    const queued = await db().emailMessage.count({ where: { status: "QUEUED" } });
    const { rows } = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email' AND state IN ('created', 'retry') AND start_after <= now()`,
    );
    const response = await scrape(TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(new RegExp(`^customer_register_outbox_depth ${queued}$`, "m"));
    expect(text).toMatch(/^customer_register_outbox_oldest_seconds \d/m);
    expect(text).toMatch(/^customer_register_webhooks_pending \d+$/m);
    expect(text).toContain(`customer_register_submissions_total{form="${form.slug}"} 1`);
    // The job system's queues, by name.
    expect(text).toMatch(new RegExp(`^customer_register_jobs_waiting\\{queue="email"\\} ${rows[0].n}$`, "m"));
    expect(text).toMatch(/^customer_register_jobs_dead\{queue="webhooks"\} \d+$/m);
  });
});

describe("request route labels", () => {
  it("hide ids, tokens and slugs", () => {
    expect(routeLabel("/admin/customers/6f1c2a9e-3d5b-4f0e-9a57-0c1d2e3f4a5b?tab=x")).toBe("/admin/customers/[id]");
    expect(routeLabel("/f/dang-ky-tu-van")).toBe("/f/[token]");
    expect(routeLabel("/api/public/forms/dang-ky/submissions")).toBe("/api/public/forms/[token]/submissions");
    expect(routeLabel("/privacy/me/link/abc.def")).toBe("/privacy/me/link/[token]");
    expect(routeLabel("/privacy/versions/12")).toBe("/privacy/versions/[n]");
    expect(routeLabel("/_next/static/chunks/x.js")).toBe("/_next/*");
  });
});
