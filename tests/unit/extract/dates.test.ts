import { describe, expect, it } from "vitest";
import { extractCitations, extractDocument } from "../../../src/extract/index.js";
import { isoDateFromDamaged } from "../../../src/extract/text/iso-date.js";

// Dates a converter damaged: [printed digits, the date, or null when they do not split into one]
const DAMAGED: readonly (readonly [string, string | null])[] = [
  ["26-52025", "2025-05-26"],
  ["0962025", "2025-06-09"],
  ["2652025", "2025-05-26"],
  ["26-122025", "2025-12-26"],
  ["1122025", null], // 11/2 or 1/12
  ["3112025", null], // 3/11 or 31/1
  ["12025", null],
];

describe("dates", () => {
  it.each(DAMAGED)("%j is %j", (printed, date) => {
    expect(isoDateFromDamaged(printed)).toBe(date);
  });

  it.each([
    ["Quy định số 294-QĐ/TW, ngày 26-52025 của Bộ Chính trị", "2025-05-26", "bo-chinh-tri"],
    ["Hướng dẫn 06-HD/TW, ngày 0962025 của Ban Bí thư “Một số vấn đề”", "2025-06-09", "ban-bi-thu"],
  ])(
    "%j: a damaged date is repaired with an ocr-repair warning, and the issuer after it read",
    (text, date, issuer) => {
      const [c] = extractCitations(text).citations;
      expect(c?.date).toBe(date);
      expect(c?.issuer?.key).toBe(issuer);
      const w = c?.warnings.find((x) => x.kind === "ocr-repair");
      expect(w?.span && text.slice(w.span[0], w.span[1])).toBe(/ngày (\S+)/.exec(text)![1]);
    },
  );

  it.each([
    [
      "Căn cứ Kết luận số 18-KL/TW ngày 02/4/2026 của Ban Chấp hành Trung ương; theo Kết luận số 18-KL/TW,\n",
      ["KL|18-KL/TW|2026", "KL|18-KL/TW|2026"],
    ],
    [
      "Thực hiện Kết luận số 18-KL/TW; Kết luận số 18-KL/TW ngày 02/4/2026 của Ban Chấp hành Trung ương\n",
      ["KL|18-KL/TW|2026", "KL|18-KL/TW|2026"],
    ],
    // two dated mentions that disagree: the undated one stays unresolved
    [
      "Chỉ thị số 05-CT/TW ngày 15/5/2016; Chỉ thị số 05-CT/TW ngày 4/7/2011; Chỉ thị số 05-CT/TW.\n",
      ["CT|05-CT/TW|2016", "CT|05-CT/TW|2011", "CT|05-CT/TW|?"],
    ],
  ])("%j: one document, one key", (text, keys) => {
    const doc = extractDocument(text);
    expect(doc.citations.map((c) => c.key)).toEqual(keys);
    expect(
      doc.citations
        .filter((c) => c.date === null)
        .every((c) => c.warnings.every((w) => w.kind !== "no-year") === c.resolved),
    ).toBe(true);
  });
});
