import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor, type ApiActor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { env } from "@/lib/env";
import { translator } from "@/lib/i18n/translate";
import { readSettings } from "@/lib/settings/queries";
import { AppError } from "@/lib/errors";
import { apiKeyIdSchema, createApiKeySchema, revokeApiKeySchema } from "./schemas";
import type { ApiScope } from "./scopes";

// A key is "crk_<prefix>_<secret>": the prefix finds the row and stays visible in lists; only a
// SHA-256 of the whole key is stored (the secret has 256 bits, so a fast hash is enough), and it is
// compared in constant time. The key itself is shown once, when it is made.
const KEY_PATTERN = /^crk_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");

/** Scopes that read or write personal data (all but managing webhooks, whose events carry ids only). */
export const personalScopes = (scopes: readonly string[]) => scopes.filter((s) => s !== "webhooks:manage");

/**
 * Makes a key; the key itself is returned once. A key that reaches personal data made by an ADMIN
 * (who has no access to the register) waits for a compliance officer's approval before it works;
 * one made on the command line (the system) is approved as it is made.
 */
export async function createApiKey(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("settings"));
  const input = createApiKeySchema.parse(raw);
  const prefix = randomBytes(8).toString("hex").slice(0, 10);
  const key = `crk_${prefix}_${randomBytes(32).toString("base64url")}`;
  const needsApproval = actor.kind !== "system" && personalScopes(input.scopes).length > 0;
  return db().$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        name: input.name,
        prefix,
        hash: sha256(key),
        scopes: [...new Set(input.scopes)],
        rateLimitPerMinute: input.rateLimitPerMinute,
        createdById: actor.kind === "user" ? actor.id : null,
        approvedAt: needsApproval ? null : new Date(),
      },
      select: { id: true, prefix: true },
    });
    await tellComplianceOfPersonalDataKey(tx, actor, input.name, input.scopes, needsApproval);
    await recordAudit(tx, actor, {
      action: "api_key.created",
      entityType: "ApiKey",
      entityId: row.id,
      details: { name: input.name, prefix, scopes: input.scopes, rateLimitPerMinute: input.rateLimitPerMinute, awaitsApproval: needsApproval },
    });
    return { id: row.id, prefix: row.prefix, key, awaitsApproval: needsApproval };
  });
}

/** A compliance officer lets a waiting key work. */
export async function approveApiKey(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const { id } = apiKeyIdSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id, approvedAt: null, revokedAt: null },
      data: { approvedAt: new Date(), approvedById: actor.kind === "user" ? actor.id : null },
    });
    if (count === 0) throw new AppError("CONFLICT", "apiKeys.notWaiting");
    await recordAudit(tx, actor, { action: "api_key.approved", entityType: "ApiKey", entityId: id });
    return { id };
  });
}

/** A compliance officer refuses a waiting key, or withdraws an approved one: it stops working for good. */
export async function refuseApiKey(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const { id } = apiKeyIdSchema.parse(raw);
  return db().$transaction((tx) => stopKey(tx, actor, id, "api_key.refused"));
}

/**
 * An ADMIN manages keys but has no access to the register itself: a key that reads or writes
 * personal data is therefore made known, at once, to every compliance officer.
 */
async function tellComplianceOfPersonalDataKey(tx: Tx, actor: Actor, name: string, scopes: readonly ApiScope[], awaitsApproval: boolean) {
  const personal = personalScopes(scopes);
  if (personal.length === 0) return;
  const officers = await tx.user.findMany({ where: { role: "COMPLIANCE", disabledAt: null }, select: { email: true, locale: true } });
  const settings = await readSettings(tx);
  const creator = actor.kind === "user" ? `${actor.name} (${actor.email})` : actor.kind === "system" ? actor.label : "—";
  for (const officer of officers) {
    const t = translator(officer.locale);
    const email = await renderEmail(
      "api_key_notice",
      officer.locale,
      {
        subject: t("apiKeys.personalDataNotice.subject", { name }),
        paragraphs: [
          t("apiKeys.personalDataNotice.body", { creator, name, scopes: personal.map((s) => t(`apiKeys.scope.${s as ApiScope}`)).join(", ") }),
          t(awaitsApproval ? "apiKeys.personalDataNotice.approve" : "apiKeys.personalDataNotice.madeBySystem"),
        ],
        button: { label: t("apiKeys.personalDataNotice.button"), href: `${env().APP_URL}/admin/records/api-keys` },
        footer: t("email.footer.staff"),
      },
      settings,
    );
    await enqueueEmail(tx, officer.email, email);
  }
}

export async function revokeApiKey(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("settings"));
  const { id } = revokeApiKeySchema.parse(raw);
  return db().$transaction((tx) => stopKey(tx, actor, id, "api_key.revoked"));
}

/**
 * Revokes a key for good (an ADMIN revoking it, a compliance officer refusing or stopping it). The
 * webhooks the key set up stop with it: the partner's access is withdrawn, not only its calls.
 */
async function stopKey(tx: Tx, actor: Actor, id: string, action: "api_key.revoked" | "api_key.refused") {
  const [row] = await tx.$queryRaw<{ approvedAt: Date | null }[]>`
    UPDATE "ApiKey" SET "revokedAt" = now(), "revokedById" = ${actor.kind === "user" ? actor.id : null}::uuid
    WHERE id = ${id}::uuid AND "revokedAt" IS NULL RETURNING "approvedAt"`;
  if (!row) throw new AppError("NOT_FOUND", "apiKeys.notActive");
  const endpoints = await tx.webhookEndpoint.updateMany({
    where: { createdByKeyId: id, enabled: true },
    data: { enabled: false, disabledAt: new Date(), disabledReason: "key_revoked" },
  });
  const details = { webhookEndpointsDisabled: endpoints.count };
  await recordAudit(tx, actor, {
    action,
    entityType: "ApiKey",
    entityId: id,
    details: action === "api_key.refused" ? { wasApproved: row.approvedAt !== null, ...details } : details,
  });
  return { id };
}

/**
 * The actor for a bearer key, or null when the key is malformed, unknown, wrong or revoked (the
 * caller answers 401 alike for all). Marks the key used, at most once a minute.
 */
export async function authenticateApiKey(
  key: string,
  ip: string | undefined,
): Promise<{ actor: ApiActor; perMinute: number } | { awaitsApproval: true } | null> {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const row = await db().apiKey.findUnique({
    where: { prefix: match[1] },
    select: { id: true, name: true, hash: true, scopes: true, revokedAt: true, approvedAt: true, lastUsedAt: true, rateLimitPerMinute: true },
  });
  if (!row || row.revokedAt) return null;
  if (!timingSafeEqual(Buffer.from(row.hash, "hex"), Buffer.from(sha256(key), "hex"))) return null;
  // The right key, not yet approved: said so (only the key's holder learns it).
  if (!row.approvedAt) return { awaitsApproval: true };
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() }, select: { id: true } });
  }
  return { actor: { kind: "api", keyId: row.id, name: row.name, scopes: row.scopes as ApiScope[], ip }, perMinute: row.rateLimitPerMinute };
}
