import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import type { CustomerActor, StaffActor } from "@/lib/auth/actor";
import { currentCustomer } from "@/lib/auth/customer-session";
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

/**
 * The one wrapper for staff server actions (house style 5): re-reads the session from the database,
 * parses the input with the shared zod schema, and returns a result instead of throwing.
 * The lib function called by `handler` checks the actor's role itself.
 */
export function staffAction<S extends z.ZodType, T>(schema: S, handler: (actor: StaffActor, input: z.output<S>) => Promise<T>, options: ActionOptions = {}) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> =>
    run(async () => {
      const actor = await signedInStaff(options);
      return handler(actor, schema.parse(raw));
    });
}

type ActionOptions = { /** Also for a session that must set up two-factor first (the setup itself). */ allowRestricted?: boolean };

async function signedInStaff(options: ActionOptions) {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signedOut");
  if (actor.restricted && !options.allowRestricted) throw new AppError("FORBIDDEN", "auth.twoFactorSetupRequired");
  return actor;
}

/** Like staffAction, for forms that upload a file: the client sends FormData. */
export function staffFormAction<S extends z.ZodType, T>(schema: S, handler: (actor: StaffActor, input: z.output<S>) => Promise<T>) {
  return async (formData: FormData): Promise<ActionResult<T>> =>
    run(async () => {
      const actor = await signedInStaff({});
      return handler(actor, schema.parse(Object.fromEntries(formData)));
    });
}

/** For actions anyone may call (e.g. setting a password from an emailed link). */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => run(async () => handler(schema.parse(raw)));
}

/** For customers signed in to /privacy/me: the session's customer, never one named in the input. */
export function customerAction<S extends z.ZodType, T>(schema: S, handler: (actor: CustomerActor, input: z.output<S>) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> =>
    run(async () => {
      const actor = await currentCustomer();
      if (!actor) throw new AppError("UNAUTHENTICATED", "privacy.signedOut");
      return handler(actor, schema.parse(raw));
    });
}
