// npm run docs:security — writes the permission tables of lib/auth/permissions.ts into docs/security.md.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withAccessTables } from "@/lib/auth/access-table";

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/security.md");
writeFileSync(file, withAccessTables(readFileSync(file, "utf8")));
console.log("docs/security.md: access tables written.");
