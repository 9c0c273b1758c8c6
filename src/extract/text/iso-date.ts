/** Earliest and latest years accepted in a date: the Democratic Republic's first laws, and a margin. */
export const FIRST_YEAR = 1945;
export const LAST_YEAR = 2100;

/** `yyyy-mm-dd` for a valid calendar date, else null (31/02 and 00/13 are OCR, not dates). */
export function isoDate(day: number, month: number, year: number): string | null {
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return null;
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The date in groups `[d, m, y]` at `offset` of a match, if all three are present. */
export function isoDateFromGroups(m: RegExpExecArray, offset: number): string | null {
  const d = m[offset];
  const mo = m[offset + 1];
  const y = m[offset + 2];
  if (d === undefined || mo === undefined || y === undefined) return null;
  return isoDate(Number(d), Number(mo), Number(y));
}

/** The first date in alternative group triples (numeric and worded forms of one pattern). */
export function isoDateFromAlternatives(
  m: RegExpExecArray,
  offsets: readonly number[],
): { date: string | null; written: boolean } {
  for (const o of offsets) {
    if (m[o] !== undefined) return { date: isoDateFromGroups(m, o), written: true };
  }
  return { date: null, written: false };
}

/**
 * A date whose separators were lost in conversion: "26-52025" (day, then month and year run
 * together), "0962025" (all three). The year is the last four digits; the rest must split into
 * exactly one valid day and month ("1122025" could be 11/2 or 1/12: null).
 */
export function isoDateFromDamaged(printed: string): string | null {
  const m = /^(\d{1,4})(?:[/.-](\d{1,2}))?((?:19|20)\d{2})$/.exec(printed);
  if (!m) return null;
  const year = Number(m[3]);
  if (m[2] !== undefined) return m[1]!.length <= 2 ? isoDate(Number(m[1]), Number(m[2]), year) : null;
  const rest = m[1]!;
  const dates = new Set<string>();
  for (let cut = 1; cut < rest.length; cut++) {
    const day = rest.slice(0, cut);
    const month = rest.slice(cut);
    // a leading zero belongs to a two-digit field ("09"), never to a one-digit one
    if (day.length > 2 || month.length > 2) continue;
    if ((day.startsWith("0") && day.length !== 2) || (month.startsWith("0") && month.length !== 2)) continue;
    const d = isoDate(Number(day), Number(month), year);
    if (d) dates.add(d);
  }
  return dates.size === 1 ? [...dates][0]! : null;
}
