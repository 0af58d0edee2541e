import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, systemActor, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { applyProposedValues, type ProposedValues } from "@/lib/customers/mutations";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { SECRET_LINK } from "@/lib/email/secret-link";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readSettings } from "@/lib/settings/queries";
import { mailboxOf } from "@/lib/forms/normalize";
import { limitKey } from "@/lib/rate-limit/address";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { CONFIRM_DAYS, MAX_CONFIRMATIONS_PER_DAY, MAX_CONFIRMATIONS_PER_MAILBOX_PER_DAY } from "./rules";

// Double opt-in. Consent ticked on a public form (except for immediate purposes) and details that
// differ from an existing customer's record wait on the submission until the owner of the email
// address confirms them with a single-use link. Until then they count for nothing: the ledger and
// the record only ever hold what the app saw the owner do.

export type PendingConsent = { purposeId: string; key: string; wording: string; evidence: Record<string, unknown> };

/**
 * The job: sends the confirmation link for submissions that wait for one. The job system runs
 * one at a time across instances (a stately queue, lib/jobs); the link, its email and the mark are written in one transaction.
 */
export async function sendConfirmationEmails(limit = 20): Promise<number> {
  return db().$transaction(async (tx) => {
    const due = await tx.$queryRaw<
      {
        id: string;
        customerId: string;
        email: string;
        ipKey: string | null;
        locale: "vi" | "en";
        expiresAt: Date;
        titleVi: string;
        titleEn: string;
        pending: PendingConsent[];
        proposed: ProposedValues | null;
      }[]
    >`
      SELECT s.id, s."customerId", s.fields ->> 'email' AS email, s."ipKey", s.locale::text AS locale, s."confirmExpiresAt" AS "expiresAt",
             f."titleVi", f."titleEn", s."pendingConsents" AS pending, s."proposedChanges" AS proposed
      FROM "Submission" s JOIN "Form" f ON f.id = s."formId"
      WHERE s."confirmationStatus" = 'PENDING' AND s."confirmationSentAt" IS NULL
      ORDER BY s."createdAt" LIMIT ${limit} FOR UPDATE OF s`;
    if (due.length === 0) return 0;
    const company = await readSettings(tx);
    const at = new Date();
    for (const s of due) {
      await tx.submission.update({ where: { id: s.id }, data: { confirmationSentAt: at } });
      const overLimit =
        !!s.email &&
        (
          await hitRateLimits(
            [
              { key: `confirm:sender:${limitKey(`${mailboxOf(s.email)} ${s.ipKey ?? ""}`)}`, limit: MAX_CONFIRMATIONS_PER_DAY, windowSeconds: 86_400 },
              { key: `confirm:mailbox:${limitKey(mailboxOf(s.email))}`, limit: MAX_CONFIRMATIONS_PER_MAILBOX_PER_DAY, windowSeconds: 86_400 },
            ],
            tx,
          )
        ).some((r) => !r.allowed);
      if (!s.email || s.expiresAt <= at || overLimit) {
        await recordAudit(tx, systemActor("confirmations"), {
          action: "submission.confirmation_suppressed",
          entityType: "Submission",
          entityId: s.id,
          details: { customerId: s.customerId, reason: s.email ? "daily_limit" : "no_email" },
        });
        continue;
      }
      const { token, hash } = newToken();
      await tx.authToken.create({ data: { kind: "CONSENT_CONFIRM", tokenHash: hash, submissionId: s.id, customerId: s.customerId, expiresAt: s.expiresAt } });
      const labels = await tx.purpose.findMany({
        where: { id: { in: s.pending.map((p) => p.purposeId) } },
        orderBy: { sortOrder: "asc" },
        select: { labelVi: true, labelEn: true },
      });
      const email = await renderEmail(
        "consent_confirmation",
        s.locale,
        {
          link: SECRET_LINK,
          days: CONFIRM_DAYS,
          formTitle: s.locale === "en" ? s.titleEn : s.titleVi,
          purposes: labels.map((l) => (s.locale === "en" ? l.labelEn : l.labelVi)),
          detailsChanged: !!s.proposed,
        },
        company,
      );
      await enqueueEmail(tx, s.email, email, { secretLink: `${env().APP_URL}/confirm/${token}?lang=${s.locale}` });
      await recordAudit(tx, systemActor("confirmations"), {
        action: "submission.confirmation_sent",
        entityType: "Submission",
        entityId: s.id,
        details: { customerId: s.customerId },
      });
    }
    return due.length;
  });
}

async function claimToken(tx: Tx, token: string, at: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError("NOT_FOUND", "confirm.linkInvalid");
  const hash = hashToken(token);
  const [used] = await tx.$queryRaw<{ submissionId: string }[]>`
    UPDATE "AuthToken" SET "usedAt" = ${at}
    WHERE "tokenHash" = ${hash} AND kind = 'CONSENT_CONFIRM' AND "usedAt" IS NULL AND "expiresAt" > ${at}
    RETURNING "submissionId"`;
  if (used) return used.submissionId;
  const row = await tx.authToken.findUnique({ where: { tokenHash: hash }, select: { kind: true, usedAt: true } });
  if (row?.kind !== "CONSENT_CONFIRM") throw new AppError("NOT_FOUND", "confirm.linkInvalid");
  throw new AppError("EXPIRED", row.usedAt ? "confirm.linkUsed" : "confirm.linkExpired");
}

