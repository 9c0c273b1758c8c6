/**
 * Folding maps each UTF-16 code unit to one code unit (lower case, no diacritics, đ → d), so a
 * folded copy has the same length as its source and every offset in it is an offset in the
 * source. Matching on the folded copy absorbs the OCR damage that only touches diacritics
 * ("so" for "số", "Thương vụ" for "Thường vụ", "ƯSD" for "USD").
 */
/**
 * Cyrillic letters that look like Latin ones, as a text copied from a PDF may hold inside a symbol
 * ("67/2022/TT-BТС" with Cyrillic Т and С): read as the Latin letters they show.
 */
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  У: "Y",
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  х: "x",
  у: "y",
  і: "i",
};

/** The text with Cyrillic look-alike letters replaced by Latin ones (same length). */
export function latinLookalikes(s: string): string {
  return s.replace(/[АВЕКМНОРСТХУаеорсхуі]/g, (ch) => CYRILLIC_LOOKALIKES[ch] ?? ch);
}

const FOLD_TABLE_END = 0x2000;
/** Đ đ, and the eth and African D that OCR puts in their place. */
const D_LIKE = new Set([0x0110, 0x0111, 0x00d0, 0x00f0, 0x0189]);
const FOLD_TABLE: Uint16Array = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(FOLD_TABLE_END);
  for (let c = 0; c < FOLD_TABLE_END; c++) table[c] = foldOne(c);
  return table;
}

function foldOne(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  const lookalike = CYRILLIC_LOOKALIKES[String.fromCharCode(c)];
  if (lookalike) return lookalike.toLowerCase().charCodeAt(0);
  if (D_LIKE.has(c)) return 0x64;
  if (c === 0x00a0) return 0x20;
  const s = String.fromCharCode(c);
  if (c >= 0xc0) {
    const base = s.normalize("NFD").charCodeAt(0);
    if (base < 0x80 && ((base >= 0x41 && base <= 0x5a) || (base >= 0x61 && base <= 0x7a))) {
      return base >= 0x61 ? base : base + 32;
    }
  }
  const lower = s.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

export function foldCode(c: number): number {
  return c < FOLD_TABLE_END ? FOLD_TABLE[c]! : c;
}

/** Folds a whole string; same length as the input. */
export function foldVietnamese(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const out = new Uint16Array(n);
  const table = FOLD_TABLE;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    out[i] = c < FOLD_TABLE_END ? table[c]! : c;
  }
  return codesToString(out);
}

/** Folds and collapses white space: the form vocabulary lookups use ("Ban Thương\nvụ" → "ban thuong vu"). */
export function foldKey(s: string): string {
  return foldVietnamese(s).replace(/\s+/g, " ").trim();
}

/** A stable identifier: folded, non-alphanumerics to single hyphens ("Tỉnh ủy Quảng Ninh" → "tinh-uy-quang-ninh"). */
export function slugify(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const UTF16 = new TextDecoder("utf-16le");
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A string from UTF-16 code units; TextDecoder is far faster than String.fromCharCode on long input. */
export function codesToString(codes: Uint16Array): string {
  if (codes.length < 64 || !LITTLE_ENDIAN) {
    let s = "";
    for (let i = 0; i < codes.length; i++) s += String.fromCharCode(codes[i]!);
    return s;
  }
  return UTF16.decode(codes);
}

/** Per code unit, filled on first sight: 1 not a letter, 2 a letter without case, 3 upper case, 4 lower case. */
const LETTER_CLASS = new Uint8Array(0x10000);
const LETTER = /\p{L}/u;

function letterClass(c: number): number {
  let k = LETTER_CLASS[c]!;
  if (k !== 0) return k;
  const s = String.fromCharCode(c);
  // Combining marks count as letters: in NFD text they sit inside words.
  if (!LETTER.test(s) && !(c >= 0x300 && c <= 0x36f)) k = 1;
  else if (s !== s.toLowerCase()) k = 3;
  else if (s !== s.toUpperCase()) k = 4;
  else k = 2;
  LETTER_CLASS[c] = k;
  return k;
}

/** True for letters (and combining marks, which sit inside words in NFD text). */
export function isLetterCode(c: number): boolean {
  return c < 0x10000 && letterClass(c) >= 2;
}

export function isUpperLetterCode(c: number): boolean {
  return c < 0x10000 && letterClass(c) === 3;
}

export function isLowerLetterCode(c: number): boolean {
  return c < 0x10000 && letterClass(c) === 4;
}

/** White space collapsed and trimmed: for slices of an already folded text. */
export function squashSpaces(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
