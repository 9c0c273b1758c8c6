import type { MatchingText } from "../text/matching-text.js";
import type { Comparator, Quantity, QuantityUnit, Target } from "../model.js";
import type { TreeNode } from "../tree/task-tree.js";
import { foldKey } from "../text/fold-vietnamese.js";
import { indicatorFor } from "../vocabulary/indicators.js";
import { closestWithin } from "../text/bounded-edit-distance.js";
import { cleanPassage } from "../text/clean-text.js";
import {
  COMPARATOR_BEFORE,
  QUANTITY_NUMBER,
  TARGET_GROUP_INTRO,
  TARGET_ORDINAL,
  UNIT_AFTER,
} from "../patterns.js";
import { COMPARATORS, COMPARATORS_AFTER, UNITS } from "../vocabulary/quantities.js";
import { TARGET_GROUPS, TARGET_SECTION_TITLES } from "../vocabulary/phrases.js";

/** A target while it is read; offsets index the matching text. */
export interface RawTarget {
  ordinal: number;
  group: string;
  start: number;
  end: number;
  text: string;
  quantities: Quantity[];
}

/** folded, at the start of the text after a quantity: "trở lên", "trở xuống". */
const COMPARATOR_AFTER = new RegExp(
  String.raw`^\s{0,2}(${COMPARATORS_AFTER.map(([s]) => s.replace(/ /g, "\\s+")).join("|")})(?![a-z])`,
);

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
    let comparator = before ? (comparatorBySpelling.get(before[1]!.replace(/\s+/g, " ")) ?? null) : null;
    // a comparator after the number is the more specific: "đạt 7,52% trở lên", "từ 20% trở lên"
    const after = COMPARATOR_AFTER.exec(folded.slice(end, Math.min(to, end + 16)));
    if (after && (unit !== null || comparator !== null)) {
      comparator = COMPARATORS_AFTER.find(([s]) => s === after[1]!.replace(/\s+/g, " "))![1];
      end += after[0].length;
      QUANTITY_NUMBER.lastIndex = Math.max(QUANTITY_NUMBER.lastIndex, end);
    }
    // a rank among the first n ("thuộc nhóm 70 nước dẫn đầu"): at most n
    if (unit === "hạng" && comparator === null) comparator = "không quá";
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

// ---------------------------------------------------------------- targets anywhere (#20)

/** What the document reader knows when it reads targets. */
export interface TargetReading {
  /** task nodes of the document, in text order */
  nodes: readonly TreeNode[];
  /** innermost task code at a matching-text offset */
  taskAt: (offset: number) => string | null;
  /** the year the document plans for (its title's "năm 2022", the end of "giai đoạn 2018 - 2020"), else its own year */
  planYear: number | null;
  /** where its body starts (matching offset): the header's numbers are no targets */
  bodyFrom: number;
  /** the document's type code (NQ, QĐ, KH, Luật …): normative texts' numbers are rules, not targets */
  typeCode?: string;
}

/**
 * Types whose numbers outside a "(1) … (n)" list are rules, conditions and examples, not targets
 * ("tối thiểu 12.000 tỷ đồng", "dưới 03 tháng", "Chỉ tiêu này phản ánh …" of an accounting form):
 * laws, decrees, circulars, consolidated texts, ordinances, regulations and guidance.
 */
const RULE_TYPES: ReadonlySet<string> = new Set([
  "Luật",
  "BLuật",
  "PL",
  "HP",
  "L",
  "NĐ",
  "TT",
  "TTLT",
  "VBHN",
  "QC",
  "HD",
  "QĐi",
  "QyĐ",
]);

/**
 * Every target of a document. A resolution that lists its targets "(1) … (n)" under a title with
 * "chỉ tiêu" (the seed) has them there and only there; any other text has them where it prints
 * them (scanProseTargets). Each target gets its indicator (vocabulary/indicators.ts) and the year
 * it is for.
 */
