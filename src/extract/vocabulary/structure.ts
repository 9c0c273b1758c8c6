/**
 * Vocabulary of document structure: ranks of structural units, the Vietnamese alphabet of
 * points (a, b, c, d, đ, e, g, …), and the words a wrapped heading line can end with.
 */

export type MarkerKind = "part" | "chapter" | "section" | "article" | "roman" | "number" | "letter";

/** Outer units have lower ranks; a unit closes every open unit of its rank or higher. */
export const MARKER_RANK: Readonly<Record<MarkerKind, number>> = {
  part: 0,
  chapter: 1,
  section: 2,
  article: 3,
  roman: 4,
  number: 5, // + depth - 1 for 2.1, 2.1.3
  letter: 9,
};

/** Points are lettered in Vietnamese alphabetical order (no f, j, w, z; đ after d). */
export const POINT_LETTERS: readonly string[] = [
  "a",
  "b",
  "c",
  "d",
  "đ",
  "e",
  "g",
  "h",
  "i",
  "k",
  "l",
  "m",
  "n",
  "o",
  "p",
  "q",
  "r",
  "s",
  "t",
  "u",
  "v",
  "x",
  "y",
];

/**
 * Words that cannot end a heading: a heading line ending with one continues on the next line
 * even when that line starts with a capital ("vai trò của" / "Mặt trận Tổ quốc"). Spelled with
 * their diacritics, lower case: folded, "số" would also be "sơ" ("Hồ sơ") and "có" "cơ".
 */
export const CONTINUATION_WORDS: ReadonlySet<string> = new Set([
  "của",
  "và",
  "với",
  "các",
  "cho",
  "trong",
  "về",
  "để",
  "theo",
  "tại",
  "đối",
  "những",
  "có",
  "là",
  "từ",
  "đến",
  "trên",
  "dưới",
  "gắn",
  "nhằm",
  "hoặc",
  "một",
  "số",
  "nhất",
  "tỉnh",
  "thành",
  "phố",
  "huyện",
  "xã",
  "ngành",
]);

/** Closing sentences of a resolution, folded starts: they end the last item, they are not part of it. */
export const CLOSING_FORMULAS: readonly RegExp[] = [
  /^(?:nghi quyet|chi thi|ket luan|quy dinh|thong bao|ke hoach) nay (?:duoc|co hieu luc|phai)/,
];

/** Longest heading block, in lines: beyond this a "heading" is running text. */
export const MAX_HEADING_LINES = 12;
/** Longest title kept for a paragraph item; longer first sentences are cut at a word. */
export const MAX_ITEM_TITLE_CHARS = 200;

/** Ordinals written in words, folded ("Phần thứ hai", "Hội nghị lần thứ tư"). */
export const ORDINAL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ["nhat", 1],
  ["hai", 2],
  ["ba", 3],
  ["tu", 4],
  ["nam", 5],
  ["sau", 6],
  ["bay", 7],
  ["tam", 8],
  ["chin", 9],
  ["muoi", 10],
  ["muoi mot", 11],
  ["muoi hai", 12],
  ["muoi ba", 13],
  ["muoi bon", 14],
  ["muoi lam", 15],
]);

/** Articles a text may skip (a repealed article, OCR) and still be read in sequence; more is a reference, not a heading. */
export const MAX_ARTICLE_GAP = 4;

/** Title of the synthetic task that holds citations outside every heading (a "Căn cứ …" preamble). */
export const PREAMBLE_TITLE = "Phần mở đầu";
