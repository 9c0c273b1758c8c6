import { describe, expect, it } from "vitest";
import {
  checkSourceText,
  decodeSource,
  ExtractionError,
  extractDocument,
} from "../../../src/extract/index.js";
import { prepareText } from "../../../src/graph/ingest.js";

const bytes = (...xs: number[]): Uint8Array => new Uint8Array(xs);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("decodeSource", () => {
  it("decodes UTF-8 and strips a byte order mark", () => {
    expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Nghị quyết")]))).toBe("Nghị quyết");
    expect(decodeSource(utf8("Điều 1. Phạm vi"))).toBe("Điều 1. Phạm vi");
  });

  it.each([
    ["empty", bytes(), "EMPTY", /is empty \(0 bytes\)/],
    ["white space only", utf8(" \n\t\r\n "), "EMPTY", /white space only/],
    ["NUL bytes", bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00), "BINARY", /NUL byte at offset 4/],
    [
      "mostly control characters",
      bytes(...Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01))),
      "BINARY",
      /control bytes/,
    ],
    [
      "invalid UTF-8 (Windows-1258)",
      bytes(0x4e, 0x67, 0x68, 0xd2, 0x20, 0x71, 0x75, 0x79, 0xea, 0x74),
      "NOT_UTF8",
      /invalid byte sequence at byte 3/,
    ],
    ["a truncated sequence", bytes(0x41, 0xe1, 0xbb), "NOT_UTF8", /at byte 1/],
    ["UTF-16", bytes(0xff, 0xfe, 0x4e, 0x00), "NOT_UTF8", /UTF-16/],
  ] as const)("refuses %s with %s", (_name, input, code, message) => {
    let caught: unknown = null;
    try {
      decodeSource(input, "x.txt");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExtractionError);
    const e = caught as ExtractionError;
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message).toContain('"x.txt"');
  });
});

describe("extractDocument on bad input", () => {
  it.each([
    ["empty", ""],
    ["blank", "   \n\n  "],
    ["prose without structure", "Đây là một đoạn văn bản bình thường, không có đề mục nào."],
    ["binary-looking", "\u0000\u0001\u0002PK\u0003\u0004"],
  ])("%s gives a model with a no-structure warning", (_name, text) => {
    const doc = extractDocument(text);
    expect(doc.tasks).toEqual([]);
    expect(doc.warnings.map((w) => w.kind)).toContain("no-structure");
  });

  it("does not throw on a non-string", () => {
    expect(() => extractDocument(undefined as unknown as string)).not.toThrow();
  });
});

describe("checkSourceText: the same test for a text that arrives as a string", () => {
  const heading = "TỈNH ỦY QUẢNG NINH\nSố 01-KH/TU\n\nI- MỤC ĐÍCH\n1. Quán triệt\n";
  it.each([
    [
      "a NUL after 64 K of good text",
      `${heading}${"Thực hiện. ".repeat(7000)}\u0000`,
      "BINARY",
      /NUL character/,
    ],
    ["control characters", `${heading}${"\u0001\u0002\u0003".repeat(40)}`, "BINARY", /control characters/],
    [
      "a lone surrogate",
      `${heading}Nghị quyết \ud800 số 1`,
      "NOT_UTF8",
      /lone UTF-16 surrogate at offset 69/,
    ],
  ])("refuses %s", (_name, text, code, message) => {
    const error = (() => {
      try {
        checkSourceText(text, "api.txt");
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ExtractionError);
    expect((error as ExtractionError).code).toBe(code);
    expect((error as ExtractionError).message).toMatch(message);
  });

  it("accepts text with tabs, form feeds, CRLF and paired surrogates", () => {
    expect(() => checkSourceText(`${heading}\tĐiều 1.\f\r\nemoji 😀`)).not.toThrow();
  });

  it("is what the loader's prepareText runs, so the API's ingestDocument refuses the same texts", () => {
    expect(() => prepareText({ text: `${heading}\u0000`, sourceName: "api.txt" })).toThrow(
      expect.objectContaining({ code: "BINARY" }),
    );
  });
});