/**
 * The owner of the address confirms, once: each pending consent becomes a GRANTED event carrying
 * the form's evidence and the confirmation (time, address, browser, as this app observed them), and
 * the proposed details are applied. Returns what was confirmed.
 */
export async function confirmSubmission(token: string, context: { ip: string; userAgent: string | null }) {
  // The link's lifetime runs on real time; the consent it grants is placed on the app's clock, like
  // every other consent change, so the ledger orders it correctly against them.
  const at = await now();
  return db().$transaction(async (tx) => {
    const submissionId = await claimToken(tx, token, new Date());
    const s = await tx.submission.findUniqueOrThrow({
      where: { id: submissionId },
      select: {
        id: true,
        formId: true,
        customerId: true,
        locale: true,
        ip: true,
        userAgent: true,
        createdAt: true,
        pendingConsents: true,
        proposedChanges: true,
        proposalStatus: true,
        confirmationStatus: true,
        customer: { select: { status: true } },
      },
    });
    if (!s.customerId || s.customer?.status === "ERASED" || s.confirmationStatus !== "PENDING") throw new AppError("NOT_FOUND", "confirm.linkInvalid");
    const actor: Actor = { kind: "customer", customerId: s.customerId, sessionId: `confirm:${s.id}` };
    const pending = (s.pendingConsents ?? []) as PendingConsent[];
    const confirmation = { method: "email_link", at: at.toISOString(), ip: context.ip, userAgent: context.userAgent, submittedAt: s.createdAt.toISOString() };
    for (const p of pending) {
      const event = await tx.consentEvent.create({
        data: {
          customerId: s.customerId,
          purposeId: p.purposeId,
          action: "GRANTED",
          source: "FORM",
          policyVersionId: await policyIdOf(tx, p),
          wording: p.wording,
          locale: s.locale,
          formId: s.formId,
          submissionId: s.id,
          ip: s.ip,
          userAgent: s.userAgent,
          givenAt: at,
          evidence: { ...p.evidence, confirmation },
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "consent.confirmed",
        entityType: "ConsentEvent",
        entityId: event.id,
        details: { customerId: s.customerId, purpose: p.key, submissionId: s.id },
      });
    }
    const proposed = s.proposalStatus === "PENDING" ? ((s.proposedChanges ?? {}) as ProposedValues) : {};
    // The consent stands on its own: details that cannot be applied (a phone another record holds)
    // stay proposed for staff to decide, instead of taking the owner's confirmation down with them.
    let leftForStaff = false;
    const applied = await applyProposedValues(tx, actor, s.customerId, proposed, { submissionId: s.id, action: "customer.updated_by_confirmation" }).catch(
      (error: unknown) => {
        if (!(error instanceof AppError && error.userMessage === "proposals.contactTaken")) throw error;
        leftForStaff = true;
        return [] as string[];
      },
    );
    await tx.submission.update({
      where: { id: s.id },
      data: {
        confirmationStatus: "CONFIRMED",
        confirmedAt: at,
        confirmIp: context.ip,
        confirmUserAgent: context.userAgent?.slice(0, 500) ?? null,
        ...(s.proposalStatus === "PENDING" && !leftForStaff ? { proposalStatus: "CONFIRMED", proposalDecidedAt: at } : {}),
      },
    });
    await recordAudit(tx, actor, {
      action: "submission.confirmed",
      entityType: "Submission",
      entityId: s.id,
      details: {
        customerId: s.customerId,
        consents: pending.map((p) => p.key),
        appliedFields: applied,
        ...(leftForStaff ? { detailsLeftForStaff: "contact_taken" } : {}),
      },
    });
    return { purposes: pending.map((p) => p.key), appliedFields: applied, detailsLeftForStaff: leftForStaff };
  });
}

/** The version the visitor was shown, from the evidence the form recorded (its number). */
async function policyIdOf(tx: Tx, p: PendingConsent) {
  const number = typeof p.evidence.policyVersion === "number" ? p.evidence.policyVersion : null;
  if (number === null) return null;
  return (await tx.policyVersion.findUnique({ where: { number }, select: { id: true } }))?.id ?? null;
}

/** Staff apply (audited) or dismiss the details a visitor proposed for an existing customer. */
export async function decideProposal(actor: Actor, input: { submissionId: string; decision: "APPLY" | "DISMISS" }) {
  authorize(actor, ...rolesFor("customers"));
  return db().$transaction(async (tx) => {
    const s = await tx.submission.findFirst({
      where: { id: input.submissionId, proposalStatus: "PENDING" },
      select: { id: true, customerId: true, proposedChanges: true },
    });
    if (!s?.customerId) throw new AppError("CONFLICT", "proposals.notPending");
    const at = new Date();
    const applied =
      input.decision === "APPLY"
        ? await applyProposedValues(tx, actor, s.customerId, (s.proposedChanges ?? {}) as ProposedValues, {
            submissionId: s.id,
            action: "customer.updated_from_submission",
          })
        : [];
    await tx.submission.update({
      where: { id: s.id },
      data: {
        proposalStatus: input.decision === "APPLY" ? "APPLIED" : "DISMISSED",
        proposalDecidedAt: at,
        proposalDecidedById: actor.kind === "user" ? actor.id : null,
      },
    });
    if (input.decision === "DISMISS") {
      await recordAudit(tx, actor, {
        action: "submission.proposal_dismissed",
        entityType: "Submission",
        entityId: s.id,
        details: { customerId: s.customerId },
      });
    }
    return { applied };
  });
}
