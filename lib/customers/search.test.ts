import { describe, expect, it } from "vitest";
import { classifySearch } from "./search";

describe("reading the search box", () => {
  it("treats digits in any phone format as a phone number, in the stored +84 form", () => {
    expect(classifySearch("0912 345 678")).toMatchObject({ kind: "phone", value: "84912345678" });
    expect(classifySearch("(+84) 912-345")).toMatchObject({ kind: "phone", value: "84912345" });
    expect(classifySearch("0084 912 34")).toMatchObject({ kind: "phone", value: "8491234" });
    expect(classifySearch("345 6789")).toMatchObject({ kind: "phone", value: "3456789" });
  });

  it("treats text with @ as an email fragment, lower-cased", () => {
    expect(classifySearch("An@Gmail")).toMatchObject({ kind: "email", value: "an@gmail" });
  });

  it("splits other text into words (at most six)", () => {
    expect(classifySearch("  Nguyễn   Văn An ")).toMatchObject({ kind: "text", words: ["Nguyễn", "Văn", "An"], tokens: ["Nguyễn", "Văn", "An"] });
    // The word index's words: split at anything that is not a letter or a digit.
    expect(classifySearch("hoa.nguyen92 Công-ty (HN)")).toMatchObject({ tokens: ["hoa", "nguyen92", "Công", "ty", "HN"] });
    expect(classifySearch("%_%")).toMatchObject({ kind: "text", tokens: [] });
    expect(classifySearch("a b c d e f g h").words).toHaveLength(6);
    expect(classifySearch("")).toMatchObject({ kind: "none" });
    // Fewer than 7 digits is not a phone search: masked digits cannot be found one at a time.
    expect(classifySearch("123")).toMatchObject({ kind: "text" });
    expect(classifySearch("345 678")).toMatchObject({ kind: "text" });
  });

  it("reads decomposed Vietnamese (e + ◌̂ + ◌̃, as macOS and some keyboards type it) as the composed letters the register stores", () => {
    const decomposed = "Nguyễn Thị Hà".normalize("NFD");
    expect(decomposed).not.toBe("Nguyễn Thị Hà");
    expect(classifySearch(decomposed)).toMatchObject({ kind: "text", words: ["Nguyễn", "Thị", "Hà"], tokens: ["Nguyễn", "Thị", "Hà"] });
  });
});
