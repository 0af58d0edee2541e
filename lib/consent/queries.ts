import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

const eventSelect = {
  id: true,
  action: true,
  source: true,
  wording: true,
  locale: true,
  givenAt: true,
  createdAt: true,
  ip: true,
  userAgent: true,
  method: true,
  documentRef: true,
  evidence: true,
  mergedFromId: true,
  purpose: { select: { key: true, labelVi: true, labelEn: true } },
  policyVersion: { select: { number: true } },
  form: { select: { slug: true, titleVi: true, titleEn: true } },
  staff: { select: { name: true, email: true } },
} satisfies Prisma.ConsentEventSelect;

export type ConsentEventRow = Prisma.ConsentEventGetPayload<{ select: typeof eventSelect }>;

/** Every purpose with this customer's current state (or none yet) and the full history per purpose. */
export async function consentOverview(actor: Actor, customerId: string) {
  authorize(actor, ...rolesFor("customers"));
  const [purposes, states, events] = await Promise.all([
    db().purpose.findMany({
      where: { active: true },
      orderBy: { sortOrder: "asc" },
      select: { id: true, key: true, legalBasis: true, labelVi: true, labelEn: true, descriptionVi: true, descriptionEn: true },
    }),
    db().consentState.findMany({ where: { customerId }, select: { purposeId: true, action: true, givenAt: true } }),
    db().consentEvent.findMany({ where: { customerId }, orderBy: [{ givenAt: "desc" }, { createdAt: "desc" }], select: { ...eventSelect, purposeId: true } }),
  ]);
  return purposes.map((purpose) => ({
    purpose,
    current: states.find((s) => s.purposeId === purpose.id) ?? null,
    events: events.filter((e) => e.purposeId === purpose.id),
  }));
}
