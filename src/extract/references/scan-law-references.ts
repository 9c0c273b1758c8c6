import type { MatchingText } from "../text/matching-text.js";
import { cleanPassage } from "../text/clean-text.js";
import { foldKey, isLowerLetterCode, isUpperLetterCode, squashSpaces } from "../text/fold-vietnamese.js";
import { isoDateFromAlternatives } from "../text/iso-date.js";
import { skipSpaces, startsWithSpelledWord, startsWithStopWord } from "./name-scan.js";
import type { RawNamedReference } from "./named-reference.js";
import {
  LAW_DATE_AFTER,
  LAW_HEAD,
  LAW_YEAR_AFTER,
  NUMBER_AFTER_NAME,
  SO_AFTER_NAME,
  TRAILING_DANGLING_WORD,
  TRAILING_FOOTNOTE_NUMBER,
} from "../patterns.js";
import { capitaliseFirst } from "../header/resolve-organization.js";
import type { RawCitation } from "../citations/scan-citations.js";
import {
  LAW_NAME_STOP_WORDS,
  NAME_BREAK_AFTER_COMMA,
  NOT_A_LAW_NAME,
  NOT_A_NAME_AFTER_COMMA,
} from "../vocabulary/phrases.js";

/** Laws cited by name: "Luật Đất đai ngày 29 tháng 11 năm 2013", "Bộ luật Lao động", "Hiến pháp …". */
export function scanLawReferences(
  mt: MatchingText,
  cites: RawCitation[],
  selfTitle: string | null,
): RawNamedReference[] {
  const out: RawNamedReference[] = [];
  const { text, folded } = mt;
  const citeAtSymbol = new Map(cites.map((c) => [c.symbolStart, c]));
  const leads = cites.map((c) => c.leadStart);
  const selfFolded = selfTitle ? foldKey(selfTitle) : null;
  LAW_HEAD.lastIndex = 0;
  for (let m = LAW_HEAD.exec(folded); m; m = LAW_HEAD.exec(folded)) {
    const start = m.index;
    const headEnd = start + m[0].length;
    if (!isUpperLetterCode(text.charCodeAt(start)) || !isLowerLetterCode(text.charCodeAt(start + 1)))
      continue;
    let p = headEnd;
    while (p < text.length && /\s/.test(text[p]!)) p++;
    const rest = squashSpaces(folded.slice(p, p + 16));
    const firstWord = /^[a-z0-9]*/.exec(rest)![0];
    if (!/[a-z]/.test(firstWord)) continue;
    // "Luật này", "Luật số 45/…" (a numbered citation), "luật các …": not names; "Luật Các tổ chức tín dụng" is.
    if (firstWord === "nay" || firstWord === "so") continue;
    if (isLowerLetterCode(text.charCodeAt(p)) && NOT_A_LAW_NAME.has(firstWord)) continue;
    if (rest.startsWith("quy dinh")) continue;
    const head = m[1]!.startsWith("bo")
      ? "Bộ luật"
      : m[1] === "hien phap"
        ? "Hiến pháp"
        : m[1] === "phap lenh"
          ? "Pháp lệnh"
          : "Luật";
    const amending = rest.startsWith("sua doi");
    const nextLead = leads.find((l) => l > start) ?? text.length;
    const clauseEnd = Math.min(nextLead, clauseLimit(text, p), p + 240);
    // A date within the clause closes the name ("Luật hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày …").
    let end = -1;
    let date: string | null = null;
    let year: number | null = null;
    let symbolCite: RawCitation | null = null;
    for (let i = p; i < clauseEnd; i++) {
      const ch = text[i]!;
      if (ch !== " " && ch !== "\n" && ch !== "\t" && ch !== ",") continue;
      LAW_DATE_AFTER.lastIndex = i;
      const d = LAW_DATE_AFTER.exec(folded);
      if (d) {
        date = isoDateFromAlternatives(d, [1, 4]).date;
        end = i;
        break;
      }
      SO_AFTER_NAME.lastIndex = i;
      const s = SO_AFTER_NAME.exec(folded);
      if (s) {
        const c = citeAtSymbol.get(SO_AFTER_NAME.lastIndex);
        if (c) {
          symbolCite = c;
          end = i;
          break;
        }
      }
    }
    if (end < 0) {
      end = lawNameEnd(mt, p, clauseEnd, amending);
      LAW_YEAR_AFTER.lastIndex = end;
      const y = LAW_YEAR_AFTER.exec(folded);
      if (y) year = Number(y[1]);
    }
    while (end > p && /[\s,\-–]/.test(text[end - 1]!)) end--;
    if (end <= p) continue;
    const written = cleanPassage(mt, p, end)
      .replace(TRAILING_FOOTNOTE_NUMBER, "")
      .replace(TRAILING_DANGLING_WORD, "");
    if (written.length === 0) continue;
    const name = `${head} ${capitaliseFirst(written)}`;
    if (symbolCite) {
      symbolCite.lawName = name;
      symbolCite.leadStart = start;
      continue;
    }
    if (selfFolded && foldKey(name) === selfFolded && date === null && year === null) continue;
    if (date) year = Number(date.slice(0, 4));
    const code =
      head === "Bộ luật" ? "BLuật" : head === "Hiến pháp" ? "HP" : head === "Pháp lệnh" ? "PL" : "Luật";
    out.push({
      start,
      end,
      name,
      kind: "law",
      resolvedSymbol: null,
      resolvedKey: null,
      resolvedBy: null,
      date,
      year,
      key: year !== null ? `${code}|${name}|${year}` : null,
    });
  }
  // A law named without its date is the one named with it elsewhere in the text (a title names it
  // before the preamble dates it).
  const dated = new Map<string, RawNamedReference>();
  for (const r of out) {
    const f = foldKey(r.name);
    if (r.year !== null && !dated.has(f)) dated.set(f, r);
  }
  for (const r of out) {
    if (r.year !== null) continue;
    const other = dated.get(foldKey(r.name));
    if (!other) continue;
    const [s, e] = mt.spanOf(other.start, other.end);
    r.date = other.date;
    r.year = other.year;
    r.key = other.key;
    r.resolvedBy = `${other.start < r.start ? "earlier" : "later"} mention at [${s}, ${e}] in the same text`;
  }
  return out;
}

