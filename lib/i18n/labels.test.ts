import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isMessageKey } from "@/lib/i18n/translate";

const ROOT = path.resolve(import.meta.dirname, "../..");
const files = (dir: string, ext: RegExp): string[] =>
  readdirSync(dir).flatMap((e) => {
    const full = path.join(dir, e);
    return statSync(full).isDirectory() ? files(full, ext) : ext.test(e) && !e.includes(".test.") ? [full] : [];
  });

describe("audit event names", () => {
  it("every event the code writes has a name in both languages (no code shown to people)", () => {
    const found = new Set<string>();
    for (const file of files(path.join(ROOT, "lib"), /\.ts$/)) {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (!/\baction\b/.test(line)) continue;
        for (const [, name] of line.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) found.add(name);
      }
    }
    for (const file of files(path.join(ROOT, "prisma/migrations"), /\.sql$/)) {
      for (const [, name] of readFileSync(file, "utf8").matchAll(/INSERT INTO "AuditEvent"[\s\S]*?'([a-z_]+\.[a-z_]+)'/g)) found.add(name);
    }
    // Not audit events: settings keys and Prisma paths that happen to sit on a line mentioning "action".
    const missing = [...found].filter(
      (a) => !a.startsWith("test.") && !isMessageKey(a) && !/^(customer_register|public)\./.test(a) && !isMessageKey(`audit.event.${a}`),
    );
    expect(found.size).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });
});
