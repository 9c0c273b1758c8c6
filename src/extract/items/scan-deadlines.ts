import type { MatchingText } from "../text/matching-text.js";
import { isoDateFromAlternatives } from "../text/iso-date.js";
import { DEADLINE } from "../patterns.js";
import { romanToInt } from "../tree/read-marker.js";

/** A deadline while it is read; offsets index the matching text. */
export interface RawDeadline {
  start: number;
  end: number;
  date: string | null;
  period: string | null;
}

/** "trước ngày 31/12/2021", "đến 31/12/2022", "hết Quý III/2022" (2022-Q3), "đến hết năm 2022" (2022). */
export function scanDeadlines(mt: MatchingText): RawDeadline[] {
  const out: RawDeadline[] = [];
  DEADLINE.lastIndex = 0;
  for (let m = DEADLINE.exec(mt.folded); m; m = DEADLINE.exec(mt.folded)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (m[7] !== undefined && m[8] !== undefined) {
      const q = /^\d$/.test(m[7]) ? Number(m[7]) : romanToInt(m[7]);
      out.push({ start, end, date: null, period: `${m[8]}-Q${q}` });
    } else if (m[9] !== undefined) {
      out.push({ start, end, date: null, period: m[9] });
    } else {
      const { date } = isoDateFromAlternatives(m, [1, 4]);
      if (date) out.push({ start, end, date, period: null });
    }
  }
  return out;
}
