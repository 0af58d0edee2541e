import "server-only";
import { recordAudit, sealForCustomer } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { objectionSchema } from "@/lib/disclosures/schemas";
import { customerInputSchema, terminateSchema, updateCustomerSchema, type CustomerValues } from "./schemas";

const FIELDS = ["fullName", "email", "phone", "address", "organization", "locale", "status"] as const;

async function findSamePerson(values: CustomerValues, exceptId?: string) {
  if (!values.email && !values.phone) return null;
  return db().customer.findFirst({
    where: {
      status: { not: "ERASED" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
      OR: [...(values.email ? [{ email: values.email }] : []), ...(values.phone ? [{ phone: values.phone }] : [])],
    },
    select: { id: true, email: true },
  });
}

/** The one who already has this email or phone, named by a link so staff open it rather than re-type it. */
function duplicateError(values: CustomerValues, existing: { id: string; email: string | null }) {
  const field = values.email && existing.email === values.email ? "email" : "phone";
  return new AppError("CONFLICT", "customers.exists", { [field]: "customers.exists" }, undefined, {
    href: `/admin/customers/${existing.id}`,
    label: "customers.openExisting",
  });
}

export async function createCustomer(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("customers"));
  const values = customerInputSchema.parse(raw);
  const existing = await findSamePerson(values);
  if (existing) throw duplicateError(values, existing);
  return db().$transaction(async (tx) => {
    const customer = await tx.customer.create({ data: { ...values, source: "staff" }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: "customer.created",
      entityType: "Customer",
      entityId: customer.id,
      details: { after: await sealForCustomer(tx, customer.id, values) },
    });
    return customer;
  });
}

/**
 * Edits a customer; the audit event keeps the values before and after each change, sealed with the
 * customer's key so that erasing the customer also erases them from the permanent chain.
 */
export async function updateCustomer(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("customers"));
  const { customerId, ...values } = updateCustomerSchema.parse(raw);
  const existing = await findSamePerson(values, customerId);
  if (existing) throw duplicateError(values, existing);
  await db().$transaction(async (tx) => {
    // The row is held while it is edited: an erasure committing meanwhile is seen (and refused below),
    // never written over.
    await tx.$executeRaw`SELECT 1 FROM "Customer" WHERE id = ${customerId}::uuid FOR UPDATE`;
    const before = await tx.customer.findUnique({
      where: { id: customerId },
      select: { fullName: true, email: true, phone: true, address: true, organization: true, locale: true, status: true },
    });
    if (!before || before.status === "ERASED") throw new AppError("NOT_FOUND", "errors.notFound");
    // Terminated customers keep that status; edits do not reopen the service.
    const next = { ...values, status: before.status === "TERMINATED" ? ("TERMINATED" as const) : values.status };
    const changed = FIELDS.filter((f) => before[f] !== next[f]);
    if (changed.length === 0) return;
    if (changed.includes("email")) {
      // The email is the key to the customer's privacy page: whoever changes it could sign in as them.
      if (actor.kind === "user" && actor.role !== "COMPLIANCE")
        throw new AppError("FORBIDDEN", "customers.emailChangeCompliance", { email: "customers.emailChangeCompliance" });
      await tx.customerSession.deleteMany({ where: { customerId } });
      await tx.authToken.updateMany({ where: { customerId, kind: "CUSTOMER_SIGN_IN", usedAt: null }, data: { usedAt: new Date() } });
    }
    await tx.customer.update({ where: { id: customerId }, data: next });
    await recordAudit(tx, actor, {
      action: "customer.updated",
      entityType: "Customer",
      entityId: customerId,
      details: {
        changes: await sealForCustomer(tx, customerId, Object.fromEntries(changed.map((f) => [f, { before: before[f] ?? null, after: next[f] ?? null }]))),
      },
    });
  });
}

/** Shows a masked phone and address in full; the reveal itself is audited. */
export async function revealContact(actor: Actor, customerId: string) {
  authorize(actor, ...rolesFor("customers"));
  return db().$transaction(async (tx) => {
    const row = await tx.customer.findUnique({ where: { id: customerId }, select: { phone: true, address: true } });
    if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAudit(tx, actor, {
      action: "customer.contact_revealed",
      entityType: "Customer",
      entityId: customerId,
      details: { fields: ["phone", "address"] },
    });
    return row;
  });
}

