import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/index.js";
import { seedText } from "./seed-fixture.js";

// A header-less excerpt of a document (whole lines of its body) gives the same numbered
// citations, by symbol, as the same text inside the document: the excerpt's first sentence is
// never taken for its own number (#17). Short forms are left out (they resolve to a full
// citation that may lie before the excerpt).
describe("a header-less excerpt cites what the same text cites inside the document", () => {
  const text = seedText;
  const whole = extractDocument(text);
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)].filter((i) => i < text.length);
  const bodyFrom = lineStarts.findIndex((i) => i >= (whole.tasks[0]?.span[0] ?? 0));

  it("holds for random runs of whole lines", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Math.max(0, bodyFrom), max: lineStarts.length - 2 }),
        fc.integer({ min: 1, max: 40 }),
        (first, count) => {
          const start = lineStarts[first]!;
          const end = lineStarts[Math.min(first + count, lineStarts.length - 1)]!;
          const inside = whole.citations
            .filter((c) => {
              // the excerpt holds the citation's words up to the end of its symbol
              const symbolEnd = text.indexOf(c.symbolAsPrinted, c.span[0]) + c.symbolAsPrinted.length;
              return !c.shortFormOf && c.span[0] >= start && symbolEnd <= end;
            })
            .map((c) => c.symbol);
          const excerpt = extractDocument(text.slice(start, end))
            .citations.filter((c) => !c.shortFormOf)
            .map((c) => c.symbol);
          expect(excerpt).toEqual(inside);
        },
      ),
      { numRuns: 150, seed: 17 },
    );
  });
});
