import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import { recordAccessRefused } from "@/lib/audit/mutations";
import type { CustomerActor, StaffActor } from "@/lib/auth/actor";
import { currentCustomer } from "@/lib/auth/customer-session";
import { ACTIONS, allows, type Access, type ActionName } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { AppError, isAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { translateMessage, type Translate } from "@/lib/i18n/translate";

export type ActionError = { code: ErrorCode; message: string; fieldErrors?: FieldErrors; link?: { href: string; label: string } };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

function zodFieldErrors(t: Translate, error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.join(".") || "form";
    fields[name] ??= translateMessage(t, issue.message);
  }
  return fields;
}

/** Maps any error to what the user may see: AppError texts, field errors, or a generic message. */
export function toActionError(t: Translate, error: unknown): ActionError {
  if (error instanceof ZodError) {
    return { code: "BAD_INPUT", message: t("errors.badInput"), fieldErrors: zodFieldErrors(t, error) };
  }
  if (isAppError(error)) {
    const fieldErrors = error.fieldErrors
      ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, translateMessage(t, v, error.params)]))
      : undefined;
    const link = error.link ? { href: error.link.href, label: translateMessage(t, error.link.label, error.params) } : undefined;
    return { code: error.code, message: translateMessage(t, error.userMessage, error.params), fieldErrors, ...(link ? { link } : {}) };
  }
  console.error("[action] unexpected error", error);
  return { code: "INTERNAL", message: t("errors.generic") };
}

async function run<T>(fn: (t: Translate) => Promise<T>): Promise<ActionResult<T>> {
  const { t } = await getT();
  try {
    return { ok: true, data: await fn(t) };
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, error: toActionError(t, error) };
  }
}

function accessOf(name: ActionName): Access {
  return ACTIONS[name];
}

/**
 * Input is parsed once (house style 13). Most lib functions parse their raw input themselves with
 * the shared schema (every caller — actions, jobs, scripts, tests — goes through that one check);
 * their actions say so with `parsedByLib(schema)` and hand the raw input on. Actions that pass
 * plain values (an id) to lib give the schema itself, and the wrapper parses.
 */
export type ParsedByLib<I> = { readonly parsedByLib: true; readonly input?: I };
export function parsedByLib<S extends z.ZodType>(_schema: S): ParsedByLib<z.input<S>> {
  return { parsedByLib: true };
}
type InputSpec = z.ZodType | ParsedByLib<unknown>;
type Parsed<S> = S extends ParsedByLib<infer I> ? I : S extends z.ZodType ? z.output<S> : never;
type Raw<S> = S extends ParsedByLib<infer I> ? I : S extends z.ZodType ? z.input<S> : never;

function parse<S extends InputSpec>(spec: S, raw: unknown): Parsed<S> {
  return ("parsedByLib" in spec ? raw : (spec as z.ZodType).parse(raw)) as Parsed<S>;
}

/**
 * The one wrapper for staff server actions (house style 5): re-reads the session from the database,
 * checks the role against the one table (lib/auth/permissions ACTIONS) before reading any input,
 * parses the input once, and returns a result instead of throwing. The lib function called by
 * `handler` checks the actor's role itself too.
 */
export function staffAction<S extends InputSpec, T>(name: ActionName, spec: S, handler: (actor: StaffActor, input: Parsed<S>) => Promise<T>) {
  return async (raw: Raw<S>): Promise<ActionResult<T>> =>
    run(async () => {
      const actor = await signedInStaff(name);
      return handler(actor, parse(spec, raw));
    });
}

async function signedInStaff(name: ActionName) {
  const access = accessOf(name);
  if (typeof access !== "object" || !("roles" in access)) throw new Error(`${name} is not a staff action in lib/auth/permissions.ts`);
  const actor = await currentActor({ allowRestricted: true });
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signedOut");
  if (actor.restricted && !access.restricted) throw new AppError("FORBIDDEN", "auth.twoFactorSetupRequired");
  if (!allows(access, actor.role)) {
    await recordAccessRefused(actor, { action: name, reason: "role" });
    throw new AppError("FORBIDDEN", "errors.forbidden");
  }
  return actor;
}

/** Like staffAction, for forms that upload a file: the client sends FormData. */
export function staffFormAction<S extends InputSpec, T>(name: ActionName, spec: S, handler: (actor: StaffActor, input: Parsed<S>) => Promise<T>) {
  return async (formData: FormData): Promise<ActionResult<T>> =>
    run(async () => {
      const actor = await signedInStaff(name);
      if (!(formData instanceof FormData)) throw new AppError("BAD_INPUT", "errors.badInput");
      return handler(actor, parse(spec, Object.fromEntries(formData)));
    });
}

/** For actions anyone may call (e.g. setting a password from an emailed link). */
export function publicAction<S extends InputSpec, T>(name: ActionName, spec: S, handler: (input: Parsed<S>) => Promise<T>) {
  if (accessOf(name) !== "public") throw new Error(`${name} is not a public action in lib/auth/permissions.ts`);
  return async (raw: Raw<S>): Promise<ActionResult<T>> => run(async () => handler(parse(spec, raw)));
}

/** For customers signed in to /privacy/me: the session's customer, never one named in the input. */
export function customerAction<S extends InputSpec, T>(name: ActionName, spec: S, handler: (actor: CustomerActor, input: Parsed<S>) => Promise<T>) {
  if (accessOf(name) !== "customer") throw new Error(`${name} is not a customer action in lib/auth/permissions.ts`);
  return async (raw: Raw<S>): Promise<ActionResult<T>> =>
    run(async () => {
      const actor = await currentCustomer();
      if (!actor) throw new AppError("UNAUTHENTICATED", "privacy.signedOut");
      return handler(actor, parse(spec, raw));
    });
}
