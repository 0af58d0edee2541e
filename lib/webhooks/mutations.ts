import "server-only";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { recordAudit } from "@/lib/audit/mutations";
import { openValue, type ResealCounts, resealEach, sealValue } from "@/lib/auth/app-seal";
import { authorize, authorizeScope, systemActor, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import { readSettings } from "@/lib/settings/queries";
import { EVENT_SCOPE } from "./events";
import { endpointDto, ownedBy } from "./queries";
import { deliveryIdSchema, endpointIdSchema, setEndpointEnabledSchema, webhookEndpointSchema } from "./schemas";
import { newSigningSecret, signedHeaders } from "./signing";
import { guardedLookup, urlAllowed } from "./url-policy";

const SEAL = "webhook signing secret" as const;
/** Retries stop this long after the first try (or the last replay). */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** An endpoint failing this long without a single success is disabled. */
export const DISABLE_AFTER_MS = 3 * 24 * 3_600_000;
/** Deliveries of one endpoint in flight at once. */
const PER_ENDPOINT = 5;
/** Endpoints in all: each event is written once per listening endpoint, inside the change's transaction. */
export const MAX_ENDPOINTS = 25;

/** Staff (ADMIN) or a key with webhooks:manage. The secret is returned this once, then kept sealed. */
export async function createWebhookEndpoint(actor: Actor, raw: unknown) {
  authorizeScope(actor, "webhooks:manage", ...rolesFor("settings"));
  const input = webhookEndpointSchema.parse(raw);
  if (!urlAllowed(input.url)) throw new AppError("BAD_INPUT", "webhooks.urlNotAllowed", { url: "webhooks.urlNotAllowed" });
  if (actor.kind === "api") {
    const beyond = input.events.find((e) => !actor.scopes.includes(EVENT_SCOPE[e]));
    if (beyond) throw new AppError("FORBIDDEN", "api.scopeMissing", undefined, { scope: EVENT_SCOPE[beyond] });
  }
  const secret = newSigningSecret();
  return db().$transaction(async (tx) => {
    if ((await tx.webhookEndpoint.count()) >= MAX_ENDPOINTS) throw new AppError("CONFLICT", "webhooks.tooMany", undefined, { max: MAX_ENDPOINTS });
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        url: input.url,
        events: [...new Set(input.events)],
        description: input.description,
        secret: sealValue(SEAL, secret),
        secretHint: secret.slice(6, 10),
        createdById: actor.kind === "user" ? actor.id : null,
        createdByKeyId: actor.kind === "api" ? actor.keyId : null,
      },
    });
    await recordAudit(tx, actor, {
      action: "webhook.endpoint_created",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      details: { url: input.url, events: input.events },
    });
    return { ...endpointDto(endpoint), secret };
  });
}

export async function deleteWebhookEndpoint(actor: Actor, raw: unknown) {
  authorizeScope(actor, "webhooks:manage", ...rolesFor("settings"));
  const { id } = endpointIdSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const gone = await tx.webhookEndpoint.deleteMany({ where: { id, ...ownedBy(actor) } });
    if (gone.count === 0) throw new AppError("NOT_FOUND", "webhooks.notFound");
    await recordAudit(tx, actor, { action: "webhook.endpoint_deleted", entityType: "WebhookEndpoint", entityId: id });
    return { id };
  });
}

/** Enabling again clears the failure clock; waiting deliveries go out on the next run. */
export async function setWebhookEndpointEnabled(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("settings"));
  const { id, enabled } = setEndpointEnabledSchema.parse(raw);
  return db().$transaction(async (tx) => {
    // An endpoint an API key made goes with the key: once it is revoked, it is not switched back on.
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: { createdByKeyId: true } });
    const key = endpoint?.createdByKeyId ? await tx.apiKey.findUnique({ where: { id: endpoint.createdByKeyId }, select: { revokedAt: true } }) : null;
    if (enabled && key?.revokedAt) throw new AppError("CONFLICT", "webhooks.keyRevoked");
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id, ...ownedBy(actor) },
      data: enabled ? { enabled, disabledAt: null, disabledReason: null, failingSince: null } : { enabled, disabledAt: new Date(), disabledReason: "manual" },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "webhooks.notFound");
    await recordAudit(tx, actor, { action: enabled ? "webhook.endpoint_enabled" : "webhook.endpoint_disabled", entityType: "WebhookEndpoint", entityId: id });
    return { id, enabled };
  });
}

