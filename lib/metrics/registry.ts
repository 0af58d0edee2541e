// Prometheus metrics (prom-client's default registry, shared with scripts/server.mjs, which times
// every request: prom-client stays an external package so both load the same instance). Metrics are
// created once per process, whichever module asks first.
import client from "prom-client";

function once<T>(name: string, make: () => T): T {
  return (client.register.getSingleMetric(name) as T | undefined) ?? make();
}

export const jobFailures = () =>
  once(
    "customer_register_job_failures_total",
    () => new client.Counter({ name: "customer_register_job_failures_total", help: "Background job runs that failed", labelNames: ["job"] }),
  );

export const submissionsReceived = () =>
  once(
    "customer_register_submissions_total",
    () => new client.Counter({ name: "customer_register_submissions_total", help: "Public form submissions accepted, by form", labelNames: ["form"] }),
  );

export const registry = () => client.register;
export { client };