function clauseLimit(text: string, from: number): number {
  for (let i = from; i < text.length && i < from + 400; i++) {
    const c = text[i]!;
    if (c === ";" || c === ":") return i;
    if (c === "." && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) return i;
    if (c === "\n" && /^\n[ \t]*\n/.test(text.slice(i, i + 6))) return i;
  }
  return Math.min(text.length, from + 400);
}

/** folded: words that open a part of a document, never a word of a law's name after a comma. */
const UNIT_WORDS = ["khoan", "diem", "dieu", "chuong", "muc", "phu luc", "tiet"] as const;

function lawNameEnd(mt: MatchingText, from: number, limit: number, amending: boolean): number {
  const { text, folded } = mt;
  const cap = Math.min(limit, from + 120);
  let end = from;
  for (let i = from; i < cap; i++) {
    const c = text[i]!;
    if (c === "(" || c === ")" || c === '"' || c === "“" || c === "”") break;
    if (c === "," && !amending) {
      // "Luật An toàn, vệ sinh lao động", "Luật Phòng, chống tham nhũng" go on, early in the name;
      // "Luật Đất đai, Luật Nhà ở", "Luật Đất đai, việc giao đất …" do not.
      const j = skipSpaces(folded, i + 1);
      const wordsSoFar = folded.slice(from, i).trim().split(/\s+/).length;
      if (
        wordsSoFar > 4 ||
        !isLowerLetterCode(text.charCodeAt(j)) ||
        startsWithSpelledWord(text, j, LAW_NAME_STOP_WORDS) ||
        startsWithStopWord(folded, j, NAME_BREAK_AFTER_COMMA) ||
        // "… Luật Bảo hiểm xã hội, khoản 5 Điều 35 Luật Bảo hiểm y tế": the next item of a list of parts
        startsWithStopWord(folded, j, UNIT_WORDS) ||
        startsWithSpelledWord(text, j, NOT_A_NAME_AFTER_COMMA)
      ) {
        break;
      }
    }
    if (c === "\n" && /^\n[ \t]*\n/.test(text.slice(i, i + 6))) break;
    // "Luật thuế giá trị gia tăng năm 1997": the year closes the name (and is read after it); so
    // does a number ("… số 41/2024/QH15"), but "số" is a word of "Luật Dân số"
    if (c === " " || c === "\n") {
      LAW_YEAR_AFTER.lastIndex = i;
      if (LAW_YEAR_AFTER.test(folded)) break;
      NUMBER_AFTER_NAME.lastIndex = i;
      if (NUMBER_AFTER_NAME.test(folded)) break;
    }
    if (
      (c === " " || c === "\n") &&
      !amending &&
      startsWithSpelledWord(text, skipSpaces(text, i + 1), LAW_NAME_STOP_WORDS)
    )
      break;
    if (!/\s/.test(c)) end = i + 1;
  }
  return end;
}
