// Errors of /api/v1 as RFC 9457 problem details (application/problem+json), with field errors as
// `errors: [{ name, reason }]` naming the query, path or body field.
import { ZodError } from "zod";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { translateMessage, translator, type Translate } from "@/lib/i18n/translate";

const STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  EXPIRED: 410,
  INTERNAL: 500,
};

export type Problem = { status: number; code: ErrorCode; detail: string; errors?: { name: string; reason: string }[]; headers?: Record<string, string> };

/** `title` is the short, translated name of the kind of problem; `type` names it for programs. */
export function problemResponse(p: Problem, t: Translate = translator("en")) {
  const body = {
    type: `https://customer-register.dev/problems/${p.code.toLowerCase().replaceAll("_", "-")}`,
    title: t(`api.title.${p.code}`),
    status: p.status,
    detail: p.detail,
    ...(p.errors ? { errors: p.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { "content-type": "application/problem+json; charset=utf-8", "cache-control": "no-store", ...p.headers },
  });
}

/** Any error as a problem; only AppError and validation texts reach the caller (house style 6). */
export function toProblem(t: Translate, error: unknown, where = ""): Problem {
  if (error instanceof ZodError) {
    const errors = error.issues.map((i) => ({ name: [where, ...i.path].filter((s) => s !== "").join("."), reason: translateMessage(t, i.message) }));
    return { status: 422, code: "BAD_INPUT", detail: t("errors.badInput"), errors };
  }
  if (isAppError(error)) {
    const errors = error.fieldErrors
      ? Object.entries(error.fieldErrors).map(([name, reason]) => ({ name, reason: translateMessage(t, reason, error.params) }))
      : undefined;
    return { status: STATUS[error.code], code: error.code, detail: translateMessage(t, error.userMessage, error.params), errors };
  }
  console.error("[api] unexpected error", error);
  return { status: 500, code: "INTERNAL", detail: t("errors.generic") };
}
