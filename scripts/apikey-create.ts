// npm run apikey:create -- --name "Sales CRM" --scopes customers:read,consents:write [--rate 120]
// Creates an API key on the database in DATABASE_URL and prints it alone on the last line (it is
// shown this once; only its hash is kept).
import { parseArgs } from "node:util";
import { createApiKey } from "@/lib/api-keys/mutations";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { systemActor } from "@/lib/auth/actor";
import { closeDb } from "@/lib/db";
import { reportCliError } from "./support/cli-errors";
import { prepareCliEnv } from "./support/database-url";

const database = await prepareCliEnv(process.cwd());

async function main() {
  const { values } = parseArgs({ options: { name: { type: "string" }, scopes: { type: "string" }, rate: { type: "string" } } });
  if (!values.name || !values.scopes) {
    throw new Error(`Usage: npm run apikey:create -- --name <name> --scopes <scope,scope> [--rate <per minute>]\nScopes: ${API_SCOPES.join(", ")}`);
  }
  const scopes = values.scopes
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const created = await createApiKey(systemActor("cli:apikey:create"), { name: values.name, scopes, rateLimitPerMinute: values.rate ?? 120 });
  console.log(`Created API key "${values.name}" (${scopes.join(", ")}). It is shown only now:`);
  console.log(created.key);
}

main()
  .catch(reportCliError)
  .finally(async () => {
    await closeDb();
    await database.stop();
  });