/** Sends one delivery again (failed or delivered), with a fresh 24-hour retry window. */
export async function replayWebhookDelivery(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("settings"));
  const { id } = deliveryIdSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "WebhookDelivery" SET status = 'PENDING', "nextAttemptAt" = now(), "retryFrom" = now(), "lockedUntil" = NULL, "updatedAt" = now()
      WHERE id = ${id}::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" < now()) RETURNING id`;
    if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAudit(tx, actor, { action: "webhook.delivery_replayed", entityType: "WebhookDelivery", entityId: id });
    return { id };
  });
}

type Claimed = {
  id: string;
  eventId: string;
  type: string;
  payload: unknown;
  eventAt: Date;
  url: string;
  secret: string;
  endpointId: string;
  attempts: number;
};

/**
 * Due deliveries of enabled endpoints, at most PER_ENDPOINT of each endpoint at a time (one slow
 * receiver cannot take every slot), leased for a minute so another instance does not take them.
 */
async function claimDeliveries(limit: number): Promise<Claimed[]> {
  return db().$queryRaw<Claimed[]>`
    WITH ranked AS (
      SELECT d.id, row_number() OVER (PARTITION BY d."endpointId" ORDER BY d."nextAttemptAt") AS n
      FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e.id = d."endpointId" AND e.enabled
      WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= now() AND (d."lockedUntil" IS NULL OR d."lockedUntil" < now())
    ), due AS (
      SELECT d.id FROM "WebhookDelivery" d JOIN ranked r ON r.id = d.id AND r.n <= ${PER_ENDPOINT}
      ORDER BY d."nextAttemptAt" LIMIT ${limit} FOR UPDATE OF d
    )
    UPDATE "WebhookDelivery" d SET "lockedUntil" = now() + interval '60 seconds', attempts = d.attempts + 1, "updatedAt" = now()
    FROM due, "WebhookEvent" ev, "WebhookEndpoint" e
    WHERE d.id = due.id AND ev.id = d."eventId" AND e.id = d."endpointId"
    RETURNING d.id, d."eventId", ev.type, ev.payload, ev."createdAt" AS "eventAt", e.url, e.secret, e.id AS "endpointId", d.attempts`;
}

/** Growing waits: 10 s, 30 s, 1.5 min … capped at 4 hours, with jitter so receivers are not hit in step. */
export function retryDelayMs(attempts: number, retryAfterSeconds?: number) {
  const base = Math.min(10_000 * 3 ** Math.max(0, attempts - 1), 4 * 3_600_000);
  const jittered = base * (0.9 + Math.random() * 0.2);
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}

/** One POST through node:http(s), whose DNS lookup refuses non-public addresses (url-policy.ts). */
function send(url: string, headers: Record<string, string>, body: string, timeoutMs: number) {
  return new Promise<{ status: number; retryAfter?: number }>((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === "https:" ? httpsRequest : httpRequest)(
      target,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, lookup: guardedLookup as never, timeout: timeoutMs },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, retryAfter: Number(response.headers["retry-after"]) || undefined }));
        response.on("error", reject);
      },
    );
    const deadline = setTimeout(() => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), timeoutMs);
    request.on("timeout", () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    request.on("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.on("close", () => clearTimeout(deadline));
    request.end(body);
  });
}

async function post(d: Claimed, timeoutMs: number) {
  const body = JSON.stringify({ type: d.type, timestamp: d.eventAt.toISOString(), data: d.payload });
  const started = Date.now();
  if (!urlAllowed(d.url)) return { status: null, error: "address not allowed", ms: 0, retryAfter: undefined };
  const headers = {
    "content-type": "application/json",
    "user-agent": "CustomerRegister-Webhooks/1",
    ...signedHeaders(openValue(SEAL, d.secret), `msg_${d.eventId}`, body),
  };
  try {
    const response = await send(d.url, headers, body, timeoutMs);
    const ok = response.status >= 200 && response.status < 300;
    return { status: response.status, error: ok ? null : `HTTP ${response.status}`, ms: Date.now() - started, retryAfter: response.retryAfter };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "EADDRNOTALLOWED" ? "address not allowed" : code === "ETIMEDOUT" ? "timed out" : "connection failed";
    return { status: null, error: reason, ms: Date.now() - started, retryAfter: undefined };
  }
}

/**
 * The job: sends due deliveries side by side (a slow receiver holds only its own request, for at
 * most ten seconds), logs every try, and schedules the next one or gives up after the window.
 */
