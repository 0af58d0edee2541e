import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { findPolicyInForce, findUpcomingPolicy } from "@/lib/policies/queries";
import { readFieldModes, readQuestions } from "./definition";

const formSelect = {
  id: true,
  slug: true,
  kind: true,
  status: true,
  titleVi: true,
  titleEn: true,
  introVi: true,
  introEn: true,
  fields: true,
  questions: true,
  thankYouVi: true,
  thankYouEn: true,
  redirectUrl: true,
  allowedOrigins: true,
  updatedAt: true,
  purposes: {
    orderBy: { sortOrder: "asc" },
    select: { purpose: { select: { id: true, key: true, labelVi: true, labelEn: true, descriptionVi: true, descriptionEn: true, immediate: true } } },
  },
} satisfies Prisma.FormSelect;

type FormRow = Prisma.FormGetPayload<{ select: typeof formSelect }>;

function toDefinition(row: FormRow) {
  const { purposes, fields, questions, ...rest } = row;
  return { ...rest, fields: readFieldModes(fields), questions: readQuestions(questions), purposes: purposes.map((p) => p.purpose) };
}
export type FormDefinition = ReturnType<typeof toDefinition>;
export type PublicForm = FormDefinition & {
  policy: { id: string; number: number } | null;
  /** An announced version not yet in force: the form shows "the policy changes on …". */
  upcoming: { number: number; effectiveAt: Date } | null;
};

async function withPolicy(form: FormDefinition): Promise<PublicForm> {
  const at = await now();
  const [policy, upcoming] = await Promise.all([findPolicyInForce(at), findUpcomingPolicy(at)]);
  return {
    ...form,
    policy: policy ? { id: policy.id, number: policy.number } : null,
    upcoming: upcoming?.effectiveAt ? { number: upcoming.number, effectiveAt: upcoming.effectiveAt } : null,
  };
}

/**
 * Public form definitions are read on every visit and submission, so each instance keeps them for a
 * few seconds. It is only a cache: the database stays the truth, and an edit reaches every instance
 * within PUBLIC_FORM_CACHE_MS.
 */
export const PUBLIC_FORM_CACHE_MS = 5000;
const publicForms = new Map<string, { at: number; form: Promise<PublicForm | null> }>();

/** A published form as visitors see it, with the policy version in force (public data). */
export async function findPublishedForm(slug: string): Promise<PublicForm | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const cached = publicForms.get(slug);
  if (cached && Date.now() - cached.at < PUBLIC_FORM_CACHE_MS) return cached.form;
  const form = db()
    .form.findFirst({ where: { slug, status: "PUBLISHED" }, select: formSelect })
    .then((row) => (row ? withPolicy(toDefinition(row)) : null));
  if (publicForms.size > 1000) publicForms.clear();
  publicForms.set(slug, { at: Date.now(), form });
  form.catch(() => publicForms.delete(slug));
  return form;
}

/** Forgets cached definitions in this instance (after an edit here; others expire on their own). */
export function forgetPublishedForms() {
  publicForms.clear();
}

/** Any form, for staff previews and the editor. */
export async function getForm(actor: Actor, id: string): Promise<PublicForm | null> {
  authorize(actor, ...rolesFor("forms"));
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await db().form.findUnique({ where: { id }, select: formSelect });
  return row ? withPolicy(toDefinition(row)) : null;
}

export async function listForms(actor: Actor) {
  authorize(actor, ...rolesFor("forms"));
  const forms = await db().form.findMany({
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
    select: { id: true, slug: true, kind: true, status: true, titleVi: true, titleEn: true, updatedAt: true, _count: { select: { submissions: true } } },
  });
  return forms.map(({ _count, ...f }) => ({ ...f, submissionCount: _count.submissions }));
}

export async function slugTaken(slug: string, exceptId?: string) {
  return (await db().form.count({ where: { slug, ...(exceptId ? { id: { not: exceptId } } : {}) } })) > 0;
}
