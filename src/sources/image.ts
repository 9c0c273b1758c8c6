/**
 * Images (PNG, JPEG, TIFF) through OCR (issue #18). The image's size is read from its header
 * (PNG IHDR, JPEG SOFn, TIFF IFD tags 256/257 in either byte order) and checked against the pixel
 * limit before anything decodes it; a multi-page TIFF is one page per IFD, each recognised alone.
 */
import { ocrInstallHint } from "./ocr.js";
import { SourceError, type PageSpan, type ReaderContext, type SourceDocument } from "./types.js";

export type ImageMediaType = "image/png" | "image/jpeg" | "image/tiff";

/** One image of the file (a TIFF has one per IFD): its size, and where its IFD starts (TIFF). */
export interface ImageFrame {
  width: number;
  height: number;
  /** TIFF: byte offset of this page's IFD */
  ifdOffset?: number;
}

/** The most IFDs a TIFF is read for when the limits give no page bound. */
const MAX_TIFF_PAGES = 1000;

function u16be(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

function u32be(b: Uint8Array, at: number): number {
  return (
    ((b[at] ?? 0) * 0x1000000 + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0))) >>> 0
  );
}

function corrupt(ctx: ReaderContext, reason: string): SourceError {
  return new SourceError("CORRUPT", `${ctx.name}: ${reason}`);
}

/** PNG: the IHDR chunk gives the size; the chunks are walked (not inflated) to find IEND. */
function pngFrames(bytes: Uint8Array, ctx: ReaderContext): ImageFrame[] {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 33 || signature.some((v, i) => bytes[i] !== v)) {
    throw corrupt(ctx, "not a readable PNG (no signature and header)");
  }
  if (u32be(bytes, 8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") {
    throw corrupt(ctx, "PNG without its IHDR header");
  }
  const width = u32be(bytes, 16);
  const height = u32be(bytes, 20);
  if (width === 0 || height === 0) throw corrupt(ctx, "PNG header gives a zero size");
  return [{ width, height }];
}

/** PNG: the chunks after IHDR, walked by their lengths; the file must reach IEND. */
function checkPngComplete(bytes: Uint8Array, ctx: ReaderContext): void {
  let at = 8;
  let sawData = false;
  while (at + 12 <= bytes.length) {
    const length = u32be(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === "IEND") {
      if (!sawData) throw corrupt(ctx, "PNG without image data");
      return;
    }
    if (type === "IDAT") sawData = true;
    at += 12 + length;
  }
  throw corrupt(ctx, "truncated PNG (it ends before its IEND chunk)");
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic): FFC0–FFCF but C4, C8, CC. */
function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** JPEG: segments walked by their lengths up to the first SOFn, which gives the size. */
function jpegFrames(bytes: Uint8Array, ctx: ReaderContext): ImageFrame[] {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) {
    throw corrupt(ctx, "not a readable JPEG (no start-of-image marker)");
  }
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw corrupt(ctx, "JPEG with a damaged marker before its frame header");
    while (bytes[at] === 0xff) at++; // fill bytes
    const marker = bytes[at] ?? -1;
    at++;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9 || marker === 0xda) break; // end of image or scan data before any frame header
    if (at + 2 > bytes.length) break;
    const length = u16be(bytes, at);
    if (length < 2) throw corrupt(ctx, "JPEG with a damaged segment length");
    if (isSof(marker)) {
      if (at + 7 > bytes.length) break;
      const height = u16be(bytes, at + 3);
      const width = u16be(bytes, at + 5);
      if (width === 0 || height === 0) throw corrupt(ctx, "JPEG frame header gives a zero size");
      return [{ width, height }];
    }
    at += length;
  }
  throw corrupt(ctx, "JPEG without a readable frame header (truncated or damaged)");
}

/** JPEG: an end-of-image marker near the end (trailing bytes after it are tolerated). */
function checkJpegComplete(bytes: Uint8Array, ctx: ReaderContext): void {
  const from = Math.max(2, bytes.length - 65_536);
  for (let i = bytes.length - 2; i >= from; i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return;
  }
  throw corrupt(ctx, "truncated JPEG (no end-of-image marker)");
}

