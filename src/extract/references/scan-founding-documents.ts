import type { MatchingText } from "../text/matching-text.js";
import { isLowerLetterCode, isUpperLetterCode, slugify } from "../text/fold-vietnamese.js";
import { provinceFromFolded } from "../header/resolve-organization.js";
import type { RawNamedReference } from "./named-reference.js";
import { unresolvedReference } from "./named-reference.js";
import {
  CHARTER_HEAD,
  CONGRESS_DESIGNATION,
  CONGRESS_HEAD,
  CONGRESS_NUMBER,
  CONGRESS_NUMBER_FIRST,
  CONSTITUTION_REFERENCE,
  PROVINCE_AFTER,
} from "../patterns.js";
import { CENTRAL_CITIES } from "../vocabulary/provinces.js";
import { CHARTERS, CONGRESS_LEVELS, CONSTITUTION_YEARS } from "../vocabulary/founding-documents.js";
import { TERM_NUMERAL_OCR } from "../vocabulary/ocr-confusions.js";

/** How far a congress reference may run after "Nghị quyết Đại hội". */
const CONGRESS_WINDOW = 160;

/**
 * Documents whose name is their identity: the Constitution ("Hiến pháp năm 2013"), charters
 * ("Điều lệ Đảng", "Điều lệ Hội Nông dân Việt Nam"), congress resolutions ("Nghị quyết Đại hội
 * đại biểu toàn quốc lần thứ XIII của Đảng", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX").
 * `province` is the province the text is about: a provincial congress without a named province
 * is that province's.
 */
export function scanFoundingDocuments(mt: MatchingText, province: string | null): RawNamedReference[] {
  return [...scanConstitution(mt), ...scanCharters(mt), ...scanCongresses(mt, province)].sort(
    (a, b) => a.start - b.start,
  );
}

function capitalAt(mt: MatchingText, at: number): boolean {
  return isUpperLetterCode(mt.text.charCodeAt(at));
}

/** A capitalised word in running text: "Hiến pháp", not "HIẾN PHÁP" (a heading or the document's own title). */
function capitalisedWord(mt: MatchingText, at: number): boolean {
  return isUpperLetterCode(mt.text.charCodeAt(at)) && isLowerLetterCode(mt.text.charCodeAt(at + 1));
}

function scanConstitution(mt: MatchingText): RawNamedReference[] {
  const out: RawNamedReference[] = [];
  CONSTITUTION_REFERENCE.lastIndex = 0;
  for (let m = CONSTITUTION_REFERENCE.exec(mt.folded); m; m = CONSTITUTION_REFERENCE.exec(mt.folded)) {
    if (!capitalisedWord(mt, m.index)) continue;
    const year = m[1] && CONSTITUTION_YEARS.has(Number(m[1])) ? Number(m[1]) : null;
    // A year that is not a Constitution's ("Hiến pháp 2001" for an amendment) is left out of the quote.
    const end = year !== null || !m[1] ? m.index + m[0].length : m.index + m[0].indexOf(m[1]!);
    const r = unresolvedReference(m.index, trimEnd(mt, m.index, end), "Hiến pháp", "constitution");
    r.year = year;
    r.key = year !== null ? `HP|Hiến pháp|${year}` : null;
    out.push(r);
  }
  // One text, one Constitution: a mention without a year is the one named with its year, when only one is.
  const years = new Set(out.filter((r) => r.year !== null).map((r) => r.year));
  if (years.size === 1) {
    const dated = out.find((r) => r.year !== null)!;
    const [s, e] = mt.spanOf(dated.start, dated.end);
    for (const r of out) {
      if (r.year !== null) continue;
      r.year = dated.year;
      r.key = dated.key;
      r.resolvedBy = `${dated.start < r.start ? "earlier" : "later"} mention at [${s}, ${e}] in the same text`;
    }
  }
  return out;
}

function scanCharters(mt: MatchingText): RawNamedReference[] {
  const out: RawNamedReference[] = [];
  const { folded } = mt;
  CHARTER_HEAD.lastIndex = 0;
  for (let m = CHARTER_HEAD.exec(folded); m; m = CHARTER_HEAD.exec(folded)) {
    if (!capitalisedWord(mt, m.index)) continue;
    const at = m.index + m[0].length;
    // The organisation is named with capitals: "Điều lệ Đảng", not "điều lệ đảng viên" nor "Điều lệ trường".
    if (!capitalAt(mt, at)) continue;
    let found: { name: string; end: number } | null = null;
    for (const entry of CHARTERS) {
      entry.spellings.forEach((spelling, k) => {
        const re = charterSpelling(spelling);
        re.lastIndex = at;
        const hit = re.exec(folded);
        if (!hit) return;
        const word = /^\s*([a-z]+)/.exec(folded.slice(re.lastIndex, re.lastIndex + 16))?.[1];
        // The shortest spelling ("Đảng", "Đoàn") must not be the start of another body ("Đoàn luật sư").
        if (k === entry.spellings.length - 1 && word && entry.notBefore?.includes(word)) return;
        if (!found || re.lastIndex > found.end) found = { name: entry.name, end: re.lastIndex };
      });
    }
    if (!found) continue;
    const { name, end } = found as { name: string; end: number };
    out.push(unresolvedReference(m.index, end, name, "charter"));
  }
  return out;
}

