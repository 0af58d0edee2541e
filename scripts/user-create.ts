// npm run user:create -- --email ana@example.com --role ADMIN [--name "Ana Nguyễn"]
// Creates a staff account with a password on the database in DATABASE_URL (for the first admin on
// a production database). The password is read from a hidden prompt, or from stdin when piped.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { systemActor } from "@/lib/auth/actor";
import { closeDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { createUserWithPassword } from "@/lib/users/mutations";
import { prepareCliEnv } from "./support/database-url";

const t = translator("en");

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0];
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(q)) write.call(rl, s);
      };
      rl.question(q, (answer) => {
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password: ");
  const second = await ask("Repeat password: ");
  rl.close();
  if (first !== second) throw new Error("The two passwords do not match.");
  return first;
}

const database = await prepareCliEnv(process.cwd());

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string", default: "ADMIN" }, name: { type: "string" } },
  });
  if (!values.email) throw new Error("Usage: npm run user:create -- --email <email> --role ADMIN|STAFF|COMPLIANCE [--name <name>]");
  const password = await readPassword();
  const name = values.name ?? values.email.split("@")[0];
  await createUserWithPassword(systemActor("cli:user:create"), { email: values.email, name, role: values.role, password });
  console.log(`Created ${values.role} account ${values.email.toLowerCase()}.`);
}

main()
  .catch((error) => {
    if (error instanceof ZodError) {
      for (const issue of error.issues) console.error(`${issue.path.join(".")}: ${t(issue.message as never)}`);
    } else if (error instanceof AppError) {
      console.error(t(error.userMessage as never));
    } else {
      console.error(error instanceof Error ? error.message : error);
    }
    process.exitCode = 1;
  })
  .finally(async () => {
    await closeDb();
    await database.stop();
  });