/** TIFF: every IFD in the chain (bounded, loops refused), each with tags 256 (width) and 257 (height). */
function tiffFrames(bytes: Uint8Array, ctx: ReaderContext, maxPages: number): ImageFrame[] {
  if (bytes.length < 8) throw corrupt(ctx, "not a readable TIFF (too short)");
  const little = bytes[0] === 0x49 && bytes[1] === 0x49;
  const big = bytes[0] === 0x4d && bytes[1] === 0x4d;
  if (!little && !big) throw corrupt(ctx, "not a readable TIFF (no byte-order mark)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint16(2, little);
  if (magic === 43) {
    throw new SourceError(
      "UNSUPPORTED_FORMAT",
      `${ctx.name}: BigTIFF is not supported (save it as a classic TIFF)`,
    );
  }
  if (magic !== 42) throw corrupt(ctx, "not a readable TIFF (bad magic number)");
  const frames: ImageFrame[] = [];
  const seen = new Set<number>();
  let offset = view.getUint32(4, little);
  while (offset !== 0) {
    if (seen.has(offset)) throw corrupt(ctx, "TIFF whose pages loop back on themselves");
    seen.add(offset);
    if (frames.length >= maxPages) {
      throw new SourceError("TOO_LARGE", `${ctx.name}: TIFF with more than ${maxPages} pages`);
    }
    if (offset + 2 > bytes.length) throw corrupt(ctx, "truncated TIFF (a page directory lies past the end)");
    const count = view.getUint16(offset, little);
    const end = offset + 2 + count * 12;
    if (end + 4 > bytes.length) throw corrupt(ctx, "truncated TIFF (a page directory lies past the end)");
    let width = 0;
    let height = 0;
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = view.getUint16(entry, little);
      if (tag !== 256 && tag !== 257) continue;
      const type = view.getUint16(entry + 2, little);
      // SHORT (3) sits in the first two bytes of the value field, LONG (4) fills it
      const value =
        type === 3 ? view.getUint16(entry + 8, little) : type === 4 ? view.getUint32(entry + 8, little) : 0;
      if (tag === 256) width = value;
      else height = value;
    }
    if (width === 0 || height === 0) {
      throw corrupt(ctx, `TIFF page ${frames.length + 1} without its width and height`);
    }
    frames.push({ width, height, ifdOffset: offset });
    offset = view.getUint32(end, little);
  }
  if (frames.length === 0) throw corrupt(ctx, "TIFF without pages");
  return frames;
}

/**
 * The frames of an image, from its header alone: sizes, and (TIFF) the page directories. Throws
 * CORRUPT when the header is unreadable. No pixel is decoded.
 */
export function readImageFrames(
  bytes: Uint8Array,
  mediaType: ImageMediaType,
  ctx: ReaderContext,
): ImageFrame[] {
  switch (mediaType) {
    case "image/png":
      return pngFrames(bytes, ctx);
    case "image/jpeg":
      return jpegFrames(bytes, ctx);
    case "image/tiff":
      return tiffFrames(bytes, ctx, Math.min(MAX_TIFF_PAGES, Math.max(1, ctx.limits.maxPages)));
  }
}

/**
 * One page of a multi-page TIFF as a TIFF of its own: the same bytes, the header pointing at this
 * page's directory and that directory's next pointer cleared (strip offsets are absolute, so they
 * stay right).
 */
function tiffPage(bytes: Uint8Array, frame: ImageFrame): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
  const little = copy[0] === 0x49;
  const ifd = frame.ifdOffset ?? view.getUint32(4, little);
  view.setUint32(4, ifd, little);
  const count = view.getUint16(ifd, little);
  view.setUint32(ifd + 2 + count * 12, 0, little);
  return copy;
}

/**
 * An image file → its text through OCR. The pixel limit is checked from the header before any
 * decoding (TOO_LARGE); an unreadable or truncated file is CORRUPT; without OCR it is
 * OCR_UNAVAILABLE with the install line. One PageSpan per image (per TIFF page), in order; the
 * pages are separated by a blank line, which belongs to the page before it.
 */
