import type { MatchingText } from "../text/matching-text.js";
import { isoDateFromAlternatives } from "../text/iso-date.js";
import type { EffectClause } from "../model.js";
import {
  APPLICATION_FROM,
  EFFECT_PREDICATE,
  EFFECT_UNTIL_AFTER,
  EXPIRY_CLAUSE as EXPIRY,
  OWN_PARTS_LEAD,
  OWN_PART_SUBJECT,
  SELF_SUBJECT,
} from "../patterns.js";
import { scopeIn } from "../tree/scope-codes.js";

/** folded: a clause that opens with its predicate, no subject of its own ("được phổ biến …", "và có hiệu lực …"). */
const SUBJECTLESS =
  /^\s*(?:va\s+)?(?:duoc\s|co\s+hieu\s+luc|thuc\s+hien\s|(?:[a-z]+\s+){0,6}va\s+(?:duoc\s+)?(?:thuc\s+hien|co\s+hieu\s+luc)\s*(?:ke\s+)?tu)/;

/** How far back the subject of an effect clause may start. */
const SUBJECT_WINDOW = 600;

/**
 * The document's own effect clause (issue #19): the first of its clauses (readEffectClauses) about
 * the whole document, with the end it says elsewhere ("Nghị định này hết hiệu lực kể từ ngày …")
 * when this one says none; null when it says none.
 */
export function readEffectClause(mt: MatchingText, ownDate: string | null): EffectClause | null {
  return ownEffect(readEffectClauses(mt, ownDate));
}

/** The first clause about the whole document, with an end said in another whole clause. */
export function ownEffect(clauses: readonly EffectClause[]): EffectClause | null {
  const whole = clauses.filter((c) => c.whole);
  const first = whole.find((c) => c.effectiveFrom !== null || c.rule !== null) ?? whole[0];
  if (!first) return null;
  const until = first.effectiveUntil ?? whole.find((c) => c.effectiveUntil !== null)?.effectiveUntil ?? null;
  return { ...first, effectiveUntil: until };
}

/**
 * Every effect clause of the document about itself, in text order: when it (or a part of it)
 * takes effect, by a date, by its signature or N days after it, and until when if it says so;
 * with the quote. A clause is the document's when its subject is the document ("Nghị định này có
 * hiệu lực …", a council's closing "Nghị quyết này đã được … thông qua ngày … và có hiệu lực từ
 * ngày …") or a part of it ("Khoản 8 Điều 69 của Nghị định này có hiệu lực từ … đến hết …", "Các
 * điều, khoản sau đây có hiệu lực từ …:"); a clause about another document ("Quyết định số … có
 * hiệu lực từ …") is not read.
 */