function scanCongresses(mt: MatchingText, contextProvince: string | null): RawNamedReference[] {
  const out: RawNamedReference[] = [];
  const { folded } = mt;
  CONGRESS_HEAD.lastIndex = 0;
  for (let m = CONGRESS_HEAD.exec(folded); m; m = CONGRESS_HEAD.exec(folded)) {
    // "Nghị quyết Đại hội …" (a capitalised head) or "văn kiện Đại hội …" (a capitalised congress), not in capitals.
    const congressAt = m.indices![2]![0];
    if (!capitalisedWord(mt, m.index) && !(m[1] === "van kien" && capitalisedWord(mt, congressAt))) continue;
    const headEnd = m.index + m[0].length;
    const window = clauseWindow(folded, headEnd);
    if (!CONGRESS_DESIGNATION.test(window)) continue;
    const head = m[1] === "van kien" ? "Văn kiện" : "Nghị quyết";
    const keyHead = m[1] === "van kien" ? "congress-documents" : "congress";
    let end = headEnd;
    let numeral: string | null = null;
    const first = CONGRESS_NUMBER_FIRST.exec(window);
    const numbered = first ?? CONGRESS_NUMBER.exec(window);
    if (!numbered) continue;
    numeral = numbered[1]!;
    end = Math.max(end, headEnd + numbered.index + numbered[0].length);
    const roman = /^\d+$/.test(numeral)
      ? toRoman(Number(numeral))
      : (TERM_NUMERAL_OCR.get(numeral) ?? numeral.toUpperCase());
    if (!roman || !/^X{0,3}(?:IX|IV|V?I{0,3})$/.test(roman)) continue;
    const level = /\bdang\s+bo\s+(thanh pho|thi xa|thi tran|tinh|huyen|quan|xa|phuong|khoi)(?![a-z])/.exec(
      window,
    );
    const national = !level && /\btoan\s+quoc\b|\bcua\s+dang(?!\s+bo)(?![a-z])/.exec(window);
    let name: string;
    let key: string | null = null;
    if (national) {
      const tail = /\bcua\s+dang(?:\s+cong\s+san\s+viet\s+nam)?(?![a-z])/.exec(window);
      if (tail) end = Math.max(end, headEnd + tail.index + tail[0].length);
      const scope = /\btoan\s+quoc\b/.exec(window);
      if (scope) end = Math.max(end, headEnd + scope.index + scope[0].length);
      name = `${head} Đại hội đại biểu toàn quốc lần thứ ${roman} của Đảng`;
      key = `${keyHead}|toan-quoc|${roman}`;
    } else if (level) {
      const levelWord = CONGRESS_LEVELS.get(level[1]!)!;
      let levelEnd = headEnd + level.index + level[0].length;
      PROVINCE_AFTER.lastIndex = levelEnd;
      const p = PROVINCE_AFTER.exec(folded);
      let province: string | null = null;
      if (p && p.index === levelEnd) {
        province = provinceFromFolded(p[1]!);
        if (province) levelEnd = PROVINCE_AFTER.lastIndex;
      }
      end = Math.max(end, levelEnd);
      const provincial =
        level[1] === "tinh" || (level[1] === "thanh pho" && isCentralCity(province ?? contextProvince));
      const where = provincial ? (province ?? contextProvince) : null;
      name = `${head} Đại hội Đảng bộ ${levelWord}${where ? ` ${where}` : ""} lần thứ ${roman}`;
      if (where) key = `${keyHead}|${slugify(`dang bo ${levelWord} ${where}`)}|${roman}`;
    } else {
      // The congress is numbered but its scope is not written ("Nghị quyết Đại hội XIII"): an unknown scope.
      name = `${head} Đại hội ${roman}`;
    }
    const r = unresolvedReference(m.index, trimEnd(mt, m.index, end), name, "congress");
    r.key = key;
    r.term = roman;
    out.push(r);
  }
  return out;
}

const charterSpellings = new Map<string, RegExp>();

/** Sticky: a folded spelling with any white space between its words, ending at a word boundary. */
function charterSpelling(spelling: string): RegExp {
  let re = charterSpellings.get(spelling);
  if (!re) {
    re = new RegExp(`${spelling.split(" ").join("\\s+")}(?![a-z0-9])`, "y");
    charterSpellings.set(spelling, re);
  }
  return re;
}

function isCentralCity(province: string | null): boolean {
  return province !== null && CENTRAL_CITIES.has(province);
}

/** The folded text after `from` up to the end of its clause, at most CONGRESS_WINDOW characters. */
function clauseWindow(folded: string, from: number): string {
  const limit = Math.min(folded.length, from + CONGRESS_WINDOW);
  let i = from;
  while (i < limit) {
    const c = folded[i]!;
    if (c === ";" || c === ":" || c === "(" || c === ")" || c === "\u201c" || c === '"') break;
    if (c === "." && (i + 1 >= folded.length || /\s/.test(folded[i + 1]!))) break;
    if (folded.startsWith("nghi quyet", i) && i > from) break;
    i++;
  }
  return folded.slice(from, i);
}

function trimEnd(mt: MatchingText, start: number, end: number): number {
  while (end > start && /[\s,\-–]/.test(mt.text[end - 1]!)) end--;
  return end;
}

const ROMAN: readonly [number, string][] = [
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function toRoman(n: number): string | null {
  if (!Number.isInteger(n) || n <= 0 || n > 39) return null;
  let out = "";
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}
