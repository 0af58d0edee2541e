// What a call that should fail failed with: the AppError (or null when it did not fail), or a zod
// error's messages by field (lib functions parse with zod; actions turn those into field errors).
import type { ZodError } from "zod";
import type { AppError } from "@/lib/errors";

export const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e,
  );

export const invalid = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: ZodError) => Object.fromEntries(e.issues.map((i) => [i.path.join("."), i.message])),
  );
