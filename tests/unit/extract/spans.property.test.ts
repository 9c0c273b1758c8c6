import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractCitations, extractDocument, type ParsedDocument } from "../../../src/extract/index.js";
import { seedText } from "./seed-fixture.js";

/** Every span of a model, with the quote it must slice to (null: only bounds are checked). */
function spansOf(doc: ParsedDocument): [string, [number, number], string | null][] {
  return [
    ...doc.citations.map((c): [string, [number, number], string | null] => ["citation", c.span, c.quote]),
    ...doc.citations.flatMap((c): [string, [number, number], string | null][] =>
      c.titleSpan ? [["title", c.titleSpan, null]] : [],
    ),
    ...doc.namedReferences.map((r): [string, [number, number], string | null] => ["named", r.span, r.quote]),
    ...doc.targets.map((t): [string, [number, number], string | null] => ["target", t.span, t.quote]),
    ...doc.targets.flatMap((t) =>
      t.quantities.map((q): [string, [number, number], string | null] => ["quantity", q.span, q.quote]),
    ),
    ...(doc.deadlines ?? []).map((d): [string, [number, number], string | null] => [
      "deadline",
      d.span,
      d.quote,
    ]),
    ...doc.responsibilities.flatMap((r) =>
      r.deadlines.map((d): [string, [number, number], string | null] => ["deadline", d.span, d.quote]),
    ),
    ...doc.responsibilities.map((r): [string, [number, number], string | null] => [
      "responsibility",
      r.span,
      null,
    ]),
    ...doc.tasks.map((t): [string, [number, number], string | null] => ["task", t.span, null]),
    ...doc.warnings.flatMap((w): [string, [number, number], string | null][] =>
      w.span ? [["warning", w.span, null]] : [],
    ),
  ];
}

function expectSpansIndex(text: string, doc: ParsedDocument): void {
  for (const [what, [s, e], quote] of spansOf(doc)) {
    expect(s, what).toBeGreaterThanOrEqual(0);
    expect(e, what).toBeLessThanOrEqual(text.length);
    expect(s, what).toBeLessThanOrEqual(e);
    if (quote !== null) expect(text.slice(s, e), what).toBe(quote);
  }
}

// Pieces of real documents, so that random text exercises the grammar and not only its failure paths.
const FRAGMENTS = [
  "Nghị quyết số ",
  "26-NQ/TW",
  " ngày 19/5/2018",
  " của Ban Chấp hành Trung ương",
  "\n",
  "\r\n",
  "\n\n",
  "II- ",
  "1. ",
  "2.1. ",
  "Điều 5. ",
  "a) ",
  "Chương I",
  "(1) ",
  "đạt trên 10%",
  "52.600 tỷ đồng",
  "về kinh tế: ",
  "16-\nCT/TU",
  "Quy định so ",
  "khóa xm",
  "Nghị quyết Trung ương 4 (khóa XI, XII, xm)",
  "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;",
  'Đề án "',
  '"',
  "ừong",
  "Ð",
  "e\u0301",
  "\u0000",
  "\uFEFF",
  "\uD800",
  " ",
  "\t",
  "số",
  "Nghị định 81",
  "hết Quý III/2022",
  "T/M TỈNH ỦY\nBÍ THƯ\n\níguyễn Xuân Ký",
];
const documentLike = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string(), fc.string({ unit: "grapheme" })), {
    maxLength: 60,
  })
  .map((xs) => xs.join(""));

describe("properties over arbitrary input", () => {
  it("extractDocument never throws and every span slices to its quote", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), documentLike),
        (text) => {
          const doc = extractDocument(text);
          expect(doc.warnings.some((w) => w.kind === "internal-error")).toBe(false);
          expectSpansIndex(text, doc);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("extractCitations never throws and every span slices to its quote", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), documentLike), (text) => {
        const { citations, namedReferences, warnings } = extractCitations(text);
        expect(warnings.some((w) => w.kind === "internal-error")).toBe(false);
        for (const c of citations) expect(text.slice(c.span[0], c.span[1])).toBe(c.quote);
        for (const r of namedReferences) expect(text.slice(r.span[0], r.span[1])).toBe(r.quote);
      }),
      { numRuns: 400 },
    );
  });

  it("survives huge white space and long lines", () => {
    const texts = [
      " ".repeat(200_000),
      "\n".repeat(100_000),
      `${"a".repeat(300_000)}\n`,
      "1. ".repeat(50_000),
      "(1) ".repeat(30_000),
      "số ".repeat(50_000) + "12-NQ/TW",
    ];
    for (const text of texts) expectSpansIndex(text, extractDocument(text));
  });
});

describe("spans index the original text whatever normalisation matching needs", () => {
  const doc = extractDocument(seedText);

  it("with CRLF line endings", () => {
    const crlf = seedText.replace(/\n/g, "\r\n");
    const other = extractDocument(crlf);
    expectSpansIndex(crlf, other);
    expect(other.citations.map((c) => c.key)).toEqual(doc.citations.map((c) => c.key));
    expect(other.tasks.map((t) => t.code)).toEqual(doc.tasks.map((t) => t.code));
    expect(other.citations.find((c) => c.symbol === "16-CT/TU")?.quote).toBe(
      "Chỉ thị số 16-\r\nCT/TU ngày 15/9/2021 của Ban Thường vụ Tỉnh ủy",
    );
  });

  it("with decomposed (NFD) characters", () => {
    const nfd = seedText.normalize("NFD");
    expect(nfd.length).toBeGreaterThan(seedText.length);
    const other = extractDocument(nfd);
    expectSpansIndex(nfd, other);
    expect(other.citations.map((c) => c.key)).toEqual(doc.citations.map((c) => c.key));
    expect(other.targets.map((t) => t.quantities.length)).toEqual(
      doc.targets.map((t) => t.quantities.length),
    );
    expect(other.namedReferences.map((r) => r.name)).toEqual(doc.namedReferences.map((r) => r.name));
    const c = other.citations.find((x) => x.symbol === "18-CT/TU")!;
    expect(c.quote.normalize("NFC")).toBe("Chỉ thị số 18-CT/TU ngày 18/10/2021 của Ban Thương \nvụ Tỉnh ủy");
  });

  it("with a mix of both, and a byte order mark", () => {
    const mixed = `\uFEFF${seedText.slice(0, 20000).normalize("NFD").replace(/\n/g, "\r\n")}${seedText.slice(20000)}`;
    expectSpansIndex(mixed, extractDocument(mixed));
  });
});
