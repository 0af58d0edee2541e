// Who is doing something. Every lib/<domain> function takes an Actor and checks it itself (house
// style 2), so pages, actions, route handlers, jobs and scripts all pass through the same gate.
import type { ApiScope } from "@/lib/api-keys/scopes";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

export type StaffActor = {
  kind: "user";
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  ip?: string;
  /** Signed in with the password only where two-factor is required: may only set it up. */
  restricted?: boolean;
};
export type SystemActor = { kind: "system"; label: string };
export type AnonymousActor = { kind: "anonymous"; ip?: string };
/** A customer signed in to /privacy/me: may act only on their own record (lib/self-service). */
export type CustomerActor = { kind: "customer"; customerId: string; sessionId: string; ip?: string; userAgent?: string };
/** Another system calling /api/v1 with an API key: may do only what the key's scopes name. */
export type ApiActor = { kind: "api"; keyId: string; name: string; scopes: readonly ApiScope[]; ip?: string };
export type Actor = StaffActor | SystemActor | AnonymousActor | CustomerActor | ApiActor;

export const systemActor = (label: string): SystemActor => ({ kind: "system", label });

/** Throws FORBIDDEN unless the actor is the system or a user with one of the roles. */
export function authorize(actor: Actor, ...roles: Role[]): asserts actor is StaffActor | SystemActor {
  if (actor.kind === "system") return;
  if (actor.kind === "user" && roles.includes(actor.role)) return;
  throw new AppError("FORBIDDEN", "errors.forbidden");
}

/**
 * For functions both staff and API keys may call: a user with one of the roles, the system, or an
 * API key holding `scope`. Anything else is FORBIDDEN.
 */
export function authorizeScope(actor: Actor, scope: ApiScope, ...roles: Role[]): asserts actor is StaffActor | SystemActor | ApiActor {
  if (actor.kind === "api") {
    if (actor.scopes.includes(scope)) return;
    throw new AppError("FORBIDDEN", "api.scopeMissing", undefined, { scope });
  }
  authorize(actor, ...roles);
}

export function actorFields(actor: Actor) {
  switch (actor.kind) {
    case "user":
      return { actorType: "USER", actorId: actor.id, actorLabel: actor.email, ip: actor.ip ?? null };
    case "system":
      return { actorType: "SYSTEM", actorId: null, actorLabel: actor.label, ip: null };
    case "anonymous":
      return { actorType: "ANONYMOUS", actorId: null, actorLabel: null, ip: actor.ip ?? null };
    case "customer":
      // The customer id only (pseudonymous once erased); the IP stays out of the permanent chain.
      return { actorType: "CUSTOMER", actorId: actor.customerId, actorLabel: null, ip: null };
    case "api":
      return { actorType: "API_KEY", actorId: actor.keyId, actorLabel: actor.name, ip: actor.ip ?? null };
  }
}
