// Which CSV column feeds which field, and how each row is checked and normalised.
import { z } from "zod";
import { PERSONAL_FIELDS, type PersonalField } from "@/lib/forms/definition";
import { cleanLine, cleanText, normalizeEmail, normalizePhone } from "@/lib/forms/normalize";

/** A column target: a personal field, "consent:<purpose key>", "locale", or "" (ignored). */
export const mappingSchema = z.record(
  z.string().regex(/^\d{1,3}$/),
  z.string().regex(/^(|fullName|email|phone|address|organization|locale|consent:[a-z0-9_]{1,60})$/),
);
export type Mapping = z.output<typeof mappingSchema>;

const HINTS: [RegExp, string][] = [
  [/^(ho ?(va)? ?ten|ten|full ?name|name|khach hang)$/, "fullName"],
  [/^(e-?mail|thu dien tu)$/, "email"],
  [/^(so )?(dien thoai|dt|sdt|phone( number)?|mobile|tel)$/, "phone"],
  [/^(dia chi|address)$/, "address"],
  [/^(cong ty|to chuc|organi[sz]ation|company)$/, "organization"],
  [/^(ngon ngu|language|locale)$/, "locale"],
];

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .trim();

/** A first guess from the headers, which staff then check. */
export function suggestMapping(headers: string[], purposeKeys: string[]): Mapping {
  const mapping: Mapping = {};
  headers.forEach((header, i) => {
    const h = fold(header);
    const consent = /^(consent|dong y)[:\s_-]+([a-z0-9_]+)$/.exec(h);
    if (consent && purposeKeys.includes(consent[2])) mapping[String(i)] = `consent:${consent[2]}`;
    else mapping[String(i)] = HINTS.find(([re]) => re.test(h))?.[1] ?? "";
  });
  return mapping;
}

const YES = new Set(["1", "x", "yes", "y", "true", "co", "dong y", "granted", "consent"]);
const NO = new Set(["0", "no", "n", "false", "khong", "tu choi", "rut", "withdrawn"]);

export type ImportRow = {
  row: number;
  fields: Partial<Record<PersonalField, string>>;
  /** Only when the file gives it: a new customer without one is Vietnamese, an existing one keeps theirs. */
  locale?: "vi" | "en";
  consents: Record<string, "GRANTED" | "WITHDRAWN">;
};
export type RowError = { row: number; column: string; message: string };

const LIMITS: Record<PersonalField, number> = { fullName: 120, email: 254, phone: 40, address: 500, organization: 200 };
const emailFormat = z.email();

/** Checks and normalises one row; returns the row or the problems, each tied to a column. */
export function readRow(
  line: number,
  cells: string[],
  headers: string[],
  mapping: Mapping,
  purposeIds: Record<string, string>,
): { row?: ImportRow; errors: RowError[]; formulaCells: number } {
  const errors: RowError[] = [];
  const out: ImportRow = { row: line, fields: {}, consents: {} };
  let formulaCells = 0;
  for (const [index, target] of Object.entries(mapping)) {
    if (!target) continue;
    const column = headers[Number(index)] || `#${Number(index) + 1}`;
    const raw = (target === "address" ? cleanText : cleanLine)(cells[Number(index)] ?? "");
    if (/^[=+\-@]/.test(raw) && !/^\+\d/.test(raw)) formulaCells++;
    if (!raw) continue;
    if ((PERSONAL_FIELDS as readonly string[]).includes(target)) {
      const field = target as PersonalField;
      if (raw.length > LIMITS[field]) errors.push({ row: line, column, message: "imports.tooLong" });
      else if (field === "email") {
        if (emailFormat.safeParse(raw).success) out.fields.email = normalizeEmail(raw);
        else errors.push({ row: line, column, message: "imports.badEmail" });
      } else if (field === "phone") {
        const phone = normalizePhone(raw);
        if (phone) out.fields.phone = phone;
        else errors.push({ row: line, column, message: "imports.badPhone" });
      } else out.fields[field] = raw;
    } else if (target === "locale") {
      const l = fold(raw);
      // Set either way: only a language the file gives changes a customer's (see the batch SQL).
      if (l === "en" || l === "english" || l === "tieng anh") out.locale = "en";
      else if (["vi", "vietnamese", "tieng viet"].includes(l)) out.locale = "vi";
      else errors.push({ row: line, column, message: "imports.badLocale" });
    } else if (target.startsWith("consent:")) {
      const value = fold(raw);
      const purposeId = purposeIds[target.slice(8)];
      if (YES.has(value)) out.consents[purposeId] = "GRANTED";
      else if (NO.has(value)) out.consents[purposeId] = "WITHDRAWN";
      else errors.push({ row: line, column, message: "imports.badConsent" });
    }
  }
  if (errors.length === 0 && !out.fields.email && !out.fields.phone) errors.push({ row: line, column: "—", message: "imports.needContact" });
  return errors.length ? { errors, formulaCells } : { row: out, errors, formulaCells };
}
