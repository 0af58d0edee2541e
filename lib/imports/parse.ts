// Reading an uploaded CSV: UTF-8 (with or without BOM), "," or ";", quoted cells, blank lines skipped.
import Papa from "papaparse";
import { AppError } from "@/lib/errors";

export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;

/** Decodes strictly: a file in another encoding gets a clear message instead of mojibake. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError("BAD_INPUT", "imports.tooLarge", { file: "imports.tooLarge" });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_INPUT", "imports.notUtf8", { file: "imports.notUtf8" });
  }
  return text.replace(/^\uFEFF/, "");
}

export function detectDelimiter(text: string): "," | ";" {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

export type ParsedCsv = { headers: string[]; rows: { line: number; cells: string[] }[]; blankLines: number };

/** Rows keep their line number in the file (header = line 1) so reports point at the right place. */
export function parseCsv(text: string, delimiter: string): ParsedCsv {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const [header = [], ...data] = result.data;
  // The newline that ends the last line is not a blank line.
  if (data.length > 0 && /\r?\n$/.test(text) && data.at(-1)!.every((c) => c === "")) data.pop();
  const headers = header.map((h) => h.trim());
  if (headers.filter(Boolean).length === 0) throw new AppError("BAD_INPUT", "imports.noHeader", { file: "imports.noHeader" });
  let blankLines = 0;
  const rows: ParsedCsv["rows"] = [];
  data.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) {
      blankLines++;
      return;
    }
    rows.push({ line: i + 2, cells });
  });
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError("BAD_INPUT", "imports.tooManyRows", { file: "imports.tooManyRows" }, { max: MAX_IMPORT_ROWS });
  return { headers, rows, blankLines };
}