export function readTargets(mt: MatchingText, reading: TargetReading): Target[] {
  const raws: RawTarget[] = [];
  for (const node of reading.nodes) {
    if (node.kind === "clause" || node.kind === "point" || node.title.length > 120) continue;
    const title = foldKey(node.title);
    if (!TARGET_SECTION_TITLES.some((t) => title.includes(t))) continue;
    const ownEnd = node.children[0] ? node.children[0].start : node.end;
    raws.push(...scanTargets(mt, node.contentFrom, ownEnd));
  }
  const numbered = raws.length > 0;
  if (!numbered && !RULE_TYPES.has(reading.typeCode ?? "")) raws.push(...scanProseTargets(mt, reading));
  return raws.map((t) => {
    const span = mt.spanOf(t.start, t.end);
    const first = t.quantities[0];
    const subjectEnd = first ? matchingStart(mt, first.span[0], t.start, t.end) : t.end;
    const subjectStart = numbered ? t.start + `(${t.ordinal})`.length : t.start;
    const indicator = indicatorFor(
      foldKey(mt.folded.slice(subjectStart, Math.max(subjectStart, subjectEnd))),
      foldKey(mt.folded.slice(subjectStart, t.end)),
      first?.unit ?? null,
    );
    return {
      ordinal: t.ordinal,
      group: t.group,
      text: t.text,
      quantities: t.quantities,
      task: reading.taskAt(t.start),
      span,
      quote: mt.original.slice(span[0], span[1]),
      indicator: indicator?.key ?? null,
      year: targetYear(mt, reading, t) ?? reading.planYear,
    };
  });
}

/** The matching offset of an original offset within [from, to). */
function matchingStart(mt: MatchingText, original: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mt.spanOf(mid, mid + 1)[0] < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** folded: a year a target is for: "đến năm 2030", "Năm 2018:", "đến hết 2025", "trong năm 2022". */
const HORIZON =
  /(?<![a-z0-9])(?:(?:den|toi|trong|vao|cuoi)\s+(?:het\s+)?(?:nam\s+)?|nam\s+)(20\d{2})(?![\d/])/g;
/** folded: words before a year that make it a year of comparison, not of the target. */
const NOT_HORIZON =
  /(?<![a-z])(?:so voi|cung ky|ke hoach|nghi quyet|quyet dinh|ngay|thang|giai doan)\s*(?:nam\s*)?$/;
/** printed (folding makes "điện tử" of it): a start, not a horizon ("từ năm 2026"). */
const FROM_YEAR = /(?<!\p{L})từ\s*(?:năm\s*)?$/iu;

/**
 * The year a target is for: the last horizon in its own text, else the nearest one before it in
 * its section ("- Đến năm 2025:" over a list, "Đến năm 2025, tối thiểu 80% …. Cắt giảm tối thiểu
 * 20% …"), else the year in a heading above it ("Mục tiêu cụ thể đến năm 2030"); null when none.
 */
function targetYear(mt: MatchingText, reading: TargetReading, t: RawTarget): number | null {
  const { folded } = mt;
  const yearsIn = (from: number, to: number): number[] => {
    const out: number[] = [];
    HORIZON.lastIndex = from;
    for (let m = HORIZON.exec(folded); m && m.index < to; m = HORIZON.exec(folded)) {
      if (m.index + m[0].length > to) break;
      if (NOT_HORIZON.test(folded.slice(Math.max(0, m.index - 24), m.index))) continue;
      if (FROM_YEAR.test(mt.text.slice(Math.max(0, m.index - 12), m.index))) continue;
      out.push(Number(m[1]));
    }
    return out;
  };
  const first = t.quantities[0] ? matchingStart(mt, t.quantities[0].span[0], t.start, t.end) : t.end;
  const own = yearsIn(t.start, first);
  if (own.length > 0) return own.at(-1)!;
  const after = yearsIn(first, t.end);
  if (after.length > 0) return after[0]!;
  const sectionFrom = sectionStart(reading, t.start);
  const before = yearsIn(Math.max(sectionFrom, t.start - 1500), t.start);
  if (before.length > 0) return before.at(-1)!;
  return null;
}

/** The start of the innermost task node holding an offset, or the reading's body start. */
function sectionStart(reading: TargetReading, offset: number): number {
  let best = reading.bodyFrom;
  for (const n of reading.nodes) if (n.start <= offset && offset < n.end && n.start > best) best = n.start;
  return best;
}

/** folded: a heading that opens a section of targets ("III. Các chỉ tiêu về …", "2. Mục tiêu cụ thể", "a) Mục tiêu …"). */
const TARGET_HEADING =
  /(?:^|\n)[ \t]*(?:(?<roman>[ivx]+)[ \t]*[.-]|(?<digits>\d+(?:\.\d+)*)[ \t]*[.)-]|(?<letter>[a-zđ])[ \t]*\))[ \t\n]*(?:cac\s+)?(?:chi\s+tieu|muc\s+tieu)(?![a-z])/g;
