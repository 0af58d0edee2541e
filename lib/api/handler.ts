// Builds a /api/v1 route handler from its operation (lib/api/operations.ts): bearer key → rate
// limit → scope → input parsed with the operation's schemas → handler → JSON, or a problem+json.
// Sessions and cookies play no part: a signed-in browser gets 401 like anyone without a key, so a
// cross-site request cannot borrow a staff session here.
import type { z } from "zod";
import { authenticateApiKey } from "@/lib/api-keys/mutations";
import type { ApiActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { MAX_BODY_BYTES, readBodyCapped } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { translator, type Translate } from "@/lib/i18n/translate";
import { hitRateLimit } from "@/lib/rate-limit/mutations";
import { recordApiCall } from "./mutations";
import type { Operation } from "./operations";
import { problemResponse, toProblem, type Problem } from "./problem";

type Input<O extends Operation> = {
  actor: ApiActor;
  params: O["params"] extends z.ZodType ? z.output<O["params"]> : Record<string, never>;
  query: O["query"] extends z.ZodType ? z.output<O["query"]> : Record<string, never>;
  body: O["body"] extends z.ZodType ? z.output<O["body"]> : undefined;
};
/** What the handler gives back, and which customer it concerned (for the audit record). */
type Output<O extends Operation> = z.input<O["response"]>;

const languageOf = (request: Request) => (/^vi\b/i.test(request.headers.get("accept-language") ?? "") ? "vi" : "en");

function parseWith<S extends z.ZodType | undefined>(schema: S, value: unknown, where: string, t: Translate) {
  if (!schema) return { ok: true as const, data: {} };
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true as const, data: parsed.data } : { ok: false as const, problem: toProblem(t, parsed.error, where) };
}

export function apiRoute<O extends Operation>(op: O, handler: (input: Input<O>) => Promise<Output<O>>) {
  const handle = answer(op, handler);
  // Whatever fails (the database gone, a bug), the caller gets a problem document, never a stack.
  return async (request: Request, context?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      return await handle(request, context);
    } catch (error) {
      const t = translator(languageOf(request));
      return problemResponse(toProblem(t, error), t);
    }
  };
}

function answer<O extends Operation>(op: O, handler: (input: Input<O>) => Promise<Output<O>>) {
  return async (request: Request, context?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const t = translator(languageOf(request));
    const problem = (p: Problem) => problemResponse(p, t);
    const header = request.headers.get("authorization") ?? "";
    const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const unauthorized = (detail: string) => problem({ status: 401, code: "UNAUTHENTICATED", detail, headers: { "www-authenticate": 'Bearer realm="api"' } });
    if (!key) return unauthorized(t("api.keyMissing"));
    const ip = clientIp(request.headers);
    const auth = await authenticateApiKey(key, ip);
    if (!auth) return unauthorized(t("api.keyInvalid"));
    if ("awaitsApproval" in auth) return problem({ status: 403, code: "FORBIDDEN", detail: t("api.keyAwaitsApproval") });
    const { actor } = auth;
    const limit = await hitRateLimit(`api:${actor.keyId}`, auth.perMinute, 60);
    if (!limit.allowed) {
      return problem({
        status: 429,
        code: "RATE_LIMITED",
        detail: t("api.rateLimited", { seconds: limit.retryAfterSeconds }),
        headers: { "retry-after": String(limit.retryAfterSeconds) },
      });
    }
    const path = new URL(request.url).pathname;
    const finish = async (response: Response, customerId?: string) => {
      await recordApiCall(actor, { operation: op.id, method: op.method, path, status: response.status, customerId });
      return response;
    };
    if (!actor.scopes.includes(op.scope)) {
      return finish(problem({ status: 403, code: "FORBIDDEN", detail: t("api.scopeMissing", { scope: op.scope }) }));
    }
    // Next.js passes no params to a route without dynamic segments.
    const rawParams = (await context?.params) ?? {};
    const params = parseWith(op.params, rawParams, "path", t);
    if (!params.ok) return finish(problem(params.problem));
    const query = parseWith(op.query, Object.fromEntries(new URL(request.url).searchParams), "query", t);
    if (!query.ok) return finish(problem(query.problem));
    let body: { ok: true; data: unknown } | { ok: false; problem: Problem } = { ok: true, data: undefined };
    if (op.body) {
      let text: string;
      try {
        text = await readBodyCapped(request);
      } catch {
        return finish(problem({ status: 413, code: "BAD_INPUT", detail: t("api.tooLarge", { kb: MAX_BODY_BYTES / 1024 }) }));
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return finish(problem({ status: 422, code: "BAD_INPUT", detail: t("api.badJson") }));
      }
      body = parseWith(op.body, json, "body", t);
      if (!body.ok) return finish(problem(body.problem));
    }
    const customerId = typeof rawParams.id === "string" && op.path.startsWith("/customers/") ? rawParams.id : undefined;
    try {
      const data = await handler({ actor, params: params.data, query: query.data, body: body.data } as Input<O>);
      return finish(Response.json(data, { status: op.status ?? 200, headers: { "cache-control": "no-store" } }), customerId);
    } catch (error) {
      return finish(problem(toProblem(t, error)), customerId);
    }
  };
}

/** For handlers: a record that does not exist (or that the key may not see). */
export const notFound = () => new AppError("NOT_FOUND", "errors.notFound");
