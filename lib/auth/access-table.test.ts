import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withAccessTables } from "./access-table";

describe("docs/security.md", () => {
  it("prints the permission tables as they are in lib/auth/permissions.ts (npm run docs:security)", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/security.md"), "utf8");
    expect(doc).toBe(withAccessTables(doc));
  });
});
