import type { MatchingText } from "../text/matching-text.js";
import type { Line } from "../text/lines.js";
import { cleanInline } from "../text/clean-text.js";
import { isLetterCode, isLowerLetterCode, isUpperLetterCode } from "../text/fold-vietnamese.js";
import { readMarker } from "./read-marker.js";
import { CONTINUATION_WORDS, MAX_HEADING_LINES } from "../vocabulary/structure.js";

/** The title of a chapter, part or section: the rest of its line, or the capitalised lines after it. */
export function capsTitle(
  mt: MatchingText,
  lines: readonly Line[],
  line: number,
  contentFrom: number,
  endLine: number,
): { title: string; nextLine: number } {
  const rest = cleanInline(mt.text.slice(contentFrom, lines[line]!.contentEnd)).replace(/^[.:\-–\s]+/u, "");
  let i = line + 1;
  const parts: string[] = rest.length > 0 ? [rest] : [];
  if (rest.length === 0 || isCapitalised(rest)) {
    while (i < endLine) {
      const l = lines[i]!;
      if (l.blank || l.debris) {
        if (parts.length > 0) break;
        i++;
        continue;
      }
      const t = mt.text.slice(l.contentStart, l.contentEnd);
      if (!isCapitalised(t) || readMarker(t)) break;
      parts.push(cleanInline(t));
      i++;
    }
  }
  return { title: parts.join(" "), nextLine: i };
}

/** Mostly upper-case letters: a heading line of a chapter. */
export function isCapitalised(s: string): boolean {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isUpperLetterCode(c)) {
      upper++;
      letters++;
    } else if (isLowerLetterCode(c)) letters++;
  }
  return letters > 0 && upper / letters > 0.8;
}

/**
 * The line after the heading block that starts at `line`. A heading goes on while the next
 * line starts in lower case (even across an OCR blank line), or while it ends with a word that
 * cannot end a heading; it stops at a full stop, at another marker, or at a capitalised line.
 */
export function headingBlockEnd(
  mt: MatchingText,
  lines: readonly Line[],
  line: number,
  endLine: number,
  paragraph: boolean,
): number {
  let last = line;
  let count = 1;
  let i = line + 1;
  while (i < endLine && count < MAX_HEADING_LINES) {
    let blankBetween = false;
    let j = i;
    while (j < endLine && (lines[j]!.blank || lines[j]!.debris)) {
      if (lines[j]!.blank) blankBetween = true;
      j++;
    }
    if (j >= endLine) break;
    const next = lines[j]!;
    const nextText = mt.text.slice(next.contentStart, next.contentEnd);
    if (readMarker(nextText)) break;
    const prev = lines[last]!;
    const prevEnd = endWithoutDebris(mt.text, prev.contentStart, prev.contentEnd);
    const lastChar = lastCharSkippingQuotes(mt.text, prev.contentStart, prevEnd);
    // A full stop ends a heading; a semicolon does not ("… trên các lĩnh vực; quản lý …").
    if (lastChar === "." || lastChar === ":" || lastChar === "!" || lastChar === "?") break;
    const first = firstLetterOrDigit(nextText);
    const startsLower = first !== null && (isLowerLetterCode(first) || (first >= 0x30 && first <= 0x39));
    const lastWord = lastWordOf(mt.text, prev.contentStart, prevEnd).toLowerCase();
    const tail = mt.text.charAt(prevEnd - 1);
    const dangling = tail === "," || tail === "-" || tail === "–" || CONTINUATION_WORDS.has(lastWord);
    if (startsLower || (!blankBetween && (dangling || paragraph))) {
      last = j;
      count++;
      i = j + 1;
      continue;
    }
    break;
  }
  return last + 1;
}

/** End of a line without trailing OCR debris ("… chiến lược • • • • JL •"). */
function endWithoutDebris(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && (text[e - 1] === " " || text[e - 1] === "\t")) e--;
    const c = text[e - 1];
    if (c === "•" || c === "·" || c === "▪") e--;
    else if (c === "L" && text[e - 2] === "J" && (e - 2 === start || /\s/.test(text[e - 3] ?? " "))) e -= 2;
    else return e;
  }
}

function lastCharSkippingQuotes(text: string, start: number, end: number): string {
  let e = end;
  while (e > start && (text[e - 1] === '"' || text[e - 1] === "”" || text[e - 1] === "'")) e--;
  return e > start ? text[e - 1]! : "";
}

function lastWordOf(text: string, start: number, end: number): string {
  let e = end;
  while (e > start && !isLetterCode(text.charCodeAt(e - 1)) && !/\d/.test(text[e - 1]!)) e--;
  let s = e;
  while (s > start && (isLetterCode(text.charCodeAt(s - 1)) || /\d/.test(text[s - 1]!))) s--;
  return text.slice(s, e);
}

function firstLetterOrDigit(s: string): number | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x201c || c === 0x28 || c === 0x20) continue;
    return c;
  }
  return null;
}
