/**
 * src/sources/image.ts: sizes read from image headers (PNG, JPEG, TIFF in both byte orders) and
 * refused before decoding, truncated files, OCR unavailable, and real OCR of a one-page PNG and a
 * two-page TIFF of a real passage (tesseract-ocr + tesseract-ocr-vie needed).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readImage, readImageFrames, type ImageMediaType } from "../../../src/sources/image.js";
import { findOcrEngine, ocrInstallHint } from "../../../src/sources/ocr.js";
import {
  SourceError,
  type OcrEngine,
  type ReaderContext,
  type SourceLimits,
} from "../../../src/sources/types.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, "..", "..", "fixtures", "sources", "image");
const read = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));

const limits: SourceLimits = {
  maxBytes: 50_000_000,
  maxPages: 1000,
  maxChars: 5_000_000,
  maxPixels: 100_000_000,
  maxUnzippedBytes: 200_000_000,
  ocrPageTimeoutMs: 60_000,
};

let engine: OcrEngine | null = null;
beforeAll(async () => {
  engine = await findOcrEngine();
});

function context(name: string, ocr: OcrEngine | null, extra: Partial<SourceLimits> = {}): ReaderContext {
  return { name, limits: { ...limits, ...extra }, ocr };
}

/** An engine that must never be called: proves the refusal came before any decoding. */
const untouchable: OcrEngine = {
  version: "tesseract 0",
  language: "vie",
  recognise: () => Promise.reject(new Error("recognise must not be called")),
  renderPdfPage: () => Promise.reject(new Error("renderPdfPage must not be called")),
};

async function refusal(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("image headers", () => {
  it.each<[string, ImageMediaType]>([
    ["huge.png", "image/png"],
    ["huge.jpg", "image/jpeg"],
    ["huge-le.tif", "image/tiff"],
    ["huge-be.tif", "image/tiff"],
  ])("%s: 20,000 × 20,000 read from the header of a file of a few bytes", (name, mediaType) => {
    const bytes = read(name);
    expect(bytes.length).toBeLessThan(100);
    expect(readImageFrames(bytes, mediaType, context(name, null))).toEqual([
      expect.objectContaining({ width: 20_000, height: 20_000 }),
    ]);
  });

  it.each<[string, ImageMediaType]>([
    ["huge.png", "image/png"],
    ["huge.jpg", "image/jpeg"],
    ["huge-le.tif", "image/tiff"],
    ["huge-be.tif", "image/tiff"],
  ])("%s is refused TOO_LARGE before any decoding, naming the file and the size", async (name, mediaType) => {
    const error = await refusal(readImage(read(name), mediaType, context(name, untouchable)));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toContain(name);
    expect(error.message).toContain("20000 × 20000");
  });

  it("reads the real fixtures' sizes: the PNG, and both pages of the TIFF", () => {
    const png = readImageFrames(read("passage.png"), "image/png", context("passage.png", null));
    expect(png).toHaveLength(1);
    // 541 pt at 200 dpi
    expect(png[0]!.width).toBeGreaterThan(1400);
    const tiff = readImageFrames(read("two-pages.tif"), "image/tiff", context("two-pages.tif", null));
    expect(tiff).toHaveLength(2);
    for (const frame of tiff) expect(frame.width * frame.height).toBeGreaterThan(100_000);
  });

  it("refuses a TIFF with more pages than the page limit", async () => {
    const error = await refusal(
      readImage(read("two-pages.tif"), "image/tiff", context("t.tif", untouchable, { maxPages: 1 })),
    );
    expect(error.code).toBe("TOO_LARGE");
  });

  it.each<[string, ImageMediaType]>([
    ["truncated.png", "image/png"],
    ["truncated.jpg", "image/jpeg"],
    ["passage.png", "image/jpeg"],
    ["passage.png", "image/tiff"],
  ])("%s read as %s is CORRUPT", async (name, mediaType) => {
    const error = await refusal(readImage(read(name), mediaType, context(name, untouchable)));
    expect(error.code).toBe("CORRUPT");
    expect(error.message).toContain(name);
  });

  it("a TIFF whose directory chain loops is CORRUPT, not an endless walk", async () => {
    const bytes = read("huge-le.tif").slice();
    new DataView(bytes.buffer).setUint32(10 + 4 * 12, 8, true); // next IFD → itself
    const error = await refusal(readImage(bytes, "image/tiff", context("loop.tif", untouchable)));
    expect(error.code).toBe("CORRUPT");
  });

  it("an empty file is EMPTY", async () => {
    const error = await refusal(readImage(new Uint8Array(0), "image/png", context("empty.png", untouchable)));
    expect(error.code).toBe("EMPTY");
  });
});

describe("readImage through OCR", () => {
  it("without OCR: OCR_UNAVAILABLE with the install line", async () => {
    const error = await refusal(readImage(read("passage.png"), "image/png", context("passage.png", null)));
    expect(error.code).toBe("OCR_UNAVAILABLE");
    expect(error.message).toContain(ocrInstallHint);
    expect(error.message).toContain("passage.png");
  });

  it("a PNG of a real passage: its text with the citation, one OCR page with its confidence", async () => {
    if (engine === null) throw new Error(`needs ${ocrInstallHint}`);
    const progress: string[] = [];
    const doc = await readImage(read("passage.png"), "image/png", {
      ...context("passage.png", engine),
      onProgress: (m) => progress.push(m),
    });
    expect(doc.method).toBe("ocr");
    expect(doc.mediaType).toBe("image/png");
    expect(doc.text).toContain("Quy định số 294-QĐ/TW, ngày 26/5/2025");
    expect(doc.pages).toEqual([
      { page: 1, start: 0, end: doc.text.length, method: "ocr", confidence: expect.any(Number) as number },
    ]);
    expect(doc.pages![0]!.confidence).toBeGreaterThan(50);
    expect(doc.ocr).toEqual({
      engine: "tesseract",
      version: engine.version,
      language: "vie",
      confidence: doc.pages![0]!.confidence,
      pages: [1],
    });
    expect(progress).toEqual(["OCR page 1 of 1"]);
  });

  it("a two-page TIFF: each page recognised alone, page spans covering the text in order", async () => {
    if (engine === null) throw new Error(`needs ${ocrInstallHint}`);
    const doc = await readImage(read("two-pages.tif"), "image/tiff", context("two-pages.tif", engine));
    const pages = doc.pages!;
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(pages[0]!.start).toBe(0);
    expect(pages[0]!.end).toBe(pages[1]!.start);
    expect(pages[1]!.end).toBe(doc.text.length);
    const first = doc.text.slice(pages[0]!.start, pages[0]!.end);
    const second = doc.text.slice(pages[1]!.start, pages[1]!.end);
    expect(first).toContain("294-QĐ/TW");
    expect(first).not.toContain("Về tuổi đời");
    expect(second).toContain("Về tuổi đời");
    expect(second).not.toContain("294-QĐ/TW");
    for (const page of pages) expect(page.confidence).toBeGreaterThan(50);
    expect(doc.ocr!.pages).toEqual([1, 2]);
  });

  it("a page past its OCR time limit is TIMEOUT, naming the file", async () => {
    if (engine === null) throw new Error(`needs ${ocrInstallHint}`);
    const error = await refusal(
      readImage(read("passage.png"), "image/png", context("passage.png", engine, { ocrPageTimeoutMs: 5 })),
    );
    expect(error.code).toBe("TIMEOUT");
    expect(error.message).toContain("passage.png");
  });
});
