import type { MatchingText } from "../text/matching-text.js";
import { cleanPassage } from "../text/clean-text.js";
import { foldKey, isLowerLetterCode, isUpperLetterCode } from "../text/fold-vietnamese.js";
import { skipSpaces, startsWithSpelledWord } from "./name-scan.js";
import { unresolvedReference, type RawNamedReference } from "./named-reference.js";
import {
  CAPITAL_OR_DIGIT_START,
  FIELD_NAME,
  NAMED_HEAD,
  NATIONAL_TARGET_PROGRAMME,
  NEXT_QUOTED_NAME,
  TRAILING_FOOTNOTE_AFTER_YEAR,
} from "../patterns.js";
import { capitaliseFirst } from "../header/resolve-organization.js";
import {
  NAME_BREAK_AFTER_COMMA,
  NAME_CONTINUE_AFTER_COMMA,
  NAME_STOP_WORDS,
  NAMED_DOCUMENT_HEADS,
  NOT_A_NAME_AFTER_HEAD,
} from "../vocabulary/phrases.js";

/** Longest name kept for a plan or programme. */
const MAX_NAME_CHARS = 200;

/** Plans, programmes, projects, strategies and regulations cited by a capitalised name. */
export function scanNamedDocuments(mt: MatchingText, typicalLine: number): RawNamedReference[] {
  const out: RawNamedReference[] = [];
  const { text, folded } = mt;
  NAMED_HEAD.lastIndex = 0;
  for (let m = NAMED_HEAD.exec(folded); m; m = NAMED_HEAD.exec(folded)) {
    const start = m.index;
    const headEnd = start + m[0].length;
    if (!isUpperLetterCode(text.charCodeAt(start)) || !isLowerLetterCode(text.charCodeAt(start + 1)))
      continue;
    if (atSentenceStart(text, start)) continue;
    const headOriginal = text.slice(start, headEnd).replace(/\s+/g, " ");
    const kind = NAMED_DOCUMENT_HEADS.get(canonicalHead(headOriginal)) ?? "other";
    let p = headEnd;
    while (p < text.length && (text[p] === " " || text[p] === "\t" || text[p] === "\n")) p++;
    const opening = text[p];
    if (opening === '"' || opening === "“") {
      // Quoted names, one or several: Đề án "…"; "…".
      let q = p;
      for (;;) {
        const close = text.indexOf(opening === "“" ? "”" : '"', q + 1);
        if (close < 0 || close - q > MAX_NAME_CHARS * 2) break;
        const inner = cleanPassage(mt, q + 1, close)
          .replace(/\s+/g, " ")
          .trim();
        out.push(
          unresolvedReference(
            q === p ? start : q,
            close + 1,
            `${canonicalHead(headOriginal)} "${inner}"`,
            kind,
          ),
        );
        const more = NEXT_QUOTED_NAME.exec(text.slice(close + 1, close + 12));
        if (!more) break;
        q = close + 1 + more.index + more[0].length - 1;
      }
      continue;
    }
    const firstWord = /^[a-z0-9]*/.exec(folded.slice(p, p + 12))![0];
    if (NOT_A_NAME_AFTER_HEAD.has(firstWord)) continue;
    const end = nameEnd(mt, headEnd, typicalLine);
    const rest = cleanPassage(mt, headEnd, end).replace(TRAILING_FOOTNOTE_AFTER_YEAR, "$1");
    if (!looksLikeAName(rest)) continue;
    out.push(unresolvedReference(start, end, `${canonicalHead(headOriginal)} ${rest}`, kind));
  }
  NATIONAL_TARGET_PROGRAMME.lastIndex = 0;
  for (let m = NATIONAL_TARGET_PROGRAMME.exec(folded); m; m = NATIONAL_TARGET_PROGRAMME.exec(folded)) {
    if (isUpperLetterCode(text.charCodeAt(m.index)) && !atSentenceStart(text, m.index)) continue; // already read above
    const end = nameEnd(mt, m.index + m[0].length, typicalLine);
    out.push(unresolvedReference(m.index, end, capitaliseFirst(cleanPassage(mt, m.index, end)), "programme"));
  }
  return out;
}

/**
 * A name says which plan: three words or more, or a capitalised word or a number ("Chương trình
 * OCOP", "Đề án 06"). "Kế hoạch năm", "Quy chế tổ chức" are common nouns; "quyHoachBatDau" is a
 * form field, not a name.
 */
function looksLikeAName(rest: string): boolean {
  if (rest.length < 2 || FIELD_NAME.test(rest)) return false;
  const words = rest.split(" ");
  if (words.length >= 3) return true;
  return words.some((w) => CAPITAL_OR_DIGIT_START.test(w));
}

function canonicalHead(head: string): string {
  const f = foldKey(head);
  for (const h of NAMED_DOCUMENT_HEADS.keys()) if (foldKey(h) === f) return h;
  return head;
}

/** At the start of a sentence a capital says nothing: "Quy hoạch đồng bộ hệ thống cảng biển" is a verb. */
function atSentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  if (i < 0) return true;
  const c = text[i]!;
  if (c === "\n") {
    let j = i - 1;
    while (j >= 0 && (text[j] === " " || text[j] === "\t")) j--;
    if (j < 0) return true;
    const d = text[j]!;
    return d === "." || d === "\n" || d === ":" || d === "!" || d === "?" || /\d/.test(d);
  }
  return c === "." || c === ":" || c === "!" || c === "?" || c === ")" || c === "-" || c === "•" || c === ";";
}

/**
 * Where a name that started at a head word ends: at punctuation that closes a clause, at a
 * stop word ("và", "gắn với", "để"), at a comma followed by something that is not a name's
 * tail ("…, điều chỉnh"), or at a line break before a capital after a short line.
 */
function nameEnd(mt: MatchingText, from: number, typicalLine: number): number {
  const { text, folded } = mt;
  const limit = Math.min(text.length, from + MAX_NAME_CHARS);
  let end = from;
  let i = from;
  let lineStart = text.lastIndexOf("\n", from - 1) + 1;
  while (i < limit) {
    const c = text[i]!;
    if (c === ";" || c === ":" || c === "(" || c === ")" || c === '"' || c === "“" || c === "”") break;
    if (c === "." && (i + 1 >= text.length || /[\s]/.test(text[i + 1]!))) break;
    if (c === "\n") {
      const lineLength = i - lineStart;
      let j = i + 1;
      let blank = false;
      while (j < text.length && (text[j] === " " || text[j] === "\t" || text[j] === "\n")) {
        if (text[j] === "\n") blank = true;
        j++;
      }
      const nextLower = j < text.length && isLowerLetterCode(text.charCodeAt(j));
      if (!nextLower && (blank || lineLength < typicalLine * 0.8)) break;
      lineStart = i + 1;
    }
    if (c === ",") {
      const j = skipSpaces(folded, i + 1);
      if (NAME_CONTINUE_AFTER_COMMA.some((w) => folded.startsWith(w, j))) {
        i++;
        continue;
      }
      if (
        NAME_BREAK_AFTER_COMMA.some((w) => folded.startsWith(w, j)) ||
        isUpperLetterCode(text.charCodeAt(j))
      )
        break;
    }
    if ((c === " " || c === "\n") && startsWithSpelledWord(text, skipSpaces(text, i + 1), NAME_STOP_WORDS))
      break;
    i++;
    if (!/\s/.test(c)) end = i;
  }
  // Trailing hyphens or commas are not part of a name.
  while (end > from && /[\s,\-–]/.test(text[end - 1]!)) end--;
  return end;
}
