import { foldKey } from "../text/fold-vietnamese.js";
import {
  ARTICLE_MARKER,
  CHAPTER_MARKER,
  LETTER_MARKER,
  NUMBER_MARKER,
  PART_MARKER,
  ROMAN_MARKER,
  SECTION_MARKER,
} from "../patterns.js";
import { MARKER_RANK, ORDINAL_NUMBERS, POINT_LETTERS, type MarkerKind } from "../vocabulary/structure.js";

export interface Marker {
  kind: MarkerKind;
  rank: number;
  value: number;
  numbers: number[];
  label: string;
  /** offset in the line where the marker's text begins */
  contentFrom: number;
  suffix: string;
  /** written without its usual punctuation ("Điều 76 Hình thức …"): accepted only in exact sequence */
  loose?: boolean;
}

const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

export function romanToInt(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!.toUpperCase()] ?? 0;
    const next = ROMAN_VALUES[s[i + 1]?.toUpperCase() ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * First characters a marker can start with: a digit, Đ/Điều, C/Chương, P/Phần, M/Mục, a Roman
 * I/V/X, or a point letter before ")". Most lines start otherwise and skip the patterns.
 */
function mayStartMarker(lineText: string): boolean {
  const c = lineText.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x110 || c === 0x43 || c === 0x50 || c === 0x4d) return true;
  if (c === 0x49 || c === 0x56 || c === 0x58) return true;
  return (
    lineText.charCodeAt(1) === 0x29 || lineText.charCodeAt(2) === 0x29 || lineText.charCodeAt(3) === 0x29
  );
}

/** Reads a structural marker at the start of a line, without judging whether it fits the sequence. */
export function readMarker(lineText: string): Marker | null {
  if (!mayStartMarker(lineText)) return null;
  let m = ARTICLE_MARKER.exec(lineText);
  if (m) {
    return {
      kind: "article",
      rank: MARKER_RANK.article,
      value: Number(m[1]),
      numbers: [Number(m[1])],
      label: m[1]!,
      contentFrom: m[0].length,
      suffix: m[2] ?? "",
      loose: m[3] === undefined,
    };
  }
  m = CHAPTER_MARKER.exec(lineText);
  if (m) {
    const label = m[1]!.toUpperCase();
    const value = /^\d+$/.test(label) ? Number(label) : romanToInt(label);
    return {
      kind: "chapter",
      rank: MARKER_RANK.chapter,
      value,
      numbers: [value],
      label,
      contentFrom: m[0].length,
      suffix: "",
    };
  }
  m = PART_MARKER.exec(lineText);
  if (m) {
    const raw = m[1]!;
    const value = /^\d+$/.test(raw)
      ? Number(raw)
      : /^[IVXLC]+$/.test(raw)
        ? romanToInt(raw)
        : ordinalWordValue(raw);
    const label = /^(?:thứ|THỨ)/u.test(raw) ? raw.toLowerCase() : raw;
    return {
      kind: "part",
      rank: MARKER_RANK.part,
      value,
      numbers: [value],
      label,
      contentFrom: m[0].length,
      suffix: "",
    };
  }
  m = SECTION_MARKER.exec(lineText);
  if (m) {
    const raw = m[1]!;
    const value = /^\d+$/.test(raw) ? Number(raw) : romanToInt(raw);
    return {
      kind: "section",
      rank: MARKER_RANK.section,
      value,
      numbers: [value],
      label: raw,
      contentFrom: m[0].length,
      suffix: "",
    };
  }
  m = ROMAN_MARKER.exec(lineText);
  if (m) {
    const label = m[1]!;
    return {
      kind: "roman",
      rank: MARKER_RANK.roman,
      value: romanToInt(label),
      numbers: [romanToInt(label)],
      label,
      contentFrom: m[0].length,
      suffix: "",
    };
  }
  m = NUMBER_MARKER.exec(lineText);
  if (m) {
    const rest = m[2] ?? "";
    const terminated = m[3] !== undefined;
    if (!terminated && rest.length === 0) return null;
    const numbers = [
      Number(m[1]),
      ...rest
        .split(".")
        .filter((p) => p.length > 0)
        .map(Number),
    ];
    if (numbers.some((n) => n === 0)) return null;
    return {
      kind: "number",
      rank: MARKER_RANK.number + numbers.length - 1,
      value: numbers[numbers.length - 1]!,
      numbers,
      label: numbers.join("."),
      contentFrom: m[0].length,
      suffix: "",
    };
  }
  m = LETTER_MARKER.exec(lineText);
  if (m) {
    const letter = m[1]!;
    return {
      kind: "letter",
      rank: MARKER_RANK.letter,
      value: letterValue(letter),
      numbers: [letterValue(letter)],
      label: letter,
      contentFrom: m[0].length,
      suffix: "",
    };
  }
  return null;
}

function ordinalWordValue(raw: string): number {
  const word = foldKey(raw).replace(/^thu\s+/, "");
  return ORDINAL_NUMBERS.get(word) ?? 0;
}

function letterValue(letter: string): number {
  const i = POINT_LETTERS.indexOf(letter);
  if (i >= 0) return i + 1;
  // Latin-only letters (f, j, w, z) sort after their Latin predecessor.
  return POINT_LETTERS.indexOf(String.fromCharCode(letter.charCodeAt(0) - 1)) + 1.5;
}
