/**
 * Pages of lines → the document's text (pure): lines end with "\n", a paragraph break is a blank
 * line, a word broken by a hyphen at a line's end is joined, and every page gets its span and
 * every line its box.
 */
import type { PageSpan, TextBox } from "../types.js";
import type { PageLine } from "./layout.js";
import { isVietnameseSyllable } from "./garbage.js";

export interface AssembledPage {
  page: number;
  width: number;
  height: number;
  method: "pdf-text" | "ocr";
  confidence?: number;
  /** text-layer lines with boxes; OCR pages have lines without boxes */
  lines: PageLine[];
  /** false for OCR lines: no box is known */
  boxed: boolean;
}

export interface Assembled {
  text: string;
  pages: PageSpan[];
  boxes: TextBox[];
}

const LETTER = /\p{L}/u;
const LOWER = /^\p{Ll}/u;

/**
 * "phát-" + "triển": the broken word's two parts, joined. Two parts that are each a whole
 * Vietnamese syllable are two syllables ("phát triển"); otherwise one word ("tri-" + "ển",
 * "docu-" + "ment").
 */
export function joinHyphenated(before: string, after: string): string {
  const left = /[\p{L}\p{M}]+$/u.exec(before)?.[0] ?? "";
  const right = /^[\p{L}\p{M}]+/u.exec(after)?.[0] ?? "";
  const twoSyllables =
    left.length > 0 &&
    right.length > 0 &&
    /[^ -~]/u.test(left + right) &&
    isVietnameseSyllable(left) &&
    isVietnameseSyllable(right) &&
    !isVietnameseSyllable(left + right);
  return before + (twoSyllables ? " " : "") + after;
}

/** A line that ends with a word broken by a hyphen, before a line that goes on in lower case. */
export function endsWithBrokenWord(line: string, next: string): boolean {
  const t = line.trimEnd();
  if (!t.endsWith("-") || t.length < 3) return false;
  const before = t.charAt(t.length - 2);
  // "kinh tế -" is a dash, "294-" before "QĐ/TW" a symbol, "2021-" a range
  return LETTER.test(before) && /\p{Ll}/u.test(before) && LOWER.test(next.trimStart());
}

export function assemble(pages: readonly AssembledPage[]): Assembled {
  let text = "";
  const spans: PageSpan[] = [];
  const boxes: TextBox[] = [];
  let lastBox: TextBox | null = null;
  for (const page of pages) {
    const start = text.length;
    page.lines.forEach((line, k) => {
      const body = line.text;
      if (body.length === 0) return;
      let lineStart: number;
      if (text.length > 0 && text.endsWith("\n") && endsWithBrokenWord(text.slice(0, -1), body)) {
        // undo "-\n" and join the word (across a page break too)
        const before = text.slice(0, -2);
        const joined = joinHyphenated(before, body);
        text = joined.slice(0, joined.length - body.length);
        if (lastBox) lastBox.end = Math.min(lastBox.end, before.length);
        const previous = spans[spans.length - 1];
        if (previous && previous.end > text.length) previous.end = text.length;
        lineStart = text.length;
        text += body;
      } else {
        if (line.paragraph && k > 0 && text.length > 0 && !text.endsWith("\n\n")) text += "\n";
        lineStart = text.length;
        text += body;
      }
      if (page.boxed) {
        lastBox = {
          page: page.page,
          start: lineStart,
          end: text.length,
          x: round(line.x),
          y: round(line.y),
          width: round(line.width),
          height: round(line.height),
        };
        boxes.push(lastBox);
      } else lastBox = null;
      text += "\n";
    });
    const span: PageSpan = {
      page: page.page,
      start: Math.min(start, text.length),
      end: text.length,
      method: page.method,
      width: round(page.width),
      height: round(page.height),
    };
    if (page.confidence !== undefined) span.confidence = page.confidence;
    spans.push(span);
  }
  // a hyphen joined across a page break moves the page's start: keep the spans contiguous
  for (let i = 1; i < spans.length; i++) spans[i]!.start = spans[i - 1]!.end;
  if (spans[0]) spans[0].start = 0;
  return { text, pages: spans, boxes };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
