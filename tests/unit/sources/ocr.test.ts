/**
 * src/sources/ocr.ts against the real tesseract (tesseract-ocr + tesseract-ocr-vie) and poppler of
 * this machine: recognition of a rendered Vietnamese passage, the timeout that kills the child, the
 * pixel bound of page rendering, and a missing binary.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOcrEngine, fixVietnameseOcr, ocrInstallHint, textFromTsv } from "../../../src/sources/ocr.js";
import { SourceError, type OcrEngine } from "../../../src/sources/types.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, "..", "..", "fixtures", "sources", "image");
const read = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));

/** Is the process still there (a zombie not yet reaped counts as gone)? */
function alive(pid: number): boolean {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return !/^State:\s+Z/m.test(status);
  } catch {
    return false;
  }
}

let tmpRoot: string;
let engine: OcrEngine | null;
const spawned: number[] = [];

beforeAll(async () => {
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-ocr-test-"));
  engine = await findOcrEngine({ tmpRoot, onSpawn: (pid) => spawned.push(pid) });
});

afterAll(() => {
  fs.rmSync(tmpRoot, { recursive: true, force: true });
});

function requireEngine(): OcrEngine {
  if (engine === null) throw new Error(`OCR tests need tesseract with vie and poppler: ${ocrInstallHint}`);
  return engine;
}

describe("findOcrEngine", () => {
  it("finds tesseract with the Vietnamese model on this machine", () => {
    const found = requireEngine();
    expect(found.version).toMatch(/^tesseract \d+\.\d+/);
    expect(found.language).toBe("vie");
  });

  it("gives null for a missing tesseract, a missing pdftoppm or a missing language model", async () => {
    expect(await findOcrEngine({ tesseract: "/nonexistent/tesseract" })).toBeNull();
    expect(await findOcrEngine({ pdftoppm: "/nonexistent/bin/pdftoppm" })).toBeNull();
    expect(await findOcrEngine({ language: "zzz" })).toBeNull();
  });

  it("names the install line", () => {
    expect(ocrInstallHint).toBe("sudo apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils");
  });
});

