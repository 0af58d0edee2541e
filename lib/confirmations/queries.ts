import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { hashToken } from "@/lib/auth/tokens";
import { maskAddress, maskPhone, masksContacts } from "@/lib/customers/masking";
import type { ProposedValues } from "@/lib/customers/mutations";
import { db } from "@/lib/db";
import type { PendingConsent } from "./mutations";

/**
 * What a confirmation link would confirm, for the page it opens (which changes nothing: the button
 * does). Only the holder of the link sees this, and it is what they themselves sent.
 */
export async function previewConfirmation(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: "invalid" as const };
  const row = await db().authToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      kind: true,
      usedAt: true,
      expiresAt: true,
      submission: {
        select: { createdAt: true, pendingConsents: true, proposedChanges: true, proposalStatus: true, form: { select: { titleVi: true, titleEn: true } } },
      },
    },
  });
  if (row?.kind !== "CONSENT_CONFIRM" || !row.submission) return { state: "invalid" as const };
  if (row.usedAt) return { state: "used" as const };
  if (row.expiresAt <= new Date()) return { state: "expired" as const };
  const s = row.submission;
  const keys = ((s.pendingConsents ?? []) as PendingConsent[]).map((p) => p.key);
  const purposes = await db().purpose.findMany({
    where: { key: { in: keys } },
    orderBy: { sortOrder: "asc" },
    select: { key: true, labelVi: true, labelEn: true },
  });
  return {
    state: "valid" as const,
    submittedAt: s.createdAt,
    form: s.form,
    purposes,
    proposed: s.proposalStatus === "PENDING" ? ((s.proposedChanges ?? {}) as ProposedValues) : {},
  };
}

/** Details visitors proposed for this customer, still undecided (contacts masked as in the register). */
export async function pendingProposals(actor: Actor, customerId: string) {
  authorize(actor, ...rolesFor("customers"));
  const rows = await db().submission.findMany({
    where: { customerId, proposalStatus: "PENDING" },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: {
      id: true,
      createdAt: true,
      proposedChanges: true,
      confirmationStatus: true,
      confirmExpiresAt: true,
      form: { select: { titleVi: true, titleEn: true } },
    },
  });
  const mask = masksContacts(actor.kind === "user" ? actor.role : "system");
  return rows.map(({ proposedChanges, ...r }) => {
    const proposed = (proposedChanges ?? {}) as ProposedValues;
    const shown = mask
      ? { ...proposed, phone: maskPhone(proposed.phone ?? null) ?? undefined, address: maskAddress(proposed.address ?? null) ?? undefined }
      : proposed;
    const awaitingOwner = r.confirmationStatus === "PENDING" && !!r.confirmExpiresAt && r.confirmExpiresAt > new Date();
    return { ...r, proposed: Object.fromEntries(Object.entries(shown).filter(([, v]) => v)) as ProposedValues, awaitingOwner };
  });
}
