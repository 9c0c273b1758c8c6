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
      const word = /^(?:den\s+)?(\S+)/.exec(m[0])![1];
      // "cuối năm 2017" is its last quarter; "trước năm 2025" ends the year before
      if (word === "cuoi") out.push({ start, end, date: null, period: `${m[9]}-Q4` });
      else if (word === "truoc") out.push({ start, end, date: `${Number(m[9]) - 1}-12-31`, period: null });
      else out.push({ start, end, date: null, period: m[9] });
    } else {
      const { date } = isoDateFromAlternatives(m, [1, 4]);
      if (date) out.push({ start, end, date, period: null });
    }
  }
  for (const m of mt.folded.matchAll(MORE_DEADLINES)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((d) => d.start < end && start < d.end)) continue;
    // "phấn đấu năm 2022" folds as "đầu năm 2022": the printed word decides
    if (m[2] !== undefined && !/đầu\s+năm/iu.test(mt.text.slice(start, end))) continue;
    let period: string;
    if (m[1] !== undefined) period = `${m[1]}-Q2`;
    else if (m[2] !== undefined) period = `${m[2]}-Q1`;
    else if (m[3] !== undefined) period = `${m[4]}-${m[3].padStart(2, "0")}`;
    else if (m[5] !== undefined) period = `${m[6]}-Q${/^\d$/.test(m[5]) ? Number(m[5]) : romanToInt(m[5])}`;
    else period = m[7]!;
    out.push({ start, end, date: null, period });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * folded: deadlines DEADLINE does not read: "(kỳ họp) giữa năm 2019" (its mid-year session, Q2),
 * "(đến, trước, trong …) đầu năm 2018" (Q1; "vào đầu năm 2022" says when, not by when), "trong tháng 5/2026" (a month), "(Quý III/2025)" (a quarter on its own),
 * "đến năm 2030" (a horizon).
 */
const MORE_DEADLINES =
  /(?<![a-z])(?:giua\s+nam\s+((?:19|20)\d{2})|(?:den|truoc|trong|xong|hoan\s+thanh)\s+dau\s+nam\s+((?:19|20)\d{2})|(?:trong|den|xong trong|truoc)\s+thang\s+(1[0-2]|0?[1-9])\s*\/\s*((?:19|20)\d{2})|quy\s+(iv|iii|ii|i|[1-4])\s{0,2}(?:\/|nam)\s{0,2}((?:19|20)\d{2})|den\s+nam\s+((?:19|20)\d{2}))(?![0-9])/g;