/** folded: a line opening a unit of the same kind (the end of a section of targets). */
const HEADING_OF: Record<"roman" | "digits" | "letter", RegExp> = {
  roman: /\n[ \t]*(?:[ivx]+[ \t]*[.-](?![a-z0-9])|dieu\s+\d)/g,
  digits: /\n[ \t]*(?:[ivx]+[ \t]*[.-](?![a-z0-9])|\d+[ \t]*[.)-][ \t\n]|dieu\s+\d)/g,
  letter: /\n[ \t]*(?:[ivx]+[ \t]*[.-](?![a-z0-9])|\d+[ \t]*[.)-][ \t\n]|[a-zđ][ \t]*\)|dieu\s+\d)/g,
};
/** folded: a lead that states a total to reach ("3. Số lượng thực hiện: 4.692 hộ", "Nhu cầu vốn đầu tư …: khoảng 80.731,007 tỷ đồng"). */
const TOTAL_LEAD =
  /(?:^|\n)[ \t]*(?:[ivx]+[.-]|\d+(?:\.\d+)*[.)-]|[a-zđ]\)|[-+•*])?[ \t\n]*(?:so\s+luong\s+thuc\s+hien|(?:tong\s+)?nhu\s+cau\s+(?:von|kinh\s+phi)|tong\s+(?:so\s+)?von\s+(?:dau\s+tu|thuc\s+hien))(?![a-z])/g;
/** folded: a list item led by the year it is for ("- Đến năm 2020: Phấn đấu …", "a) Năm 2018: Tổng số 1.033 hộ"). */
const YEAR_LEAD =
  /(?:^|\n)[ \t]*(?:[-+•*]|[a-zđ]\)|\d+[.)])?[ \t]*(?:den\s+(?:het\s+)?)?nam\s+20\d{2}[ \t]*:/g;
/** folded: words of commitment that make a number in running text a target. */
const COMMITMENT = /(?<![a-z])(?:phan\s+dau|nang\s+(?:ty\s+le|len|cao\s+ty\s+le))(?![a-z])/;
/** folded: a verb that sets a level ("đạt", "tăng", "giảm"): a known indicator with a number is a target only after one ("tỷ lệ hộ nghèo trên 30%" says which communes qualify). */
const LEVEL_VERB = /(?<![a-z])(?:dat|tang|giam|nang)(?![a-z])/;
/** folded: words that make a number a result or a comparison, not a target ("ước đạt", "cùng kỳ năm 2016 đạt"). */
const RESULT =
  /(?<![a-z])(?:uoc\s+(?:dat|tinh|thuc\s+hien|dat\s+duoc)|(?:da|van)\s+(?:dat|thuc\s+hien|hoan\s+thanh|giai\s+ngan|co|tang|giam)|dat\s+duoc|thuc\s+hien\s+duoc|cung\s+ky|so\s+voi\s+(?:cung\s+ky|ke\s+hoach|du\s+toan|nam\s+truoc)|nam\s+truoc|luy\s+ke|hien\s+nay|hien\s+co|giam\s+so|tang\s+so)(?![a-z])/;
/** folded: headings of sections that report results ("Về tình hình thực hiện …", "đánh giá kết quả …"). */
/** folded: headings of sections that plan (inside a reviewing one, they decide). */
const PLAN_TITLE = /(?:nhiem vu|phuong huong|ke hoach|muc tieu|chi tieu|giai phap)/;
const REVIEW_TITLE =
  /(?:tinh hinh thuc hien|ket qua (?:thuc hien|dat duoc)|danh gia (?:ket qua|tinh hinh)|6 thang dau nam)/;

interface Zone {
  from: number;
  to: number;
}

/**
 * Targets where a text prints them, outside a "(1) … (n)" list: in a section of targets (a
 * heading "Các chỉ tiêu …", "Mục tiêu cụ thể", "MỤC TIÊU, YÊU CẦU"), every clause with a number
 * and a unit or comparator; in a list item led by its year ("- Đến năm 2025: …", "a) Năm 2018:
 * …"); the clause after a lead stating a total ("Số lượng thực hiện:", "Nhu cầu vốn đầu tư …");
 * elsewhere, a clause with words of commitment before the number ("phấn đấu", "nâng tỷ lệ") or
 * naming a known indicator with a verb that sets a level and a comparator ("đảm bảo tốc độ tăng trưởng kinh tế (GRDP) đạt 7,52% trở
 * lên"). Never a number said of results ("ước đạt", "cùng kỳ", "so với …") or in a section that
 * reports them ("Về tình hình thực hiện …"). Ordinals count the targets in text order.
 */
