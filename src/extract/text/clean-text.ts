import type { MatchingText } from "./matching-text.js";
import type { Line } from "./lines.js";
import { isLowerLetterCode, isUpperLetterCode } from "./fold-vietnamese.js";

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
import { DEBRIS_TOKEN, DEBRIS_TRAIL } from "../patterns.js";

/**
 * Readable text of a range of lines: debris lines and tokens dropped, wrapped lines joined with
 * a space, a line break kept only where a blank line is followed by a new paragraph (a blank
 * line before a lower-case word is an OCR page break inside a sentence).
 */
export function cleanLines(
  mt: MatchingText,
  lines: readonly Line[],
  from: number,
  to: number,
  firstLineFrom?: number,
): string {
  const parts: string[] = [];
  let pendingBreak = false;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.blank) {
      if (parts.length > 0) pendingBreak = true;
      continue;
    }
    if (line.debris) continue;
    const s =
      i === from && firstLineFrom !== undefined
        ? Math.max(firstLineFrom, line.contentStart)
        : line.contentStart;
    if (s >= line.contentEnd) continue;
    let piece = cleanInline(mt.text.slice(s, line.contentEnd));
    if (piece.length === 0) continue;
    if (parts.length > 0) {
      const prev = parts[parts.length - 1]!;
      const startsLower = isLowerLetterCode(piece.charCodeAt(0));
      if (pendingBreak && !startsLower) {
        parts.push("\n");
      } else if (
        prev.endsWith("-") &&
        isDigitCode(prev.charCodeAt(prev.length - 2)) &&
        isUpperLetterCode(piece.charCodeAt(0))
      ) {
        // A symbol broken after its hyphen ("16-" / "CT/TU"): join without a space.
        parts[parts.length - 1] = prev + piece;
        piece = "";
      } else {
        parts.push(" ");
      }
    }
    if (piece.length > 0) parts.push(piece);
    pendingBreak = false;
  }
  // Pieces are already collapsed and trimmed, and joined by one space or one line break.
  return parts.join("").trim();
}

/** One line or phrase cleaned: debris tokens gone, spaces collapsed. */
export function cleanInline(s: string): string {
  let debris = false;
  let spaces = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2022 || c === 0xb7 || c === 0x25aa || (c === 0x4a && s.charCodeAt(i + 1) === 0x4c))
      debris = true;
    else if (
      c === 0x09 ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0xa0 ||
      (c === 0x20 && s.charCodeAt(i + 1) === 0x20)
    )
      spaces = true;
  }
  const t = debris ? s.replace(DEBRIS_TRAIL, "").replace(DEBRIS_TOKEN, " ") : s;
  return (spaces || debris ? t.replace(/\s+/g, " ") : t).trim();
}

/** A passage of the matching text cleaned for reading (line breaks become spaces). */
export function cleanPassage(mt: MatchingText, start: number, end: number): string {
  return cleanInline(mt.text.slice(start, end));
}
