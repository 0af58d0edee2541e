// npm run secrets:reseal
// After rotating NEXTAUTH_SECRET (the old one listed in NEXTAUTH_SECRET_PREVIOUS), seals every stored
// secret again under the new one — two-factor secrets, webhook signing secrets, one-time links still
// waiting in the outbox — and prints what it did. Then the old secret is only needed for the
// unsubscribe links of emails already sent (docs/operations.md, "Rotating the app secret").
import { systemActor } from "@/lib/auth/actor";
import { closeDb } from "@/lib/db";
import { resealAppSecrets } from "@/lib/secrets/mutations";
import { reportCliError } from "./support/cli-errors";
import { prepareCliEnv } from "./support/database-url";

// The app's own secret, never the placeholder other scripts get: everything is sealed again under it.
const database = await prepareCliEnv(process.cwd(), { needsAppSecret: true });

const LABELS = { twoFactor: "two-factor secrets", webhooks: "webhook signing secrets", outboxLinks: "one-time links in the outbox" } as const;

async function main() {
  const report = await resealAppSecrets(systemActor("cli:secrets:reseal"));
  let unreadable = 0;
  let changed = 0;
  for (const [key, counts] of Object.entries(report) as [keyof typeof LABELS, (typeof report)[keyof typeof LABELS]][]) {
    console.log(
      `${LABELS[key]}: ${counts.resealed} sealed again, ${counts.current} already under the current secret, ${counts.unreadable} unreadable` +
        (counts.changed ? `, ${counts.changed} changed while this ran (run it again)` : ""),
    );
    unreadable += counts.unreadable;
    changed += counts.changed;
  }
  if (changed > 0) process.exitCode = 1;
  if (unreadable > 0) {
    console.log(
      `${unreadable} value(s) open under none of NEXTAUTH_SECRET and NEXTAUTH_SECRET_PREVIOUS: list the secret they were sealed with, or ` +
        "have an administrator reset those people's two-factor (they set it up again) and re-create those webhook endpoints.",
    );
    process.exitCode = 1;
  }
}

main()
  .catch(reportCliError)
  .finally(async () => {
    await closeDb();
    await database.stop();
  });