export function scanProseTargets(mt: MatchingText, reading: TargetReading): RawTarget[] {
  const { folded } = mt;
  const from = reading.bodyFrom;
  const to = folded.length;
  const zones = targetZones(folded, from, to);
  const leads: Zone[] = [];
  TOTAL_LEAD.lastIndex = from;
  for (let m = TOTAL_LEAD.exec(folded); m; m = TOTAL_LEAD.exec(folded)) {
    const end = sentenceEnd(folded, m.index + m[0].length, to);
    leads.push({ from: m.index, to: end });
  }
  YEAR_LEAD.lastIndex = from;
  for (let m = YEAR_LEAD.exec(folded); m; m = YEAR_LEAD.exec(folded)) {
    const next = /\n[ \t]*(?:[-+•*]|[a-zđ]\)|\d+[.)]|[ivx]+[.-])/g;
    next.lastIndex = m.index + m[0].length;
    const n = next.exec(folded);
    leads.push({ from: m.index, to: n ? n.index : to });
  }
  // the innermost heading that says whether its text reports or plans decides ("Về nhiệm vụ 6
  // tháng cuối năm" inside an article titled "Tán thành Báo cáo … về tình hình thực hiện …")
  const saying = reading.nodes
    .map((n) => {
      const title = foldKey(n.title);
      return { n, review: REVIEW_TITLE.test(title), plan: PLAN_TITLE.test(title) };
    })
    .filter((s) => s.review || s.plan);
  const reviewed = (at: number): boolean => {
    let inner: (typeof saying)[number] | null = null;
    for (const s of saying)
      if (s.n.start <= at && at < s.n.end && (!inner || s.n.start >= inner.n.start)) inner = s;
    return inner?.review ?? false;
  };
  const inside = (zs: readonly Zone[], at: number) => zs.some((z) => z.from <= at && at < z.to);

  const out: RawTarget[] = [];
  for (const clause of clauses(mt, from, to)) {
    if (reviewed(clause.from)) continue;
    for (const part of splitClause(mt, clause)) {
      const at = part.quantities.map((q) => matchingStart(mt, q.span[0], part.from, part.to));
      // a number and a "%" on two lines are cells of a table's form ("1\n%"), and "Năm X-1 %" a
      // column heading: no figures
      const quantities = part.quantities.filter(
        (q, i) =>
          !RESULT.test(foldKey(folded.slice(part.from, at[i]))) &&
          !/^\d[\d.,]*\s*\n\s*%$/.test(q.quote) &&
          !/\p{L}[-–]$/u.test(mt.original.slice(Math.max(0, q.span[0] - 2), q.span[0])),
      );
      if (quantities.length === 0) continue;
      const zoned = at.some((a) => inside(zones, a) || inside(leads, a));
      // outside a section of targets, the words of commitment come before the number, and an
      // indicator named with a comparator needs a unit ("ít nhất 12 tháng" is a condition)
      const words = foldKey(folded.slice(part.from, at[at.length - 1]));
      const named =
        quantities.some((q) => q.comparator !== null && q.unit !== null) &&
        LEVEL_VERB.test(words) &&
        indicatorFor(words, foldKey(folded.slice(part.from, part.to)), null) !== null;
      if (!zoned && !COMMITMENT.test(words) && !named) continue;
      let end = part.to;
      while (end > part.from && /[\s;,.:]/.test(mt.text[end - 1]!)) end--;
      out.push({
        ordinal: out.length + 1,
        group: "",
        start: part.from,
        end,
        text: cleanPassage(mt, part.from, end),
        quantities,
      });
    }
  }
  return out;
}

/** Sections of targets: from a heading "… chỉ tiêu" / "… mục tiêu" to the next heading of its kind or a higher one. */
function targetZones(folded: string, from: number, to: number): Zone[] {
  const out: Zone[] = [];
  TARGET_HEADING.lastIndex = from;
  for (let m = TARGET_HEADING.exec(folded); m && m.index < to; m = TARGET_HEADING.exec(folded)) {
    const kind = m.groups!.roman ? "roman" : m.groups!.digits ? "digits" : "letter";
    const next = HEADING_OF[kind];
    next.lastIndex = m.index + m[0].length;
    const n = next.exec(folded);
    out.push({ from: m.index, to: n ? n.index : to });
  }
  return out;
}

