// Typed errors: only AppError messages reach users; anything else is logged and shown as a generic
// error (house style 6).
export type ErrorCode = "BAD_INPUT" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "EXPIRED" | "INTERNAL";

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** An i18n message key or already-translated text safe to show to the user. */
    readonly userMessage: string,
    readonly fieldErrors?: FieldErrors,
    /** Values interpolated into the message, e.g. { minutes: 12 }. */
    readonly params?: Record<string, string | number>,
    /** Where the person can go about it, e.g. the existing record a duplicate collides with (label is an i18n key). */
    readonly link?: { href: string; label: string },
  ) {
    super(`${code}: ${userMessage}`);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
