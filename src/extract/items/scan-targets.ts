import type { MatchingText } from "../text/matching-text.js";
import type { Comparator, Quantity, QuantityUnit } from "../model.js";
import { closestWithin } from "../text/bounded-edit-distance.js";
import { cleanPassage } from "../text/clean-text.js";
import {
  COMPARATOR_BEFORE,
  QUANTITY_NUMBER,
  TARGET_GROUP_INTRO,
  TARGET_ORDINAL,
  UNIT_AFTER,
} from "../patterns.js";
import { COMPARATORS, UNITS } from "../vocabulary/quantities.js";
import { TARGET_GROUPS } from "../vocabulary/phrases.js";

/** A target while it is read; offsets index the matching text. */
export interface RawTarget {
  ordinal: number;
  group: string;
  start: number;
  end: number;
  text: string;
  quantities: Quantity[];
}

const comparatorBySpelling: ReadonlyMap<string, Comparator> = new Map(
  COMPARATORS.flatMap((c) => c.spellings.map((s) => [s, c.comparator] as const)),
);

/**
 * The numbered targets "(1)" … "(n)" of a range (a section titled "chỉ tiêu"): ordinals must run
 * 1, 2, 3 … so a "(3)" elsewhere is not a target; a group introduction ("về kinh tế:") before an
 * ordinal sets the group of the targets that follow.
 */
export function scanTargets(mt: MatchingText, from: number, to: number): RawTarget[] {
  const { text, folded } = mt;
  const markers: { ordinal: number; start: number; end: number }[] = [];
  TARGET_ORDINAL.lastIndex = from;
  for (let m = TARGET_ORDINAL.exec(text); m && m.index < to; m = TARGET_ORDINAL.exec(text)) {
    const n = Number(m[1]);
    if (n === markers.length + 1) markers.push({ ordinal: n, start: m.index, end: m.index + m[0].length });
  }
  if (markers.length < 2) return [];
  const out: RawTarget[] = [];
  let group = "";
  let previousEnd = from;
  for (let k = 0; k < markers.length; k++) {
    const marker = markers[k]!;
    const intro = TARGET_GROUP_INTRO.exec(folded.slice(previousEnd, marker.start));
    if (intro) {
      const spelled = intro[1]!.replace(/\s+/g, " ").trim();
      const key = TARGET_GROUPS.has(spelled) ? spelled : closestWithin(spelled, TARGET_GROUPS.keys());
      group = key ? TARGET_GROUPS.get(key)! : spelled;
      if (k > 0) trimEnd(out[k - 1]!, previousEnd + intro.index, mt);
    }
    const next = markers[k + 1];
    const end = next ? next.start : to;
    const target: RawTarget = {
      ordinal: marker.ordinal,
      group,
      start: marker.start,
      end,
      text: "",
      quantities: [],
    };
    out.push(target);
    trimEnd(target, end, mt);
    previousEnd = marker.end;
  }
  for (const t of out) {
    const bodyStart = t.start + `(${t.ordinal})`.length;
    t.text = cleanPassage(mt, bodyStart, t.end);
    t.quantities = scanQuantities(mt, bodyStart, t.end);
  }
  return out;
}

function trimEnd(t: RawTarget, end: number, mt: MatchingText): void {
  let e = end;
  while (e > t.start && /\s/.test(mt.text[e - 1]!)) e--;
  t.end = e;
}

/** Numbers with a unit or a comparator: "không thấp hơn 52.600 tỷ đồng", "tăng từ 3 - 3,5%". */
export function scanQuantities(mt: MatchingText, from: number, to: number): Quantity[] {
  const { text, folded } = mt;
  const out: Quantity[] = [];
  QUANTITY_NUMBER.lastIndex = from;
  for (let m = QUANTITY_NUMBER.exec(text); m && m.index < to; m = QUANTITY_NUMBER.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    if (end > to) break;
    UNIT_AFTER.lastIndex = end;
    const u = UNIT_AFTER.exec(folded);
    let unit: QuantityUnit | null = null;
    if (u && UNIT_AFTER.lastIndex <= to) {
      const groups = u.groups ?? {};
      const idx = UNITS.findIndex((_, i) => groups[`u${i}`] !== undefined);
      if (idx >= 0) {
        unit = UNITS[idx]!.unit;
        end = UNIT_AFTER.lastIndex;
        QUANTITY_NUMBER.lastIndex = end;
      }
    }
    const before = COMPARATOR_BEFORE.exec(folded.slice(Math.max(from, start - 32), start));
    const comparator = before ? (comparatorBySpelling.get(before[1]!.replace(/\s+/g, " ")) ?? null) : null;
    if (unit === null && comparator === null) continue;
    const value = parseVietnameseNumber(m[1]!);
    if (value === null) continue;
    const upper = m[2] !== undefined ? parseVietnameseNumber(m[2]) : null;
    const span = mt.spanOf(start, end);
    const q: Quantity = { value, unit, comparator, quote: mt.original.slice(span[0], span[1]), span };
    if (upper !== null) q.valueMax = upper;
    out.push(q);
  }
  return out;
}

/** "52.600" → 52600, "10,01" → 10.01, "1.234,5" → 1234.5. */
export function parseVietnameseNumber(s: string): number | null {
  const v = Number(s.replace(/\./g, "").replace(",", "."));
  return Number.isFinite(v) ? v : null;
}
