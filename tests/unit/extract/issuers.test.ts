import { describe, expect, it } from "vitest";
import { extractCitations } from "../../../src/extract/index.js";

// Issuers: from the text, then from the symbol when its code names one body, then nothing.
// [input, expected: symbol, issuer key (null: unknown) and its source]
const ISSUERS: readonly (readonly [
  string,
  { symbol: string; issuer: string | null; source: string | null },
])[] = [
  // a conference is a detail: the issuer is its committee
  [
    "Nghị quyết số 26-NQ/TW ngày 05 tháng 8 năm 2008 của Hội nghị lần thứ 7 Ban Chấp hành\nTrung ương Đảng khóa X",
    { symbol: "26-NQ/TW", issuer: "ban-chap-hanh-trung-uong", source: "text" },
  ],
  [
    "Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
    { symbol: "04-NQ/TW", issuer: "ban-chap-hanh-trung-uong", source: "text" },
  ],
  [
    "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII",
    { symbol: "18-NQ/TW", issuer: "ban-chap-hanh-trung-uong", source: "text" },
  ],
  // "của Trung ương" is the Central Committee
  [
    "Nghị quyết số 26-NQ/TW ngày \n19 tháng 5 năm 2018 của Trung ương khóa XII",
    { symbol: "26-NQ/TW", issuer: "ban-chap-hanh-trung-uong", source: "text" },
  ],
  // TW alone names several bodies: unknown
  ["Hướng dẫn 06-HD/TW", { symbol: "06-HD/TW", issuer: null, source: null }],
];

describe("issuers", () => {
  it.each(ISSUERS)("%j", (input, expected) => {
    const { citations } = extractCitations(input);
    expect(citations.map((c) => c.symbol)).toEqual([expected.symbol]);
    expect(citations[0]!.issuer?.key ?? null).toBe(expected.issuer);
    expect(citations[0]!.issuerSource ?? null).toBe(expected.source);
  });
});
