import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import type { CustomerActor, StaffActor } from "@/lib/auth/actor";
import { currentCustomer } from "@/lib/auth/customer-session";
import { ACTIONS, allows, type Access, type ActionName } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { AppError, isAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { translateMessage, type Translate } from "@/lib/i18n/translate";

export type ActionError = { code: ErrorCode; message: string; fieldErrors?: FieldErrors };
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
    return { code: error.code, message: translateMessage(t, error.userMessage, error.params), fieldErrors };
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
 * The one wrapper for staff server actions (house style 5): re-reads the session from the database,
 * checks the role against the one table (lib/auth/permissions ACTIONS) before reading any input,
 * parses the input with the shared zod schema, and returns a result instead of throwing. The lib
 * function called by `handler` checks the actor's role itself too.
 */
export function staffAction<S extends z.ZodType, T>(name: ActionName, schema: S, handler: (actor: StaffActor, input: z.output<S>) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> =>
    run(async () => {
      const actor = await signedInStaff(name);
      return handler(actor, schema.parse(raw));
    });
}

async function signedInStaff(name: ActionName) {
  const access = accessOf(name);
  if (typeof access !== "object") throw new Error(`${name} is not a staff action in lib/auth/permissions.ts`);
  const actor = await currentActor({ allowRestricted: true });
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signedOut");
  if (actor.restricted && !access.restricted) throw new AppError("FORBIDDEN", "auth.twoFactorSetupRequired");
  if (!allows(access, actor.role)) throw new AppError("FORBIDDEN", "errors.forbidden");
  return actor;
}

/** Like staffAction, for forms that upload a file: the client sends FormData. */
export function staffFormAction<S extends z.ZodType, T>(name: ActionName, schema: S, handler: (actor: StaffActor, input: z.output<S>) => Promise<T>) {
  return async (formData: FormData): Promise<ActionResult<T>> =>
    run(async () => {
      const actor = await signedInStaff(name);
      if (!(formData instanceof FormData)) throw new AppError("BAD_INPUT", "errors.badInput");
      return handler(actor, schema.parse(Object.fromEntries(formData)));
    });
}

/** For actions anyone may call (e.g. setting a password from an emailed link). */
export function publicAction<S extends z.ZodType, T>(name: ActionName, schema: S, handler: (input: z.output<S>) => Promise<T>) {
  if (accessOf(name) !== "public") throw new Error(`${name} is not a public action in lib/auth/permissions.ts`);
  return async (raw: z.input<S>): Promise<ActionResult<T>> => run(async () => handler(schema.parse(raw)));
}

/** For customers signed in to /privacy/me: the session's customer, never one named in the input. */
export function customerAction<S extends z.ZodType, T>(name: ActionName, schema: S, handler: (actor: CustomerActor, input: z.output<S>) => Promise<T>) {
  if (accessOf(name) !== "customer") throw new Error(`${name} is not a customer action in lib/auth/permissions.ts`);
  return async (raw: z.input<S>): Promise<ActionResult<T>> =>
    run(async () => {
      const actor = await currentCustomer();
      if (!actor) throw new AppError("UNAUTHENTICATED", "privacy.signedOut");
      return handler(actor, schema.parse(raw));
    });
}
