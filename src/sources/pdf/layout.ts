/**
 * A PDF page's text runs → lines in reading order (pure, no pdfjs here). Runs are in points from
 * the page's top left. A line is the runs whose vertical extents overlap, sorted by x and joined
 * with a space where there is a gap; lines are sorted top to bottom. Runs far apart on one line
 * (a two-cell header table, a signature block beside the recipients) are cells: where several
 * consecutive lines are split at the same place, the left cells are read before the right ones,
 * as pdftotext does, so that "BAN CHẤP HÀNH TRUNG ƯƠNG / * / Số 294-QĐ/TW" stay together.
 */

/** One run of text on a page (a pdfjs text item), in points from the page's top left. */
export interface TextRun {
  str: string;
  /** left edge */
  x: number;
  /** top edge (baseline − font height) */
  top: number;
  width: number;
  /** font height */
  height: number;
}

/** A line of text on a page, with its box. */
export interface PageLine {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** a paragraph starts here (a larger vertical gap, or a new cell column) */
  paragraph: boolean;
}

/** Gap between runs of one line, in font heights, above which a space is written. */
const SPACE_GAP = 0.15;
/** Gap, in font heights, above which two runs are separate cells of a table-like layout. */
const CELL_GAP = 2.5;

interface Segment {
  runs: TextRun[];
  x: number;
  right: number;
  text: string;
}

interface RawLine {
  runs: TextRun[];
  top: number;
  bottom: number;
  height: number;
}

interface SplitLine {
  segments: Segment[];
  top: number;
  bottom: number;
  height: number;
}

/** Lines of one page, in reading order. */
export function layoutLines(input: readonly TextRun[]): PageLine[] {
  const runs = input.filter((r) => r.str.trim().length > 0 && r.height > 0 && Number.isFinite(r.x));
  if (runs.length === 0) return [];
  runs.sort((a, b) => a.top + a.height - (b.top + b.height) || a.x - b.x);
  const raw: RawLine[] = [];
  for (const run of runs) {
    let target: RawLine | undefined;
    // the runs are sorted by baseline: only the last few lines can share a run's band
    for (let i = raw.length - 1; i >= 0 && i >= raw.length - 4; i--) {
      const line = raw[i]!;
      const overlap = Math.min(line.bottom, run.top + run.height) - Math.max(line.top, run.top);
      if (overlap >= 0.5 * Math.min(line.height, run.height)) {
        target = line;
        break;
      }
    }
    if (target) target.runs.push(run);
    else raw.push({ runs: [run], top: run.top, bottom: run.top + run.height, height: run.height });
  }
  raw.sort((a, b) => a.top - b.top);
  const lines = raw.map(splitLine);
  return orderCells(lines);
}

function splitLine(line: RawLine): SplitLine {
  const runs = [...line.runs].sort((a, b) => a.x - b.x);
  const segments: Segment[] = [];
  let current: Segment | null = null;
  let prev: TextRun | null = null;
  for (const run of runs) {
    if (prev && isDuplicate(prev, run)) continue; // fake bold: the same text drawn twice
    const h = Math.max(run.height, prev?.height ?? 0);
    const gap = prev ? run.x - (prev.x + prev.width) : 0;
    if (!current || gap > CELL_GAP * h) {
      current = { runs: [run], x: run.x, right: run.x + run.width, text: run.str.trim() };
      segments.push(current);
    } else {
      const needsSpace = gap > SPACE_GAP * h && !/\s$/.test(current.text) && !/^\s/.test(run.str);
      current.text += (needsSpace ? " " : "") + (needsSpace ? run.str.trimStart() : run.str);
      current.runs.push(run);
      current.right = Math.max(current.right, run.x + run.width);
    }
    prev = run;
  }
  for (const s of segments) s.text = s.text.replace(/\s+/g, " ").trim().normalize("NFC");
  return { segments, top: line.top, bottom: line.bottom, height: line.height };
}

function isDuplicate(a: TextRun, b: TextRun): boolean {
  if (a.str !== b.str) return false;
  const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  return overlap > 0.7 * Math.max(a.width, b.width, 1e-6) && Math.abs(a.top - b.top) < 0.3 * a.height;
}

