import type { MatchingText } from "../text/matching-text.js";

/** folded: a Roman numeral. */
const ROMAN = /^[ivxlc]+$/;

/** folded, one unit token of a scope (a list or a range of one kind of unit, or a chapter / annex). */
const SCOPE_TOKEN = new RegExp(
  [
    // "từ Điều 16 đến Điều 26", "từ khoản 1 đến khoản 5"
    String.raw`tu\s+(dieu|khoan|diem)\s+(\d{1,3}[a-z]?|[a-z])\s+den\s+(?:het\s+)?(?:(?:dieu|khoan|diem)\s+)?(\d{1,3}[a-z]?|[a-z])(?![a-z\d])`,
    // "các khoản 1, 2, 3 và 6", "Điều 8, 9", "các điểm a và b", "điểm a, điểm c"
    String.raw`(?:cac\s+)?(dieu|khoan|diem)\s+((?:\d{1,3}[a-z]?|[a-z]\d?)(?![a-z])(?:\s*(?:,|va|hoac)\s*(?:\4\s+)?(?:\d{1,3}[a-z]?|[a-z]\d?)(?![a-z\d/]))*)`,
    String.raw`chuong\s+([ivxlc]+|\d{1,2})(?![a-z\d])`,
    String.raw`phu\s+luc\s+(?:so\s+)?([ivxlc]+|\d{1,2})(?![a-z\d])`,
  ].join("|"),
  "g",
);
const RANGE_LIMIT = 80;

/**
 * The units of a document named in a stretch of text, as task codes of the extractor's normative
 * style: "điểm a khoản 2 Điều 5" → "Điều 5.2.a", "các khoản 1, 2 và 6 Điều 14" → "Điều 14.1, Điều
 * 14.2, Điều 14.6", "từ Điều 16 đến Điều 18" → "Điều 16, Điều 17, Điều 18", "Điều 8, 9", "Chương
 * II", "Phụ lục XIV", "Phụ lục số 03" → "Phụ lục 03". Points wait for their clause and clauses for their article (the Vietnamese
 * order: point, clause, article). `from`–`to` index the matching text; the original text gives "đ"
 * apart from "d". Null when none is named.
 */
export function scopeIn(mt: MatchingText, from: number, to: number): string | null {
  const folded = mt.folded.slice(from, to);
  const letterAt = (i: number): string => (mt.text[from + i] === "đ" ? "đ" : folded[i]!);
  const codes: string[] = [];
  let points: string[] = [];
  let clauses: { clause: string; points: string[] }[] = [];
  const items = (list: string, at: number): string[] => {
    const out: string[] = [];
    const re = /(\d{1,3}[a-z]?|[a-z]\d?)(?![a-z])/g;
    for (let m = re.exec(list); m; m = re.exec(list)) {
      if (m[1] === "va" || (m.index > 0 && /[a-z]/.test(list[m.index - 1]!))) continue;
      out.push(/^[a-z]/.test(m[1]!) ? letterAt(at + m.index) + m[1]!.slice(1) : m[1]!);
    }
    return out;
  };
  const range = (a: string, b: string): string[] | null => {
    const x = Number.parseInt(a, 10);
    const y = Number.parseInt(b, 10);
    if (!Number.isInteger(x) || !Number.isInteger(y) || y < x || y - x > RANGE_LIMIT) return null;
    return Array.from({ length: y - x + 1 }, (_, k) => String(x + k));
  };
  const unit = (kind: string, list: string[]): void => {
    if (kind === "diem") points.push(...list);
    else if (kind === "khoan") {
      clauses.push(...list.map((clause, k) => ({ clause, points: k === 0 ? points : [] })));
      points = [];
    } else {
      // the clauses and points before a list of articles are the first article's ("khoản 4 Điều 9,
      // Điều 38"); "điểm a Điều 5" (an article without clauses) is Điều 5.a
      list.forEach((article, k) => {
        if (k > 0 || (clauses.length === 0 && points.length === 0)) codes.push(`Điều ${article}`);
        if (k > 0) return;
        for (const p of clauses.length === 0 ? points : []) codes.push(`Điều ${article}.${p}`);
        for (const c of clauses) {
          if (c.points.length === 0) codes.push(`Điều ${article}.${c.clause}`);
          for (const p of c.points) codes.push(`Điều ${article}.${c.clause}.${p}`);
        }
      });
      points = [];
      clauses = [];
    }
  };
  let afterArticle = false;
  let lastEnd = 0;
  SCOPE_TOKEN.lastIndex = 0;
  for (let m = SCOPE_TOKEN.exec(folded); m; m = SCOPE_TOKEN.exec(folded)) {
    if (m[1]) {
      const list = m[1] === "diem" ? null : range(m[2]!, m[3]!);
      if (list) unit(m[1], list);
    } else if (m[4]) {
      unit(m[4], items(m[5]!, m.index + m[0].indexOf(m[5]!)));
    } else if (m[6]) {
      // "các điều 223, 224 Mục 5 Chương XIV": the chapter locates the articles before it
      // "Mục 3 Chương II gồm các Điều 32, 33": the chapter locates a section, not the whole of it
      const sectionOf = /(?<![a-z])muc\s+\d{1,2}\s*$/.test(folded.slice(Math.max(0, m.index - 12), m.index));
      if (!sectionOf && !(afterArticle && /^\s*(?:muc\s+\d{1,2}\s*)?$/.test(folded.slice(lastEnd, m.index))))
        codes.push(`Chương ${ROMAN.test(m[6]) ? m[6].toUpperCase() : m[6]}`);
    } else if (m[7]) {
      codes.push(`Phụ lục ${ROMAN.test(m[7]) ? m[7].toUpperCase() : m[7]}`);
    }
    afterArticle = m[1] === "dieu" || m[4] === "dieu";
    lastEnd = m.index + m[0].length;
  }
  return codes.length > 0 ? [...new Set(codes)].join(", ") : null;
}
