// The only place that reads process.env (house style 8). Parsed lazily so `next build` and tests can
// import modules without a full environment; `assertEnv()` runs at start-up and fails with a clear
// message that names each bad variable.
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";

const booleanish = z.enum(["1", "0", "true", "false", "yes", "no"]).transform((v) => v === "1" || v === "true" || v === "yes");

const schema = z
  .object({
    DATABASE_URL: z.string({ error: "is required (npm start sets it for the embedded database)" }).regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
    NEXTAUTH_SECRET: z
      .string({ error: "is required (at least 32 characters; npm start generates one in embedded mode)" })
      .min(32, "must be at least 32 characters long"),
    /**
     * Secrets NEXTAUTH_SECRET had before (comma-separated), while it is being rotated: what was sealed or
     * signed under them (two-factor and webhook secrets, one-time links in the outbox, unsubscribe links
     * in sent emails) still opens; everything new uses NEXTAUTH_SECRET. `npm run secrets:reseal` moves
     * stored secrets to the new one (docs/operations.md).
     */
    NEXTAUTH_SECRET_PREVIOUS: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .refine((secrets) => secrets.every((s) => s.length >= 32), "must list secrets of at least 32 characters each, separated by commas")
      .default([]),
    APP_URL: z.url({ error: "must be an absolute URL such as https://privacy.example.com" }).default("http://localhost:3000"),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url({ error: "must be an absolute URL" }).optional(),
    /** Signing secret of the Resend webhook (whsec_…): delivery events are accepted only when signed with it. */
    RESEND_WEBHOOK_SECRET: z.string().startsWith("whsec_", { error: "must be the whsec_… signing secret Resend shows for the webhook" }).optional(),
    /**
     * Lets webhook endpoints be http:// or on loopback and private networks (tests, a receiver on the
     * same host). Off by default: endpoints must be https on public addresses, checked again at each
     * delivery so a DNS change cannot point one inward.
     */
    WEBHOOKS_ALLOW_PRIVATE_NETWORKS: booleanish.default(false),
    /** Bearer token a Prometheus scraper sends to /api/metrics (unset: the endpoint answers 404). */
    METRICS_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
    EMAIL_FROM: z.string().min(3).default("Customer Register <no-reply@customer-register.local>"),
    WORKER_ENABLED: booleanish.default(true),
    /** Outbox retries wait this long, doubling each time (30 s, 1 min, 2 min … capped at 1 h). */
    EMAIL_RETRY_BASE_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).int().min(1).max(600).default(30),
    /** How long one call to the email provider may take before it counts as failed (and is retried). */
    EMAIL_SEND_TIMEOUT_MS: z.coerce.number({ error: "must be a number of milliseconds" }).int().min(500).max(120_000).default(15_000),
    /** How long a claimed email or batch stays with the instance that claimed it before another may take it over. */
    EMAIL_LEASE_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).int().min(5).max(3600).default(120),
    /** How often the job system looks for expired leases (jobs whose instance died) and tidies its tables. */
    JOB_MAINTENANCE_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).int().min(1).max(300).default(30),
    WORKER_POLL_MS: z.coerce.number({ error: "must be a number of milliseconds" }).int().min(100).max(600_000).default(2000),
    EMBEDDED_DB: booleanish.default(false),
    /** Tests only: lets the test-clock offset setting move the app's clock forward. */
    TEST_CLOCK: booleanish.default(false),
    /** Public form submissions allowed per visitor IP and form in 10 minutes (0 = no limit). */
    FORM_RATE_LIMIT_PER_IP: z.coerce.number({ error: "must be a number" }).int().min(0).default(20),
    /** Public form submissions allowed per form and minute, from all visitors together (0 = no limit). */
    FORM_RATE_LIMIT_PER_FORM: z.coerce.number({ error: "must be a number" }).int().min(0).default(600),
    /**
     * Proxies allowed to name the client in X-Forwarded-For: a hop count ("1" behind one nginx) or a
     * comma-separated list of addresses and CIDR networks. Unset: none, the socket address is the client.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        const parsed = parseTrustedProxies(value);
        if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
      }),
    /** scrypt cost for new password hashes: N = 2^this (17 by default; tests use less to run fast). */
    PASSWORD_SCRYPT_LOG_N: z.coerce
      .number({ error: "must be a number from 14 to 20" })
      .int()
      .min(14, "must be at least 14")
      .max(20, "must be at most 20")
      .default(17),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  })
  .superRefine((value, ctx) => {
    // A batch of emails sends within its lease: at least two provider timeouts must fit in it.
    if (value.EMAIL_SEND_TIMEOUT_MS * 2 > value.EMAIL_LEASE_SECONDS * 1000)
      ctx.addIssue({ code: "custom", path: ["EMAIL_SEND_TIMEOUT_MS"], message: "must be at most half of EMAIL_LEASE_SECONDS (in milliseconds)" });
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const input = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Throws EnvError with every problem at once; call at start-up. */
export function assertEnv(): Env {
  cached = undefined;
  return env();
}