/** The end of the sentence from `at`: a ". " or ";" or a line opening a list item, or `to`. */
function sentenceEnd(folded: string, at: number, to: number): number {
  const re = /[.;](?=\s)|\n[ \t]*(?:[-+•*]|[a-zđ]\)|\d+[.)])/g;
  re.lastIndex = at;
  const m = re.exec(folded);
  return m && m.index < to ? m.index + 1 : to;
}

interface Clause {
  from: number;
  to: number;
}

/**
 * Clauses: text between ";", the end of a sentence (". " not inside a number), a colon ending a
 * line, and the start of a list item ("-", "+", "a)", "2.").
 */
function clauses(mt: MatchingText, from: number, to: number): Clause[] {
  const out: Clause[] = [];
  const re =
    /;|\.(?=\s)|:[ \t]*\n|\n(?=[ \t]*(?:[-+•*][ \t]|[a-zđ]\)|\d+(?:\.\d+)*[.)][ \t\n]|[ivx]+[.-][ \t\n]|dieu\s+\d))/g;
  re.lastIndex = from;
  let start = from;
  for (let m = re.exec(mt.folded); m && m.index < to; m = re.exec(mt.folded)) {
    const end = m.index + m[0].length;
    while (start < m.index && /\s/.test(mt.text[start]!)) start++;
    if (start < m.index) out.push({ from: start, to: m.index });
    start = end;
  }
  while (start < to && /\s/.test(mt.text[start]!)) start++;
  if (start < to) out.push({ from: start, to });
  return out;
}

/**
 * A clause with several numbers is cut at a comma between them ("Quy mô diện tích … khoảng
 * 9.500ha, dân số đô thị khoảng 679.000 người"), except after "trong đó" (parts of the number
 * before: "có 23 đô thị, trong đó: 02 đô thị loại II, 01 đô thị loại III …").
 */
function splitClause(
  mt: MatchingText,
  clause: Clause,
): { from: number; to: number; quantities: Quantity[] }[] {
  const quantities = scanQuantities(mt, clause.from, clause.to);
  if (quantities.length < 2) return [{ ...clause, quantities }];
  const at = quantities.map((q) => matchingStart(mt, q.span[0], clause.from, clause.to));
  const parts: { from: number; to: number; quantities: Quantity[] }[] = [];
  let start = clause.from;
  const comma = /,|\s+va(?=\s+\d)/g;
  comma.lastIndex = clause.from;
  for (let m = comma.exec(mt.folded); m && m.index < clause.to; m = comma.exec(mt.folded)) {
    const c = m.index;
    // "…, trong đó: 02 đô thị loại II, …": the numbers after "trong đó" are parts of the one before
    const firstHere = at.find((a) => a >= start && a < c);
    if (firstHere !== undefined && /(?<![a-z])trong\s+do(?![a-z])/.test(mt.folded.slice(firstHere, c))) break;
    const next = mt.folded.slice(c + m[0].length, c + m[0].length + 16);
    if (/^\s*(?:trong\s+do|tuong\s+duong|bang|gom|voi)(?![a-z])/.test(next)) continue;
    const nextComma = mt.folded.indexOf(",", c + m[0].length);
    const partEnd = nextComma < 0 || nextComma > clause.to ? clause.to : nextComma;
    const left = at.some((a) => a >= start && a < c);
    const right = at.some((a) => a > c && a < partEnd);
    if (!left || !right) continue;
    parts.push({
      from: start,
      to: c,
      quantities: quantities.filter((_, i) => at[i]! >= start && at[i]! < c),
    });
    start = c + m[0].length;
    while (start < clause.to && /\s/.test(mt.text[start]!)) start++;
  }
  parts.push({ from: start, to: clause.to, quantities: quantities.filter((_, i) => at[i]! >= start) });
  return parts;
}

/**
 * The year a document plans for, from its title: the end of "giai đoạn 2018 - 2020", else the
 * last "năm 2022" ("phương hướng, nhiệm vụ năm 2022", "6 tháng cuối năm 2017", "đến năm 2020 và
 * định hướng đến năm 2030"); else its own year.
 */
export function planYearOf(title: string | null, year: number | null): number | null {
  const t = foldKey(title ?? "");
  const period = /giai doan (?:20\d{2}) ?[-–] ?(20\d{2})/.exec(t);
  if (period) return Number(period[1]);
  const years = [...t.matchAll(/(?<![a-z0-9])nam (20\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  return years.at(-1) ?? year;
}