describe("recognise", () => {
  it("reads a rendered Vietnamese passage with its numbered citation, confidence over 50", async () => {
    const result = await requireEngine().recognise(read("passage.png"), { timeoutMs: 60_000 });
    expect(result.text).toContain("294-QĐ/TW");
    expect(result.text).toContain("Căn cứ Quy định số 294-QĐ/TW, ngày 26/5/2025");
    expect(result.text).toContain("Ban Chấp hành Trung ương");
    expect(result.text).toBe(result.text.normalize("NFC"));
    expect(result.confidence).toBeGreaterThan(50);
    expect(result.confidence).toBeLessThanOrEqual(100);
    // lines in reading order
    expect(result.text.indexOf("Điều lệ Đảng;")).toBeLessThan(result.text.indexOf("294-QĐ/TW"));
    expect(result.text.indexOf("294-QĐ/TW")).toBeLessThan(result.text.indexOf("Quy chế làm việc"));
    // nothing left behind in the temporary root
    expect(fs.readdirSync(tmpRoot)).toEqual([]);
  });

  it("kills tesseract at the time limit: TIMEOUT, and no process left running", async () => {
    const ocr = requireEngine();
    const before = spawned.length;
    const error = await ocr.recognise(read("passage.png"), { timeoutMs: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe("TIMEOUT");
    const pids = spawned.slice(before);
    expect(pids.length).toBe(1);
    expect(alive(pids[0]!)).toBe(false);
    // no tesseract reads anything under our temporary root, and the root is empty
    let running = "";
    try {
      running = execFileSync("pgrep", ["-f", tmpRoot], { encoding: "utf8" });
    } catch {
      running = ""; // pgrep exits 1 when nothing matches
    }
    expect(running.trim()).toBe("");
    expect(fs.readdirSync(tmpRoot)).toEqual([]);
  });

  it("refuses bytes that are no image with CORRUPT and a short reason", async () => {
    const error = await requireEngine()
      .recognise(new TextEncoder().encode("not an image at all"), { timeoutMs: 30_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe("CORRUPT");
    expect((error as SourceError).message.length).toBeLessThan(300);
  });
});

describe("renderPdfPage", () => {
  it("renders a PDF page to PNG at the dpi asked for", async () => {
    const png = await requireEngine().renderPdfPage(read("passage.pdf"), 1, 100);
    expect(Array.from(png.subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    const pdfWidthPt = Number(/^Page size:\s+([\d.]+)/m.exec(pdfinfo("passage.pdf"))?.[1]);
    expect(view.getUint32(16)).toBe(Math.ceil((pdfWidthPt / 72) * 100));
  });

  it("lowers the resolution to keep a page under the pixel bound, and refuses a page too large even so", async () => {
    const small = await findOcrEngine({ tmpRoot, maxPixels: 500_000 });
    if (small === null) throw new Error("no engine");
    const png = await small.renderPdfPage(read("passage.pdf"), 1, 600);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect(view.getUint32(16) * view.getUint32(20)).toBeLessThanOrEqual(500_000);

    const tiny = await findOcrEngine({ tmpRoot, maxPixels: 1_000 });
    if (tiny === null) throw new Error("no engine");
    const error = await tiny.renderPdfPage(read("passage.pdf"), 1, 300).catch((e: unknown) => e);
    expect((error as SourceError).code).toBe("TOO_LARGE");
  });

  it("refuses a page past the end, and a truncated PDF", async () => {
    const ocr = requireEngine();
    const past = await ocr.renderPdfPage(read("passage.pdf"), 2, 100).catch((e: unknown) => e);
    expect((past as SourceError).code).toBe("NO_PAGES");
    const pdf = read("passage.pdf");
    const cut = await ocr.renderPdfPage(pdf.subarray(0, 400), 1, 100).catch((e: unknown) => e);
    expect((cut as SourceError).code).toBe("CORRUPT");
    expect(fs.readdirSync(tmpRoot)).toEqual([]);
  });
});

describe("textFromTsv", () => {
  it("joins words into lines and paragraphs in the order given, with the mean word confidence", () => {
    const header =
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
    const row = (b: number, p: number, l: number, w: number, conf: number, text: string): string =>
      `5\t1\t${b}\t${p}\t${l}\t${w}\t0\t0\t1\t1\t${conf}\t${text}`;
    const tsv = [
      header,
      "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t",
      row(1, 1, 1, 1, 90, "Căn"),
      row(1, 1, 1, 2, 80, "cứ"),
      row(1, 1, 2, 1, 70, "Điều"),
      row(1, 2, 1, 1, 60, "1."),
      row(2, 1, 1, 1, -1, " "),
      row(2, 1, 1, 2, 100, "Hết"),
    ].join("\n");
    const result = textFromTsv(tsv);
    expect(result.text).toBe("Căn cứ\nĐiều\n\n1.\n\nHết");
    expect(result.confidence).toBe(80);
    expect(result.words).toBe(5);
  });
});

function pdfinfo(name: string): string {
  return execFileSync("pdfinfo", [path.join(fixtures, name)], { encoding: "latin1" });
}

describe("fixVietnameseOcr", () => {
  it("turns the eth that tesseract's vie model reads for Đ back into Đ, and leaves a real ĐĐ", () => {
    expect(fixVietnameseOcr("Quy định số 294-QĐ\u00d0/TW")).toBe("Quy định số 294-QĐ/TW");
    expect(fixVietnameseOcr("294-Q\u00d0/TW, \u00f0ảng")).toBe("294-QĐ/TW, đảng");
    expect(fixVietnameseOcr("Nghị quyết số 05/NQ-ĐĐBQH")).toBe("Nghị quyết số 05/NQ-ĐĐBQH");
  });
});
