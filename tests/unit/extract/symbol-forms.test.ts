import { describe, expect, it } from "vitest";
import { extractCitations, normaliseSymbol } from "../../../src/extract/index.js";

// The symbol grammar (patterns.ts SYMBOL, parseSymbol) on every printed form: [input, expected]
// where expected is the canonical symbol, its issuer key (null: unknown) and how it was known.
const FORMS: readonly (readonly [
  string,
  { symbol: string; issuer?: string | null; source?: string | null },
])[] = [
  // a hyphen lost in conversion, or printed as a space: read after a type word or "số"
  ["theo Điểm 27, Quy định\n294QĐ/TW và", { symbol: "294-QĐ/TW" }],
  ["Quyết định số 57 QĐ/TWĐTN ngày 3/4/2020", { symbol: "57-QĐ/TWĐTN" }],
  // spaced hyphens, en and em dashes
  ["Nghị quyết số 15 – NQ/TU ngày 23/4/2019", { symbol: "15-NQ/TU" }],
  ["Nghị quyết số 15—NQ/TU", { symbol: "15-NQ/TU" }],
  ["Kết luận số 100 - KL/TW", { symbol: "100-KL/TW" }],
  ["Quyết định số 1909/QĐ-TTg", { symbol: "1909/QĐ-TTg", issuer: "thu-tuong-chinh-phu", source: "symbol" }],
  // "&" in the issuer part
  ["Công văn số 1234/SNV-CCHC&PC ngày 2/3/2020", { symbol: "1234/SNV-CCHC&PC" }],
  ["Quyết định số 37/2000/QĐ-BGD&ĐT", { symbol: "37/2000/QĐ-BGD&ĐT" }],
  // joint symbols: a second slash; several bodies, so no issuer from the symbol
  [
    "Nghị quyết liên tịch số 07/2010/NQLT/CP-UBTUMTTQVN ngày 5/5/2010",
    { symbol: "07/2010/NQLT/CP-UBTUMTTQVN", issuer: null },
  ],
  ["Thông tư liên tịch số 12/2010/TTLT/BTC-BNV", { symbol: "12/2010/TTLT/BTC-BNV", issuer: null }],
  ["Thông tư liên tịch số 01/2015/TTLT-BTP-BTC", { symbol: "01/2015/TTLT-BTP-BTC", issuer: null }],
  // a line break after the hyphen or the slash, and inside the type word
  ["theo Quy\nđịnh số 367-QĐ/\nTW.", { symbol: "367-QĐ/TW" }],
  ["Chỉ thị số 16-\nCT/TU", { symbol: "16-CT/TU" }],
  // a spaced dash before a known issuer code of a State symbol, a line break inside the last code
  [
    "Quyết định số 1909/QĐ – TTg ngày 2/3/2020",
    { symbol: "1909/QĐ-TTg", issuer: "thu-tuong-chinh-phu", source: "symbol" },
  ],
  ["Thông tư số 38/2026/TT - BTC ngày 31 tháng 3 năm 2026", { symbol: "38/2026/TT-BTC" }],
  ["Quyết định số 12/QĐ-UB\nND ngày 3/3/2020", { symbol: "12/QĐ-UBND" }],
  ["Chỉ thị số 16-CT/T\nU ngày 3/3/2020", { symbol: "16-CT/TU" }],
  // not taken in: an unknown word after a spaced dash, a new line that does not complete a code
  ["Quyết định số 1909/QĐ – Về việc", { symbol: "1909/QĐ" }],
  ["theo Quyết định số 12/QĐ-UBND\nCăn cứ", { symbol: "12/QĐ-UBND" }],
];

describe("symbol forms", () => {
  it.each(FORMS)("%j", (input, expected) => {
    const { citations } = extractCitations(input);
    expect(citations.map((c) => c.symbol)).toEqual([expected.symbol]);
    const c = citations[0]!;
    if (expected.issuer !== undefined) expect(c.issuer?.key ?? null).toBe(expected.issuer);
    if (expected.source !== undefined) expect(c.issuerSource).toBe(expected.source);
    expect(input.slice(c.span[0], c.span[1])).toBe(c.quote);
  });

  it.each([
    ["294QĐ/TW", "294-QĐ/TW"],
    ["15 – NQ/TU", "15-NQ/TU"],
    ["07/2010/NQLT/CP-UBTUMTTQVN", "07/2010/NQLT/CP-UBTUMTTQVN"],
    ["1234/SNV-CCHC&PC", "1234/SNV-CCHC&PC"],
  ])("normaliseSymbol(%j) is %j", (input, expected) => {
    expect(normaliseSymbol(input)).toBe(expected);
  });

  it.each(["khoản 2 Điều 5 NQ/TW", "trang 12 TB/TW", "Điều 3 HD/BTCTW"])(
    "%j: a number and a code without a dash and without a type word cite nothing",
    (input) => {
      expect(extractCitations(input).citations).toEqual([]);
    },
  );
});

// OCR damage inside a symbol that the issuer written next to it repairs: [input, symbol, warnings]
describe("symbols repaired by their context", () => {
  it.each([
    ["Thực hiện Nghị quyết số 07-NQ/TƯ ngày 5/5/2021 của Tỉnh ủy về phát triển", "07-NQ/TU", ["ocr-repair"]],
    ["Nghị quyết số 07-NQ/TƯ ngày 5/5/2021 của Ban Thường vụ Tỉnh ủy Quảng Ninh", "07-NQ/TU", ["ocr-repair"]],
    ["Nghị quyết số 07-NQ/TƯ ngày 5/5/2021 của Bộ Chính trị", "07-NQ/TW", []],
    ["Nghị quyết số 07-NQ/TW ngày 5/5/2021 của Tỉnh ủy", "07-NQ/TW", ["issuer-mismatch"]],
  ] as const)("%j is %s", (input, symbol, warnings) => {
    const [c] = extractCitations(input).citations;
    expect(c?.symbol).toBe(symbol);
    expect(c?.key.split("|")[1]).toBe(symbol);
    expect(c?.warnings.map((w) => w.kind)).toEqual(warnings);
    const repair = c?.warnings.find((w) => w.kind === "ocr-repair");
    if (repair) expect(repair.message).toContain("07-NQ/TƯ");
  });
});
