// How a command-line script reports a refusal: each field error on its own line in English, no
// stack trace, exit code 1.
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";

const t = translator("en");

export function reportCliError(error: unknown) {
  if (error instanceof ZodError) {
    for (const issue of error.issues) console.error(`${issue.path.join(".")}: ${t(issue.message as never)}`);
  } else if (error instanceof AppError) {
    const fields = Object.entries(error.fieldErrors ?? {});
    if (fields.length) for (const [field, message] of fields) console.error(`${field}: ${t(message as never)}`);
    else console.error(t(error.userMessage as never));
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
}