/** Reads two-cell blocks column by column; other lines keep their cells on one line. */
function orderCells(lines: SplitLine[]): PageLine[] {
  const out: PageLine[] = [];
  const pitch = typicalPitch(lines);
  let prevBottom: number | null = null;
  let i = 0;
  while (i < lines.length) {
    const block = cellBlock(lines, i);
    if (block) {
      const { end, boundary } = block;
      const left: PageLine[] = [];
      const right: PageLine[] = [];
      for (let k = i; k < end; k++) {
        const line = lines[k]!;
        const l = line.segments.filter((s) => s.x < boundary);
        const r = line.segments.filter((s) => s.x >= boundary);
        if (l.length > 0) left.push(toPageLine(l, line, false));
        if (r.length > 0) right.push(toPageLine(r, line, false));
      }
      if (left[0]) left[0].paragraph = true;
      if (right[0]) right[0].paragraph = true;
      out.push(...left, ...right);
      prevBottom = lines[end - 1]!.bottom;
      i = end;
      continue;
    }
    const line = lines[i]!;
    const paragraph = prevBottom !== null && line.top - prevBottom > Math.max(pitch * 1.5, line.height * 0.9);
    const pl = toPageLine(line.segments, line, paragraph || prevBottom === null);
    out.push(pl);
    prevBottom = line.bottom;
    i++;
  }
  if (out[0]) out[0].paragraph = false;
  return out;
}

/** The usual gap between the bottom of a line and the top of the next, in points. */
function typicalPitch(lines: readonly SplitLine[]): number {
  const gaps: number[] = [];
  for (let k = 1; k < lines.length; k++) {
    const gap = lines[k]!.top - lines[k - 1]!.bottom;
    if (gap >= 0 && gap < 3 * lines[k]!.height) gaps.push(gap);
  }
  if (gaps.length === 0) return 4;
  gaps.sort((a, b) => a - b);
  // the lower quartile: the gap inside paragraphs, even on a page of many short paragraphs
  return Math.max(gaps[Math.floor(gaps.length / 4)]!, 1);
}

/**
 * A block of consecutive lines from `start` that reads as two cells side by side: at least two
 * lines split by a wide gap, close together, and one vertical divider that no line's cells
 * cross; some real text in the left cell (not just list markers before a tab).
 */
function cellBlock(lines: readonly SplitLine[], start: number): { end: number; boundary: number } | null {
  const first = lines[start]!;
  if (first.segments.length < 2) return null;
  // where the divider can be: inside the first wide gap, and outside every cell of the block
  let range: [number, number] = [first.segments[0]!.right, first.segments[1]!.x];
  let end = start + 1;
  let split = 1;
  while (end < lines.length) {
    const line = lines[end]!;
    const prev = lines[end - 1]!;
    if (line.top - prev.bottom > 1.6 * Math.max(line.height, prev.height)) break;
    const next = narrow(range, line.segments);
    if (!next) break;
    range = next;
    if (line.segments.length >= 2) split++;
    end++;
  }
  if (split < 2) return null;
  const boundary = (range[0] + range[1]) / 2;
  const leftText = lines
    .slice(start, end)
    .flatMap((l) => l.segments.filter((s) => s.x < boundary).map((s) => s.text))
    .join(" ");
  const letters = leftText.replace(/[^\p{L}]/gu, "").length;
  if (letters < 8) return null;
  return { end, boundary };
}

/** The widest part of `range` that no segment covers (2 points of slack), or null. */
function narrow(range: [number, number], segments: readonly Segment[]): [number, number] | null {
  let parts: [number, number][] = [range];
  for (const s of segments) {
    const a = s.x + 2;
    const b = s.right - 2;
    if (b <= a) continue;
    const out: [number, number][] = [];
    for (const [lo, hi] of parts) {
      if (b <= lo || a >= hi) out.push([lo, hi]);
      else {
        if (a > lo) out.push([lo, a]);
        if (b < hi) out.push([b, hi]);
      }
    }
    parts = out;
  }
  let best: [number, number] | null = null;
  for (const p of parts) if (!best || p[1] - p[0] > best[1] - best[0]) best = p;
  return best && best[1] - best[0] >= 0 ? best : null;
}

function toPageLine(segments: readonly Segment[], line: SplitLine, paragraph: boolean): PageLine {
  const x = Math.min(...segments.map((s) => s.x));
  const right = Math.max(...segments.map((s) => s.right));
  let top = Infinity;
  let bottom = -Infinity;
  for (const s of segments)
    for (const r of s.runs) {
      top = Math.min(top, r.top);
      bottom = Math.max(bottom, r.top + r.height);
    }
  return {
    text: segments.map((s) => s.text).join(" "),
    x,
    y: Number.isFinite(top) ? top : line.top,
    width: right - x,
    height: Number.isFinite(bottom) ? bottom - top : line.height,
    paragraph,
  };
}
