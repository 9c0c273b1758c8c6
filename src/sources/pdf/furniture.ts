/**
 * Page furniture (pure): running headers and footers (a line repeated at the same place on most
 * pages, numbers aside), lone page numbers ("2", "- 2 -", "Trang 3", "3/35") at the top or bottom
 * of a page, and digital-signature stamps ("Ký bởi: …", "Cơ quan: …", "Thời gian ký: …"), which
 * are not the document's text.
 */
import type { PageLine } from "./layout.js";

export interface FurniturePage {
  lines: PageLine[];
  /** page height in points */
  height: number;
}

export interface FurnitureRemoved {
  /** running header and footer lines removed, over all pages */
  running: number;
  pageNumbers: number;
  /** signature-stamp lines removed */
  stamps: number;
  /** 0-based indexes of pages whose only text was a signature stamp */
  stampOnlyPages: number[];
}

/** Share of the page height, from the top and from the bottom, where furniture is looked for. */
const ZONE = 0.15;
/** Lines from each end of a page looked at as furniture. */
const EDGE_LINES = 3;

const PAGE_NUMBER =
  /^(?:(?:trang|page|tr\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:\/|of|trên)\s*\d{1,4})?$/iu;

/** A line that opens a unit of the body ("Điều #.", "Chương II", "#.#.", "a)"): never furniture. */
const STRUCTURE = /^(?:điều|chương|mục|phần|khoản|#(?:\.#)*\.|[a-zđ]\))(?:\s|$)/u;

const STAMP_START = /^(?:ký bởi|ký số bởi|người ký|signed by|digitally signed by)\s*:/iu;
const STAMP_MORE =
  /^(?:cơ quan|đơn vị|email|e-mail|chức vụ|thời gian ký|ngày ký|time|date|reason|lý do|location|vị trí)\s*:/iu;

/** A lone page number, as printed in a header or footer. */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** A line of a digital-signature stamp after its first: "Cơ quan: …", "Thời gian ký: …". */
export function isStampLine(text: string): boolean {
  return STAMP_MORE.test(text.trim().normalize("NFC"));
}

/** The first line of a digital-signature stamp: "Ký bởi: …". */
export function isStampStart(text: string): boolean {
  return STAMP_START.test(text.trim().normalize("NFC"));
}

/** Removes furniture in place; returns what was removed. */
export function removeFurniture(pages: FurniturePage[]): FurnitureRemoved {
  const removed: FurnitureRemoved = { running: 0, pageNumbers: 0, stamps: 0, stampOnlyPages: [] };
  pages.forEach((page, index) => {
    const before = page.lines.length;
    page.lines = removeStamps(page.lines);
    const stamps = before - page.lines.length;
    removed.stamps += stamps;
    if (stamps > 0 && page.lines.length === 0) removed.stampOnlyPages.push(index);
  });
  removed.running = removeRunning(pages);
  for (const page of pages) {
    const keep: PageLine[] = [];
    page.lines.forEach((line, k) => {
      if (atEdge(page, line, k) && isPageNumber(line.text)) removed.pageNumbers++;
      else keep.push(line);
    });
    page.lines = keep;
  }
  return removed;
}

/** The lines that are not a digital-signature stamp. */
export function withoutStamps<T extends { text: string }>(lines: readonly T[]): T[] {
  return removeStamps(lines);
}

function removeStamps<T extends { text: string }>(lines: readonly T[]): T[] {
  const keep: T[] = [];
  let inStamp = false;
  for (const line of lines) {
    const text = line.text.trim().normalize("NFC");
    if (STAMP_START.test(text)) inStamp = true;
    else if (inStamp && !STAMP_MORE.test(text)) inStamp = false;
    if (!inStamp) keep.push(line);
  }
  return keep;
}

function atEdge(page: FurniturePage, line: PageLine, index: number): boolean {
  const n = page.lines.length;
  const inTop = index < EDGE_LINES && line.y < ZONE * page.height;
  const inBottom = index >= n - EDGE_LINES && line.y + line.height > (1 - ZONE) * page.height;
  return inTop || inBottom;
}

/** The same line (numbers aside) at the same height on most pages. */
function removeRunning(pages: FurniturePage[]): number {
  if (pages.length < 2) return 0;
  const needed = Math.max(2, Math.ceil(pages.length * 0.5));
  const seen = new Map<string, { page: number; y: number }[]>();
  pages.forEach((page, p) => {
    page.lines.forEach((line, k) => {
      if (!atEdge(page, line, k)) return;
      const key = runningKey(line.text);
      if (key.length === 0) return;
      const list = seen.get(key) ?? [];
      list.push({ page: p, y: line.y });
      seen.set(key, list);
    });
  });
  const drop = new Set<string>(); // `${page}:${y}`
  for (const [key, list] of seen) {
    if (isPageNumber(key.replace(/#/g, "1"))) continue; // lone numbers are handled on their own
    if (STRUCTURE.test(key)) continue; // "Điều 5." at the top of every page is the body
    // the most common height (within 4 points) and the pages that have the line there
    let best: { page: number; y: number }[] = [];
    for (const anchor of list) {
      const near = list.filter((o) => Math.abs(o.y - anchor.y) <= 4);
      const pagesNear = new Set(near.map((o) => o.page));
      if (pagesNear.size > new Set(best.map((o) => o.page)).size) best = near;
    }
    if (new Set(best.map((o) => o.page)).size >= needed)
      for (const o of best) drop.add(`${o.page}:${o.y}:${key}`);
  }
  let count = 0;
  pages.forEach((page, p) => {
    page.lines = page.lines.filter((line, k) => {
      const hit = atEdge(page, line, k) && drop.has(`${p}:${line.y}:${runningKey(line.text)}`);
      if (hit) count++;
      return !hit;
    });
  });
  return count;
}

function runningKey(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}
