import { describe, expect, it } from "vitest";
import { MatchingText } from "../../../src/extract/text/matching-text.js";

describe("MatchingText: matching on a normalised copy, reporting in the original", () => {
  it.each([
    ["identity", "Chỉ thị số 18-CT/TU", "Chỉ thị số 18-CT/TU"],
    ["CRLF", "Chỉ thị số 16-\r\nCT/TU", "Chỉ thị số 16-\nCT/TU"],
    ["NFD", "Chỉ thị số 18".normalize("NFD"), "Chỉ thị số 18"],
    ["eth for đ", "Quyết ðịnh 1909/QÐ-TTg", "Quyết định 1909/QĐ-TTg"],
    ["control characters", "số\u000018-CT/TU", "số 18-CT/TU"],
    ["word-initial OCR", "triển khai ừong Đảng bộ, phát ứiển", "triển khai trong Đảng bộ, phát triển"],
    ["real ứ kept", "ứng dụng, thích ứng", "ứng dụng, thích ứng"],
  ])("%s", (_name, original, text) => {
    const mt = MatchingText.build(original);
    expect(mt.text).toBe(text);
    expect(mt.folded).toHaveLength(mt.text.length);
    // The whole text and every single unit map back to a slice of the original.
    expect(mt.quoteOf(0, mt.length)).toBe(original);
    for (let i = 0; i < mt.length; i++) {
      const [s, e] = mt.spanOf(i, i + 1);
      expect(s).toBeLessThanOrEqual(e);
      expect(e).toBeLessThanOrEqual(original.length);
    }
  });

  it("maps a repaired 'tr' back to the one OCR letter, and reports the repair", () => {
    const mt = MatchingText.build("khai ừong tỉnh");
    const at = mt.text.indexOf("trong");
    expect(mt.quoteOf(at, at + 5)).toBe("ừong");
    expect(mt.quoteOf(at, at + 1)).toBe("ừ");
    expect(mt.repairs).toEqual([{ from: "ừ", to: "tr", span: [5, 6] }]);
  });

  it("maps a composed NFD letter to its whole cluster", () => {
    const original = "Luật Đất đai".normalize("NFD");
    const mt = MatchingText.build(original);
    const at = mt.text.indexOf("Đất");
    expect(mt.quoteOf(at, at + 3).normalize("NFC")).toBe("Đất");
    expect(mt.folded.slice(at, at + 3)).toBe("dat");
  });
});
