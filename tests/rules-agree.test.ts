// Rules that exist both in TypeScript (for the screens and exports) and in SQL (where nothing can get
// around them) must say the same thing. Each pair is checked against the database itself.
import { describe, expect, it } from "vitest";
import { emailHash } from "@/lib/campaigns/mutations/guard";
import { consentWording } from "@/lib/consent/wording";
import { csvCell } from "@/lib/csv";
import { db } from "@/lib/db";
import { ALLOWED_FIELDS, RECIPIENT_CATEGORIES } from "@/lib/disclosures/rules";

describe("TypeScript and SQL agree", () => {
  it("on what each kind of recipient may receive (the policy's whitelist)", async () => {
    for (const category of RECIPIENT_CATEGORIES) {
      const [{ fields }] = await db().$queryRaw<{ fields: string[] }[]>`SELECT disclosure_allowed_fields(${category}::"RecipientCategory") AS fields`;
      expect(fields.sort(), category).toEqual([...ALLOWED_FIELDS[category]].sort());
    }
  });

  it("on which spreadsheet cells could run as formulas", async () => {
    const samples = ["=1+1", "+84 912", "-5", "@SUM(A1)", "\tx", "\rx", "Nguyễn", "a=b", " =x", "", "'quoted"];
    for (const value of samples) {
      const [{ safe }] = await db().$queryRaw<{ safe: string }[]>`SELECT csv_safe(${value}) AS safe`;
      // csvCell also quotes; compare the defused text it quotes.
      const ts = csvCell(value)
        .replace(/^"(.*)"$/s, "$1")
        .replaceAll('""', '"');
      expect(ts, JSON.stringify(value)).toBe(safe);
    }
  });

  it("on the words a consent was given to (forms, staff, API in TypeScript; the CSV import in SQL)", async () => {
    const purposes = await db().purpose.findMany({ select: { labelVi: true, labelEn: true, descriptionVi: true, descriptionEn: true } });
    for (const p of purposes) {
      for (const locale of ["vi", "en"] as const) {
        const [{ wording }] = await db().$queryRaw<{ wording: string }[]>`
          SELECT consent_wording(${p.labelVi}, ${p.descriptionVi}, ${p.labelEn}, ${p.descriptionEn}, ${locale}::"Locale") AS wording`;
        expect(consentWording(p, locale)).toBe(wording);
      }
    }
    // And the import really uses it.
    const [{ uses }] = await db().$queryRaw<{ uses: boolean }[]>`
      SELECT position('consent_wording(' IN pg_get_functiondef('import_customer_batch'::regproc)) > 0 AS uses`;
    expect(uses).toBe(true);
  });

  it("on the hash that keeps unsubscribed addresses without keeping the address", async () => {
    for (const address of ["An.Nguyen@Example.vn", " khach@congty.vn ", "x@y.z"]) {
      const [{ hash }] = await db().$queryRaw<{ hash: string }[]>`SELECT email_hash(${address}) AS hash`;
      expect(emailHash(address), address).toBe(hash);
    }
  });
});
