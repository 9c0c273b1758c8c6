import type { MatchingText } from "./matching-text.js";
import { DEBRIS_LINE } from "../patterns.js";

/** A line of the matching text; offsets index the matching text, `end` excludes the line feed. */
export interface Line {
  index: number;
  start: number;
  end: number;
  /** offset of the first non-blank character (== end for a blank line) */
  contentStart: number;
  /** offset after the last non-blank character */
  contentEnd: number;
  blank: boolean;
  /** page furniture or OCR debris: a lone page number, "• •", a gazette running header */
  debris: boolean;
}

export function splitLines(mt: MatchingText): Line[] {
  const { text, folded } = mt;
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = n;
    let cs = start;
    while (cs < end && isSpace(text.charCodeAt(cs))) cs++;
    let ce = end;
    while (ce > cs && isSpace(text.charCodeAt(ce - 1))) ce--;
    const blank = cs === ce;
    const debris = !blank && ce - cs < 160 && DEBRIS_LINE.test(folded.slice(cs, ce));
    lines.push({ index: lines.length, start, end, contentStart: cs, contentEnd: ce, blank, debris });
    if (end === n) break;
    start = end + 1;
  }
  return lines;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x0a ||
    c === 0x0b ||
    c === 0x0c ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Typical length of a full line of running text, to tell a line that wraps from one that ends a paragraph. */
export function typicalLineLength(lines: readonly Line[]): number {
  const lengths: number[] = [];
  for (const l of lines) if (!l.blank && !l.debris) lengths.push(l.contentEnd - l.contentStart);
  if (lengths.length === 0) return 80;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.75)]!;
}
