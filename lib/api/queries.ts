import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { authorizeScope, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { customerPageSql, type CustomerListRow } from "@/lib/customers/queries";
import { decodeCursor, encodeCursor } from "@/lib/customers/search";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type * as s from "./schemas";

// What /api/v1 reads, as the public DTOs of lib/api/schemas.ts. Every function checks the key's
// scope itself (house style 2). Keyset cursors are opaque: (time, id) of the last row.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const badCursor = () => new AppError("BAD_INPUT", "errors.badInput", { "query.cursor": "api.cursor" });

function cursorOf(raw: string | undefined) {
  if (!raw) return null;
  const c = decodeCursor(raw);
  if (!c || Number.isNaN(Date.parse(c.v))) throw badCursor();
  return { at: new Date(c.v), id: c.id };
}

/** The register's search and keyset paging (the same SQL as the list page), newest first. */
export async function apiListCustomers(actor: Actor, query: z.output<typeof s.customerListQuery>) {
  authorizeScope(actor, "customers:read", ...rolesFor("customers"));
  if (query.cursor) cursorOf(query.cursor);
  const { sql } = customerPageSql({ q: query.q, match: query.match, status: query.status, sort: "newest", after: query.cursor }, null, {
    pageSize: query.limit,
  });
  const rows = await db().$queryRaw<CustomerListRow[]>(sql);
  const more = rows.length > query.limit;
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((r) => ({
      id: r.id,
      fullName: r.fullName,
      email: r.email,
      phone: r.phone,
      address: r.address,
      organization: r.organization,
      status: r.status,
      source: r.source,
      createdAt: r.createdAt.toISOString(),
    })),
    next: more && last ? encodeCursor({ v: last.sortKey, id: last.id }) : null,
  };
}

export async function apiGetCustomer(actor: Actor, id: string) {
  authorizeScope(actor, "customers:read", ...rolesFor("customers"));
  const c = await db().customer.findUnique({
    where: { id },
    select: {
      id: true,
      fullName: true,
      email: true,
      phone: true,
      address: true,
      organization: true,
      status: true,
      locale: true,
      source: true,
      createdAt: true,
      sharingObjectedAt: true,
    },
  });
  if (!c) return null;
  return { ...c, createdAt: c.createdAt.toISOString(), sharingObjectedAt: iso(c.sharingObjectedAt) };
}

export async function apiListConsents(actor: Actor, customerId: string) {
  authorizeScope(actor, "consents:read", ...rolesFor("customers"));
  if (!(await db().customer.findUnique({ where: { id: customerId }, select: { id: true } }))) return null;
  const [purposes, events] = await Promise.all([
    db().purpose.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, key: true } }),
    db().consentEvent.findMany({
      where: { customerId },
      orderBy: [{ givenAt: "desc" }, { createdAt: "desc" }],
      select: { id: true, purposeId: true, action: true, source: true, givenAt: true, wording: true, policyVersion: { select: { number: true } } },
    }),
  ]);
  const states = await db().consentState.findMany({ where: { customerId }, select: { purposeId: true, action: true, givenAt: true } });
  return {
    data: purposes.map((p) => {
      const state = states.find((x) => x.purposeId === p.id);
      return {
        purpose: p.key,
        status: state?.action ?? ("NONE" as const),
        since: iso(state?.givenAt ?? null),
        events: events
          .filter((e) => e.purposeId === p.id)
          .map((e) => ({
            id: e.id,
            action: e.action,
            source: e.source,
            givenAt: e.givenAt.toISOString(),
            policyVersion: e.policyVersion?.number ?? null,
            wording: e.wording,
          })),
      };
    }),
  };
}

/** Submissions oldest first from `since`, so a poller can keep its place with the cursor. */
export async function apiListSubmissions(actor: Actor, query: z.output<typeof s.submissionListQuery>) {
  authorizeScope(actor, "submissions:read", ...rolesFor("forms"));
  const cursor = cursorOf(query.cursor);
  const where: Prisma.SubmissionWhereInput = {
    ...(query.formId ? { formId: query.formId } : {}),
    ...(query.since ? { createdAt: { gte: new Date(query.since) } } : {}),
    ...(cursor ? { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] } : {}),
  };
  const rows = await db().submission.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      formId: true,
      form: { select: { slug: true } },
      customerId: true,
      locale: true,
      fields: true,
      answers: true,
      createdAt: true,
      answeredAt: true,
    },
  });
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((r) => ({
      id: r.id,
      formId: r.formId,
      formSlug: r.form.slug,
      customerId: r.customerId,
      locale: r.locale,
      fields: (r.fields ?? {}) as Record<string, string>,
      answers: (r.answers ?? {}) as Record<string, unknown>,
      createdAt: r.createdAt.toISOString(),
      answeredAt: iso(r.answeredAt),
    })),
    next: rows.length > query.limit && last ? encodeCursor({ v: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

export async function apiListPurposes(actor: Actor) {
  authorizeScope(actor, "consents:read", ...rolesFor("customers"));
  const data = await db().purpose.findMany({
    where: { active: true },
    orderBy: { sortOrder: "asc" },
    select: { key: true, legalBasis: true, labelVi: true, labelEn: true, descriptionVi: true, descriptionEn: true },
  });
  return { data };
}

/**
 * Approved and delivered disclosures in the order they were approved, from `since` (an approval time);
 * confidential authority requests never leave. By approval, not creation: one prepared long ago and
 * approved after a poller's cursor moved on must still reach it.
 */
export async function apiListDisclosures(actor: Actor, query: z.output<typeof s.disclosureListQuery>) {
  authorizeScope(actor, "disclosures:read", "STAFF", "COMPLIANCE");
  const cursor = cursorOf(query.cursor);
  const rows = await db().disclosure.findMany({
    where: {
      status: { in: ["APPROVED", "DELIVERED"] },
      confidential: false,
      approvedAt: { not: null, ...(query.since ? { gte: new Date(query.since) } : {}) },
      ...(cursor ? { OR: [{ approvedAt: { gt: cursor.at } }, { approvedAt: cursor.at, id: { gt: cursor.id } }] } : {}),
    },
    orderBy: [{ approvedAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      reason: true,
      fields: true,
      status: true,
      itemsIncluded: true,
      approvedAt: true,
      createdAt: true,
      recipient: { select: { id: true, name: true, category: true } },
    },
  });
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((d) => ({
      id: d.id,
      recipient: d.recipient,
      reason: d.reason,
      fields: d.fields,
      status: d.status,
      customers: d.itemsIncluded,
      approvedAt: iso(d.approvedAt),
      createdAt: d.createdAt.toISOString(),
    })),
    next: rows.length > query.limit && last?.approvedAt ? encodeCursor({ v: last.approvedAt.toISOString(), id: last.id }) : null,
  };
}
