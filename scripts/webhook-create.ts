// npm run webhook:create -- --url https://crm.example.com/hooks --events consent.changed,customer.erased
// Adds a webhook endpoint on the database in DATABASE_URL and prints its signing secret (whsec_…)
// alone on the last line (shown this once; kept sealed).
import { parseArgs } from "node:util";
import { systemActor } from "@/lib/auth/actor";
import { closeDb } from "@/lib/db";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { createWebhookEndpoint } from "@/lib/webhooks/mutations";
import { reportCliError } from "./support/cli-errors";
import { prepareCliEnv } from "./support/database-url";

const database = await prepareCliEnv(process.cwd(), { needsAppSecret: true });

async function main() {
  const { values } = parseArgs({ options: { url: { type: "string" }, events: { type: "string" }, description: { type: "string" } } });
  if (!values.url || !values.events) {
    throw new Error(`Usage: npm run webhook:create -- --url <url> --events <event,event>\nEvents: ${WEBHOOK_EVENTS.join(", ")}`);
  }
  const events = values.events
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const created = await createWebhookEndpoint(systemActor("cli:webhook:create"), { url: values.url, events, description: values.description ?? "" });
  console.log(`Added webhook endpoint ${created.url} for ${events.join(", ")}. Its signing secret is shown only now:`);
  console.log(created.secret);
}

main()
  .catch(reportCliError)
  .finally(async () => {
    await closeDb();
    await database.stop();
  });