export function readEffectClauses(mt: MatchingText, ownDate: string | null): EffectClause[] {
  const { folded } = mt;
  const out: Located[] = [];
  EFFECT_PREDICATE.lastIndex = 0;
  for (let m = EFFECT_PREDICATE.exec(folded); m; m = EFFECT_PREDICATE.exec(folded)) {
    let start = subjectStart(folded, m.index);
    // a heading line above the subject ("Điều 62. Hiệu lực thi hành\nNghị định này có hiệu lực …"):
    // the subject opens on the last line that opens with the document itself
    for (let nl = folded.indexOf("\n", start); nl >= 0 && nl < m.index; nl = folded.indexOf("\n", nl + 1)) {
      if (SELF_SUBJECT.test(folded.slice(nl + 1, m.index))) start = nl + 1;
    }
    // a predicate after ";" with no subject of its own shares the one before ("Hướng dẫn này thay
    // thế Hướng dẫn số …; được phổ biến đến chi bộ và thực hiện kể từ ngày ký")
    if (folded[start - 1] === ";" && SUBJECTLESS.test(folded.slice(start, m.index))) {
      const before = subjectStart(folded, start - 1);
      if (SELF_SUBJECT.test(folded.slice(before, start - 1))) start = before;
    }
    const subject = folded.slice(start, m.index);
    const whole = SELF_SUBJECT.test(subject);
    const ownPart =
      !whole &&
      (OWN_PART_SUBJECT.test(subject) ||
        (OWN_PARTS_LEAD.test(subject) && /^\s*:/.test(folded.slice(m.index + m[0].length))));
    if (!whole && !ownPart) continue;
    let effectiveFrom: string | null = null;
    let rule: string | null = null;
    if (m[1] || m[4]) effectiveFrom = isoDateFromAlternatives(m, [1, 4]).date;
    else if (m[7]) {
      rule = m[7].startsWith("ky") ? "signature" : "adoption";
      effectiveFrom = rule === "signature" ? ownDate : null;
    } else if (m[8]) {
      rule = `+${Number(m[8])} days from ${m[9]!.startsWith("ky") ? "signature" : m[9]!.startsWith("cong") ? "publication" : "adoption"}`;
      if (m[9]!.startsWith("ky") && ownDate) effectiveFrom = addDays(ownDate, Number(m[8]));
    }
    let end = m.index + m[0].length;
    EFFECT_UNTIL_AFTER.lastIndex = end;
    const until = EFFECT_UNTIL_AFTER.exec(folded);
    let effectiveUntil: string | null = null;
    if (until) {
      effectiveUntil = isoDateFromAlternatives(until, [1, 4]).date;
      end = EFFECT_UNTIL_AFTER.lastIndex;
    }
    out.push(
      clause(
        mt,
        start,
        end,
        { effectiveFrom, rule, effectiveUntil },
        whole,
        whole ? null : scopeIn(mt, start, m.index),
      ),
    );
  }
  // "Thời điểm áp dụng: từ ngày 01/8/2017"
  APPLICATION_FROM.lastIndex = 0;
  for (let m = APPLICATION_FROM.exec(folded); m; m = APPLICATION_FROM.exec(folded)) {
    const effectiveFrom = isoDateFromAlternatives(m, [1, 4]).date;
    out.push(
      clause(
        mt,
        m.index,
        m.index + m[0].length,
        { effectiveFrom, rule: null, effectiveUntil: null },
        true,
        null,
      ),
    );
  }
  // "Nghị định này hết hiệu lực kể từ ngày …" said alone
  EXPIRY.lastIndex = 0;
  for (let m = EXPIRY.exec(folded); m; m = EXPIRY.exec(folded)) {
    if (out.some((c) => c.at[0] < m!.index + m![0].length && c.at[1] > m!.index)) continue;
    const effectiveUntil = isoDateFromAlternatives(m, [1, 4]).date;
    out.push(
      clause(
        mt,
        m.index,
        m.index + m[0].length,
        { effectiveFrom: null, rule: null, effectiveUntil },
        true,
        null,
      ),
    );
  }
  return out.sort((a, b) => a.at[0] - b.at[0]).map(({ at: _at, ...c }) => c);
}

type Dated = Pick<EffectClause, "effectiveFrom" | "rule" | "effectiveUntil">;
type Located = EffectClause & { at: [number, number] };

function clause(
  mt: MatchingText,
  start: number,
  end: number,
  dated: Dated,
  whole: boolean,
  scope: string | null,
): Located {
  while (start < end && /\s/.test(mt.text[start]!)) start++;
  const span = mt.spanOf(start, end);
  return { ...dated, quote: mt.original.slice(span[0], span[1]), span, whole, scope, at: [start, end] };
}

/**
 * Where the subject of a predicate at `at` starts: after the sentence or clause before it (". ",
 * ";", ":", a blank line) or at the start of its item's line ("3. Khoản 8 Điều 69 …").
 */
function subjectStart(folded: string, at: number): number {
  const from = Math.max(0, at - SUBJECT_WINDOW);
  const before = folded.slice(from, at);
  let cut = -1;
  for (const re of [/\.[”"]?\s/g, /;/g, /:/g, /\n[ \t]*\n/g, /\n[ \t*_]*(?:\d{1,2}|[a-zđ])[.)]\s/g]) {
    for (let m = re.exec(before); m; m = re.exec(before)) {
      const end = re.source.startsWith("\\n[ \\t*_]") ? m.index + 1 : m.index + m[0].length;
      if (end > cut) cut = end;
    }
  }
  return from + Math.max(cut, 0);
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