export async function deliverWebhooks(limit = 10, timeoutMs = 10_000): Promise<number> {
  const claimed = await claimDeliveries(limit);
  await Promise.all(
    claimed.map(async (d) => {
      const result = await post(d, timeoutMs);
      const ok = result.status !== null && result.status >= 200 && result.status < 300;
      await db().$transaction(async (tx) => {
        await tx.webhookAttempt.create({ data: { deliveryId: d.id, status: result.status, error: result.error, durationMs: result.ms } });
        if (ok) {
          await tx.$executeRaw`UPDATE "WebhookDelivery" SET status = 'SUCCEEDED', "deliveredAt" = now(), "lastStatus" = ${result.status}, "lastError" = NULL, "lockedUntil" = NULL, "updatedAt" = now() WHERE id = ${d.id}::uuid`;
          await tx.$executeRaw`UPDATE "WebhookEndpoint" SET "failingSince" = NULL, "updatedAt" = now() WHERE id = ${d.endpointId}::uuid AND "failingSince" IS NOT NULL`;
          return;
        }
        const delay = retryDelayMs(d.attempts, result.retryAfter);
        await tx.$executeRaw`
          UPDATE "WebhookDelivery" SET "lastStatus" = ${result.status}, "lastError" = ${result.error}, "lockedUntil" = NULL, "updatedAt" = now(),
            status = CASE WHEN now() + make_interval(secs => ${delay / 1000}) > "retryFrom" + make_interval(secs => ${RETRY_WINDOW_MS / 1000}) THEN 'FAILED'::"WebhookDeliveryStatus" ELSE 'PENDING'::"WebhookDeliveryStatus" END,
            "nextAttemptAt" = now() + make_interval(secs => ${delay / 1000})
          WHERE id = ${d.id}::uuid`;
        await tx.$executeRaw`UPDATE "WebhookEndpoint" SET "failingSince" = now(), "updatedAt" = now() WHERE id = ${d.endpointId}::uuid AND "failingSince" IS NULL`;
        await disableIfFailingTooLong(tx, d.endpointId);
      });
    }),
  );
  return claimed.length;
}

/** Three days of nothing but failures: the endpoint is disabled once, and every active ADMIN is emailed. */
async function disableIfFailingTooLong(tx: Tx, endpointId: string) {
  const [disabled] = await tx.$queryRaw<{ id: string; url: string; failingSince: Date }[]>`
    UPDATE "WebhookEndpoint" SET enabled = false, "disabledAt" = now(), "disabledReason" = 'failing', "updatedAt" = now()
    WHERE id = ${endpointId}::uuid AND enabled AND "failingSince" < now() - make_interval(secs => ${DISABLE_AFTER_MS / 1000})
    RETURNING id, url, "failingSince"`;
  if (!disabled) return;
  await recordAudit(tx, systemActor("webhooks"), {
    action: "webhook.endpoint_auto_disabled",
    entityType: "WebhookEndpoint",
    entityId: disabled.id,
    details: { url: disabled.url, failingSince: disabled.failingSince.toISOString() },
  });
  const admins = await tx.user.findMany({ where: { role: "ADMIN", disabledAt: null }, select: { email: true, locale: true } });
  const settings = await readSettings(tx);
  for (const admin of admins) {
    const t = translator(admin.locale);
    const since = formatDateTime(disabled.failingSince, admin.locale);
    const email = await renderEmail(
      "webhook_disabled",
      admin.locale,
      {
        subject: t("email.webhookDisabled.subject", { host: new URL(disabled.url).host }),
        paragraphs: [t("email.webhookDisabled.body", { url: disabled.url, since })],
        button: { label: t("email.webhookDisabled.button"), href: `${env().APP_URL}/admin/settings/webhooks` },
        footer: t("email.footer.staff"),
      },
      settings,
    );
    await enqueueEmail(tx, admin.email, email);
  }
}

/** After NEXTAUTH_SECRET is rotated: every endpoint's signing secret sealed under the new one. */
export async function resealWebhookSecrets(): Promise<ResealCounts> {
  const endpoints = await db().webhookEndpoint.findMany({ select: { id: true, secret: true } });
  return resealEach(
    SEAL,
    endpoints.map((e) => ({ id: e.id, sealed: e.secret })),
    (id, from, to) => db().webhookEndpoint.updateMany({ where: { id, secret: from }, data: { secret: to } }),
  );
}