/** Opening a customer's record is reading personal data: audited. */
export async function recordCustomerView(actor: Actor, customerId: string) {
  authorize(actor, ...rolesFor("customers"));
  await db().$transaction((tx) => recordAudit(tx, actor, { action: "customer.viewed", entityType: "Customer", entityId: customerId }));
}

/** Ends the service: the customer becomes TERMINATED and the retention clock starts. */
export async function terminateCustomer(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("customers"));
  const input = terminateSchema.parse(raw);
  const terminatedAt = new Date(`${input.date}T00:00:00+07:00`);
  // The app's clock, like every other business date (retention counts from it).
  if (terminatedAt.getTime() > (await now()).getTime() + 86_400_000) throw new AppError("BAD_INPUT", "customers.futureDate", { date: "customers.futureDate" });
  await db().$transaction(async (tx) => {
    const { count } = await tx.customer.updateMany({
      where: { id: input.customerId, status: { in: ["LEAD", "ACTIVE"] } },
      data: { status: "TERMINATED", terminatedAt, terminationReason: input.reason },
    });
    if (count === 0) throw new AppError("CONFLICT", "customers.cannotTerminate");
    await recordAudit(tx, actor, {
      action: "customer.terminated",
      entityType: "Customer",
      entityId: input.customerId,
      // The reason may name people or contracts: sealed with the customer's key (erasure shreds it).
      details: { date: input.date, reason: await sealForCustomer(tx, input.customerId, input.reason) },
    });
  });
}

/** The customer objects to sharing: excluded from every later disclosure, at once. Audited. */
export async function recordSharingObjection(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("customers"));
  const { customerId, note } = objectionSchema.parse(raw);
  await db().$transaction(async (tx) => {
    const { count } = await tx.customer.updateMany({
      where: { id: customerId, sharingObjectedAt: null, status: { not: "ERASED" } },
      data: { sharingObjectedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", "customers.alreadyObjected");
    await recordAudit(tx, actor, {
      action: "customer.sharing_objected",
      entityType: "Customer",
      entityId: customerId,
      details: { note: await sealForCustomer(tx, customerId, note) },
    });
  });
}

export type ProposedValues = Partial<Record<"fullName" | "email" | "phone" | "address" | "organization", string>>;

/**
 * Applies values proposed on a form submission to a customer, in the caller's transaction (the
 * caller decided who may: the confirmed owner of the email, or staff). Only values that still
 * differ are written; a phone or email that belongs to another customer is refused. Audited like
 * an edit, the before/after sealed with the customer's key. Returns the fields changed.
 */
export async function applyProposedValues(
  tx: Tx,
  actor: Actor,
  customerId: string,
  proposed: ProposedValues,
  context: { submissionId: string; action: string },
) {
  const before = await tx.customer.findUnique({
    where: { id: customerId },
    select: { fullName: true, email: true, phone: true, address: true, organization: true, status: true },
  });
  if (!before || before.status === "ERASED") throw new AppError("NOT_FOUND", "errors.notFound");
  const changed = (["fullName", "email", "phone", "address", "organization"] as const).filter((f) => proposed[f] && proposed[f] !== before[f]);
  if (changed.length === 0) return [];
  const contacts = changed.filter((f) => f === "email" || f === "phone").map((f) => ({ [f]: proposed[f] }));
  if (contacts.length && (await tx.customer.findFirst({ where: { id: { not: customerId }, status: { not: "ERASED" }, OR: contacts }, select: { id: true } }))) {
    throw new AppError("CONFLICT", "proposals.contactTaken");
  }
  await tx.customer.update({ where: { id: customerId }, data: Object.fromEntries(changed.map((f) => [f, proposed[f]])) });
  await recordAudit(tx, actor, {
    action: context.action,
    entityType: "Customer",
    entityId: customerId,
    details: {
      customerId,
      submissionId: context.submissionId,
      changes: await sealForCustomer(tx, customerId, Object.fromEntries(changed.map((f) => [f, { before: before[f] ?? null, after: proposed[f] ?? null }]))),
    },
  });
  return changed;
}