export async function readImage(
  bytes: Uint8Array,
  mediaType: ImageMediaType,
  ctx: ReaderContext,
): Promise<SourceDocument> {
  if (bytes.length === 0) throw new SourceError("EMPTY", `${ctx.name}: the file is empty`);
  if (bytes.length > ctx.limits.maxBytes) {
    throw new SourceError(
      "TOO_LARGE",
      `${ctx.name}: ${bytes.length} bytes, over the limit of ${ctx.limits.maxBytes}`,
    );
  }
  const frames = readImageFrames(bytes, mediaType, ctx);
  frames.forEach((frame, i) => {
    const pixels = frame.width * frame.height;
    if (pixels > ctx.limits.maxPixels) {
      const which = frames.length > 1 ? ` (page ${i + 1})` : "";
      throw new SourceError(
        "TOO_LARGE",
        `${ctx.name}: image of ${frame.width} × ${frame.height} pixels${which}, over the limit of ${ctx.limits.maxPixels} pixels`,
      );
    }
  });
  if (mediaType === "image/png") checkPngComplete(bytes, ctx);
  if (mediaType === "image/jpeg") checkJpegComplete(bytes, ctx);

  const ocr = ctx.ocr;
  if (ocr === null) {
    throw new SourceError(
      "OCR_UNAVAILABLE",
      `${ctx.name}: an image needs OCR, and tesseract with the Vietnamese model is not installed (${ocrInstallHint})`,
    );
  }

  const notes: string[] = [];
  const pages: PageSpan[] = [];
  const confidences: number[] = [];
  let text = "";
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i]!;
    ctx.onProgress?.(`OCR page ${i + 1} of ${frames.length}`);
    const image = mediaType === "image/tiff" && frames.length > 1 ? tiffPage(bytes, frame) : bytes;
    let result: { text: string; confidence: number };
    try {
      result = await ocr.recognise(image, { timeoutMs: ctx.limits.ocrPageTimeoutMs });
    } catch (error) {
      if (error instanceof SourceError) {
        const where = frames.length > 1 ? ` (page ${i + 1})` : "";
        throw new SourceError(error.code, `${ctx.name}${where}: ${error.message}`);
      }
      throw error;
    }
    const pageText = result.text.trim();
    if (pageText.length === 0) {
      notes.push(frames.length > 1 ? `page ${i + 1}: no text recognised` : "no text recognised");
    }
    if (i > 0 && text.length > 0 && pageText.length > 0) {
      text += "\n\n";
      const last = pages[pages.length - 1];
      if (last !== undefined) last.end = text.length;
    }
    const start = text.length;
    text += pageText;
    if (text.length > ctx.limits.maxChars) {
      throw new SourceError("TOO_LARGE", `${ctx.name}: over ${ctx.limits.maxChars} characters of text`);
    }
    pages.push({ page: i + 1, start, end: text.length, method: "ocr", confidence: result.confidence });
    if (pageText.length > 0) confidences.push(result.confidence);
  }
  if (text.trim().length === 0) {
    throw new SourceError("NO_TEXT", `${ctx.name}: OCR found no text in the image`);
  }
  const confidence =
    confidences.length === 0
      ? 0
      : Math.round((confidences.reduce((a, b) => a + b, 0) / confidences.length) * 10) / 10;
  const low = pages.filter((p) => (p.confidence ?? 0) < 60 && p.end > p.start).map((p) => p.page);
  if (low.length > 0) {
    notes.push(
      `low OCR confidence (under 60) on ${frames.length > 1 ? `page${low.length > 1 ? "s" : ""} ${low.join(", ")}` : "the image"}: check the text against the original`,
    );
  }
  return {
    text,
    mediaType,
    method: "ocr",
    pages,
    ocr: {
      engine: "tesseract",
      version: ocr.version,
      language: ocr.language,
      confidence,
      pages: pages.map((p) => p.page),
    },
    notes,
  };
}
