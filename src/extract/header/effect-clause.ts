import type { MatchingText } from "../text/matching-text.js";
import { isoDateFromAlternatives } from "../text/iso-date.js";
import type { EffectClause } from "../model.js";
import { EFFECT_CLAUSE as EFFECT, EXPIRY_CLAUSE as EXPIRY } from "../patterns.js";

/**
 * The document's own effect clause (issue #19): when it takes effect, by a date, by its signature,
 * or N days after it, and when it ends if it says so; with the quote. The first statement about
 * the document itself wins ("Nghị định này có hiệu lực từ ngày 01/7/2021"); null when it says none.
 */
export function readEffectClause(mt: MatchingText, ownDate: string | null): EffectClause | null {
  const { folded } = mt;
  EFFECT.lastIndex = 0;
  const m = EFFECT.exec(folded);
  EXPIRY.lastIndex = 0;
  const end = EXPIRY.exec(folded);
  if (!m && !end) return null;
  let effectiveFrom: string | null = null;
  let rule: string | null = null;
  if (m) {
    if (m[1] || m[4]) effectiveFrom = isoDateFromAlternatives(m, [1, 4]).date;
    else if (m[7]) {
      rule = m[7].startsWith("ky") ? "signature" : "adoption";
      effectiveFrom = rule === "signature" ? ownDate : null;
    } else if (m[8]) {
      rule = `+${Number(m[8])} days from ${m[9]!.startsWith("ky") ? "signature" : m[9]!.startsWith("cong") ? "publication" : "adoption"}`;
      if (m[9]!.startsWith("ky") && ownDate) effectiveFrom = addDays(ownDate, Number(m[8]));
    }
  }
  const effectiveUntil = end ? isoDateFromAlternatives(end, [1, 4]).date : null;
  const at = m ?? end!;
  const span = mt.spanOf(at.index, at.index + at[0].length);
  return { effectiveFrom, rule, effectiveUntil, quote: mt.original.slice(span[0], span[1]), span };
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
