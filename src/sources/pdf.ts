/**
 * PDF reader (issue #18): the text layer through pdfjs-dist, page by page, in reading order, with
 * running headers, footers, page numbers and signature stamps removed, a page map and a box per
 * line; pages without a text layer (scans), whose only text is a signature stamp, or whose text
 * layer is garbage (mis-encoded fonts) are rendered and recognised by OCR when it is installed,
 * and refused with the install line when it is not. Nothing is written; bad input is a
 * SourceError naming the file.
 */
import { AnnotationMode, getDocument, OPS, Util, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PageViewport, PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { SourceError } from "./types.js";
import type { OcrInfo, ReaderContext, SourceDocument, TextMethod } from "./types.js";
import { layoutLines, type PageLine, type TextRun } from "./pdf/layout.js";
import { isPageNumber, removeFurniture, withoutStamps } from "./pdf/furniture.js";
import { judgeTextLayer } from "./pdf/garbage.js";
import { assemble, type AssembledPage } from "./pdf/assemble.js";

export { judgeTextLayer } from "./pdf/garbage.js";

/** The install line named when OCR is needed and missing. */
export const OCR_INSTALL = "sudo apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils";
/** Resolution pages are rendered at for OCR. */
export const OCR_DPI = 300;

type PageNeed = "text" | "blank" | "no-text" | "stamp-only" | "garbage";

interface PageRead {
  page: number;
  width: number;
  height: number;
  lines: PageLine[];
  /** a page without text: does it draw anything (an image, paths)? */
  paints: boolean;
  need: PageNeed;
  reason: string | null;
  /** signature-stamp lines left out of the annotations' text */
  stamps: number;
}

/** One item of pdfjs's text content (a TextItem), as far as this reader uses it. */
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** A Latin letter next to a Cyrillic or Greek one: "ВСТ-ВТC" in a scan's OCR layer. */
const MIXED_SCRIPTS =
  /\p{Script=Latin}[\p{Script=Cyrillic}\p{Script=Greek}]|[\p{Script=Cyrillic}\p{Script=Greek}]\p{Script=Latin}/u;

/** The bytes of a PDF → its text, page map and boxes. */
export async function readPdf(bytes: Uint8Array, ctx: ReaderContext): Promise<SourceDocument> {
  const name = ctx.name;
  if (bytes.length === 0) throw new SourceError("EMPTY", `${name}: the file is empty`);
  if (bytes.length > ctx.limits.maxBytes)
    throw new SourceError(
      "TOO_LARGE",
      `${name}: ${bytes.length} bytes, over the limit of ${ctx.limits.maxBytes}`,
    );
  if (!hasPdfHeader(bytes)) throw new SourceError("CORRUPT", `${name}: not a PDF (no %PDF- header)`);

  const pages = await readTextLayer(bytes, ctx);
  const notes: string[] = [];

  const removed = removeFurniture(pages);
  for (const p of pages) {
    if (p.need !== "text") continue;
    if (p.lines.length === 0) {
      p.need = "blank";
      continue;
    }
    const pageText = p.lines.map((l) => l.text).join("\n");
    const verdict = judgeTextLayer(pageText);
    if (!verdict.garbage && MIXED_SCRIPTS.test(pageText))
      notes.push(
        `page ${p.page}: Cyrillic or Greek letters inside Latin words (an OCR text layer?): ` +
          "symbols there may be damaged",
      );
    if (verdict.garbage) {
      p.need = "garbage";
      p.reason = `its text layer is garbage (${verdict.reason ?? "mis-encoded font"})`;
    }
  }
  if (removed.running > 0 || removed.pageNumbers > 0)
    notes.push(
      `removed ${removed.running} running header/footer line(s) and ${removed.pageNumbers} page number(s)`,
    );
  const stamps = removed.stamps + pages.reduce((sum, p) => sum + p.stamps, 0);
  if (stamps > 0) notes.push(`removed ${stamps} line(s) of digital-signature stamps`);

  const toRecognise = pages.filter((p) => p.need !== "text" && p.need !== "blank");
  const blank = pages.filter((p) => p.need === "blank").map((p) => p.page);
  if (blank.length > 0 && blank.length < pages.length)
    notes.push(`page(s) ${blank.join(", ")}: no text and nothing drawn, left empty`);

  const assembled: AssembledPage[] = pages.map((p) => ({
    page: p.page,
    width: p.width,
    height: p.height,
    method: "pdf-text",
    lines: p.need === "text" ? p.lines : [],
    boxed: true,
  }));

  let ocr: OcrInfo | undefined;
  if (toRecognise.length > 0) {
    if (!ctx.ocr) throw ocrMissing(name, pages.length, toRecognise);
    ocr = await recognisePages(bytes, ctx, toRecognise, assembled, pages.length, notes);
  }

  const { text, pages: spans, boxes } = assemble(assembled);
  if (text.length > ctx.limits.maxChars) throw tooManyChars(name, ctx.limits.maxChars);
  if (text.trim().length === 0) {
    if (blank.length === pages.length)
      throw new SourceError(
        "NO_TEXT",
        `${name}: none of its ${pages.length} page(s) has text or anything drawn`,
      );
    throw new SourceError("NO_TEXT", `${name}: no text was found on its ${pages.length} page(s)`);
  }
  const ocrCount = toRecognise.length;
  const method: TextMethod = ocrCount === 0 ? "pdf-text" : ocrCount === pages.length ? "ocr" : "pdf-text+ocr";
  const doc: SourceDocument = {
    text,
    mediaType: "application/pdf",
    method,
    pages: spans,
    boxes,
    notes,
  };
  if (ocr) doc.ocr = ocr;
  return doc;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

/** First pass: every page's text layer, one page at a time; the document is destroyed after. */
async function readTextLayer(bytes: Uint8Array, ctx: ReaderContext): Promise<PageRead[]> {
  const name = ctx.name;
  const task = getDocument({
    // pdfjs takes the buffer over: give it a copy, the bytes are rendered for OCR afterwards
    data: bytes.slice(),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    maxImageSize: ctx.limits.maxPixels,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw loadError(name, error);
  }
  try {
    const n = doc.numPages;
    if (n === 0) throw new SourceError("NO_PAGES", `${name}: the PDF has no pages`);
    if (n > ctx.limits.maxPages)
      throw new SourceError("TOO_LARGE", `${name}: ${n} pages, over the limit of ${ctx.limits.maxPages}`);
    const pages: PageRead[] = [];
    let chars = 0;
    const started = performance.now();
    for (let i = 1; i <= n; i++) {
      if (ctx.limits.maxReadMs !== undefined && performance.now() - started > ctx.limits.maxReadMs)
        throw new SourceError(
          "TIMEOUT",
          `${name}: reading the text layer took over ${Math.round(ctx.limits.maxReadMs / 1000)} s (stopped at page ${i} of ${n})`,
        );
      ctx.onProgress?.(`page ${i} of ${n}`);
      let page: PDFPageProxy | null = null;
      try {
        page = await doc.getPage(i);
        const read = await readPage(page, i);
        chars += read.lines.reduce((sum, l) => sum + l.text.length + 1, 0);
        if (chars > ctx.limits.maxChars) throw tooManyChars(name, ctx.limits.maxChars);
        pages.push(read);
      } catch (error) {
        if (error instanceof SourceError) throw error;
        throw new SourceError(
          "CORRUPT",
          `${name}: page ${i} of ${n} cannot be read (${shortMessage(error)}); the file is damaged or truncated`,
        );
      } finally {
        page?.cleanup();
      }
    }
    return pages;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw loadError(name, error);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function readPage(page: PDFPageProxy, index: number): Promise<PageRead> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  const turned: TextRun[] = [];
  for (const item of content.items) {
    if (!("str" in item)) continue;
    const run = toRun(item as PdfTextItem, viewport.transform);
    if (!run) continue;
    if (run.turned) turned.push(run.run);
    else runs.push(run.run);
  }
  const annotations = await annotationRuns(page, viewport);
  runs.push(...annotations.runs);
  const lines = layoutLines(runs);
  // text turned on the page (a stamp in the margin): one line per run, after the page's lines
  for (const r of turned) {
    const text = r.str.replace(/\s+/g, " ").trim().normalize("NFC");
    if (text.length > 0)
      lines.push({ text, x: r.x, y: r.top, width: r.width, height: r.height, paragraph: true });
  }
  const read: PageRead = {
    page: index,
    width: viewport.width,
    height: viewport.height,
    lines,
    paints: false,
    need: "text",
    reason: null,
    stamps: annotations.stamps,
  };
  if (withoutStamps(lines).length === 0) {
    read.paints = await paintsSomething(page);
    if (read.paints) {
      // a stamp drawn by a signature annotation was left out of `lines` already
      const stampOnly = lines.length > 0 || annotations.stamps > 0;
      read.need = stampOnly ? "stamp-only" : "no-text";
      read.reason = stampOnly ? "its only text is a digital-signature stamp" : "it has no text layer";
      read.lines = [];
    }
  }
  return read;
}

function toRun(item: PdfTextItem, viewportTransform: number[]): { run: TextRun; turned: boolean } | null {
  if (item.str.length === 0 || item.str.trim().length === 0) return null;
  const m = Util.transform(viewportTransform, item.transform) as number[];
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = m;
  const fontHeight = Math.hypot(c, d) || item.height;
  const scale = Math.hypot(a, b);
  if (!(fontHeight > 0) || !Number.isFinite(e) || !Number.isFinite(f)) return null;
  const turned = scale === 0 || Math.abs(b) > 0.2 * scale || a < 0;
  const width = turned ? item.width : item.width * (Math.hypot(...viewportTransform.slice(0, 2)) || 1);
  return {
    run: { str: item.str, x: e, top: f - fontHeight, width, height: fontHeight },
    turned,
  };
}

/** What pdfjs tells of an annotation, as far as this reader uses it. */
interface AnnotationData {
  subtype?: string;
  rect?: number[];
  hasAppearance?: boolean;
  textContent?: string[];
}

/** Annotations whose appearance is not text on the page. */
const NOT_TEXT = new Set(["Link", "Popup"]);

/**
 * Text drawn by annotations: a number or a day stamped into a signed letter's "Số: …/UBND-XD"
 * (a signature widget's appearance, which pdftotext reads and pdfjs's text content does not).
 * Runs at the annotation's rectangle, one per line of its appearance; signature-stamp lines
 * ("Ký bởi: …") are left out and counted.
 */
async function annotationRuns(
  page: PDFPageProxy,
  viewport: PageViewport,
): Promise<{ runs: TextRun[]; stamps: number }> {
  const annotations = (await page.getAnnotations({ intent: "display" })) as AnnotationData[];
  const drawn = annotations.filter(
    (a) => a.hasAppearance && a.rect?.length === 4 && !NOT_TEXT.has(a.subtype ?? ""),
  );
  if (drawn.length === 0) return { runs: [], stamps: 0 };
  const texts: { rect: number[]; lines: string[] }[] = [];
  for (const a of drawn)
    if (a.textContent && a.textContent.length > 0) texts.push({ rect: a.rect!, lines: a.textContent });
  if (texts.length < drawn.length) texts.push(...(await appearanceTexts(page)));
  const runs: TextRun[] = [];
  let stamps = 0;
  for (const { rect, lines: raw } of texts) {
    const lines = raw.map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l.length > 0);
    const kept = withoutStamps(lines.map((text) => ({ text })));
    stamps += lines.length - kept.length;
    if (kept.length === 0) continue;
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = viewport.convertToViewportRectangle(rect) as number[];
    const left = Math.min(x1, x2);
    const top = Math.min(y1, y2);
    const height = Math.abs(y2 - y1) / kept.length;
    // the rectangle is wider than its text: half a font height a character, at most the rectangle
    const fontHeight = Math.min(height, 14);
    kept.forEach((line, k) =>
      runs.push({
        str: line.text,
        x: left,
        top: top + k * height,
        width: Math.min(Math.abs(x2 - x1), line.text.length * fontHeight * 0.5),
        height,
      }),
    );
  }
  return { runs, stamps };
}

/** The text that annotations' appearance streams show, read from the page's operator list. */
async function appearanceTexts(page: PDFPageProxy): Promise<{ rect: number[]; lines: string[] }[]> {
  const list = await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
  const out: { rect: number[]; lines: string[] }[] = [];
  let current: { rect: number[]; lines: string[] } | null = null;
  let line = "";
  let lineY: number | null = null;
  const endLine = (): void => {
    if (current && line.trim().length > 0) current.lines.push(line);
    line = "";
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const op = list.fnArray[i];
    const args: unknown = list.argsArray[i];
    if (op === OPS.beginAnnotation) {
      const rect = Array.isArray(args) ? (args[1] as unknown) : null;
      current = isRect(rect) ? { rect: [...rect], lines: [] } : null;
      line = "";
      lineY = null;
    } else if (op === OPS.endAnnotation) {
      endLine();
      if (current && current.lines.length > 0) out.push(current);
      current = null;
    } else if (!current) continue;
    else if (op === OPS.nextLine || op === OPS.nextLineShowText || op === OPS.nextLineSetSpacingShowText) {
      endLine();
      if (op !== OPS.nextLine) line += glyphText(args);
    } else if (op === OPS.moveText) {
      const dy = textY(op, args);
      if (dy !== null && Math.abs(dy) > 0.5) endLine();
      lineY = null;
    } else if (op === OPS.setTextMatrix) {
      const y = textY(op, args);
      if (y !== null && lineY !== null && Math.abs(y - lineY) > 0.5) endLine();
      lineY = y;
    } else if (op === OPS.showText || op === OPS.showSpacedText) line += glyphText(args);
  }
  return out;
}

function isRect(value: unknown): value is number[] {
  return (
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    Array.from(value as ArrayLike<unknown>).length === 4 &&
    Array.from(value as ArrayLike<unknown>).every((n) => typeof n === "number")
  );
}

/** The y a text-positioning operator moves to (setTextMatrix) or by (moveText). */
function textY(op: number, args: unknown): number | null {
  if (!Array.isArray(args)) return null;
  if (op === OPS.moveText) return typeof args[1] === "number" ? args[1] : null;
  const m = args[0] as ArrayLike<unknown> | undefined;
  const f = m ? m[5] : undefined;
  return typeof f === "number" ? f : null;
}

/** The characters of a showText operator's glyphs (a wide negative offset is a space). */
function glyphText(args: unknown): string {
  if (!Array.isArray(args)) return "";
  const glyphs = args[args.length - 1] as unknown;
  if (!Array.isArray(glyphs)) return "";
  let text = "";
  for (const g of glyphs as unknown[]) {
    if (typeof g === "number") {
      if (g < -250) text += " ";
    } else if (g && typeof g === "object" && "unicode" in g) {
      const u = (g as { unicode: unknown }).unicode;
      if (typeof u === "string") text += u;
    }
  }
  return text;
}

const PAINT_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
  OPS.shadingFill,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.constructPath,
]);

/** Does a page without text draw anything (a scanned image, drawn letters)? */
async function paintsSomething(page: PDFPageProxy): Promise<boolean> {
  const list = await page.getOperatorList();
  return list.fnArray.some((op) => PAINT_OPS.has(op));
}

/** Second pass: the pages that need OCR, rendered and recognised one at a time. */
async function recognisePages(
  bytes: Uint8Array,
  ctx: ReaderContext,
  pages: readonly PageRead[],
  assembled: AssembledPage[],
  pageCount: number,
  notes: string[],
): Promise<OcrInfo> {
  const engine = ctx.ocr!;
  const confidences: number[] = [];
  let chars = assembled.reduce((sum, p) => sum + p.lines.reduce((s, l) => s + l.text.length + 1, 0), 0);
  for (const [k, p] of pages.entries()) {
    ctx.onProgress?.(`OCR page ${k + 1} of ${pages.length} (page ${p.page} of ${pageCount})`);
    const dpi = renderDpi(p, ctx.limits.maxPixels);
    if (dpi < 72)
      throw new SourceError(
        "TOO_LARGE",
        `${ctx.name}: page ${p.page} (${Math.round(p.width)} × ${Math.round(p.height)} pt) is too large to render for OCR`,
      );
    let result: { text: string; confidence: number };
    try {
      const png = await engine.renderPdfPage(bytes, p.page, dpi);
      result = await engine.recognise(png, { timeoutMs: ctx.limits.ocrPageTimeoutMs });
    } catch (error) {
      if (error instanceof SourceError) throw error;
      throw new SourceError("NO_TEXT", `${ctx.name}: OCR of page ${p.page} failed (${shortMessage(error)})`);
    }
    const lines = ocrLines(result.text);
    chars += lines.reduce((s, l) => s + l.text.length + 1, 0);
    if (chars > ctx.limits.maxChars) throw tooManyChars(ctx.name, ctx.limits.maxChars);
    const confidence = Math.round(result.confidence * 10) / 10;
    confidences.push(confidence);
    const target = assembled[p.page - 1]!;
    target.method = "ocr";
    target.confidence = confidence;
    target.lines = lines;
    target.boxed = false;
    notes.push(
      `page ${p.page}: ${p.reason ?? "no usable text layer"}; read by OCR (confidence ${confidence})`,
    );
  }
  const mean = confidences.reduce((s, c) => s + c, 0) / Math.max(confidences.length, 1);
  return {
    engine: engine.version.split(/\s+/)[0] || "tesseract",
    version: engine.version,
    language: engine.language,
    confidence: Math.round(mean * 10) / 10,
    pages: pages.map((p) => p.page),
  };
}

/** 300 dpi, or less when the page would be over the pixel limit at 300 dpi. */
function renderDpi(p: PageRead, maxPixels: number): number {
  const area = (p.width / 72) * (p.height / 72);
  if (area <= 0) return OCR_DPI;
  return Math.min(OCR_DPI, Math.floor(Math.sqrt(maxPixels / area)));
}

/** OCR text → lines: blank lines become paragraph breaks; a lone page number at either end goes. */
export function ocrLines(text: string): PageLine[] {
  const raw = text.replace(/\r\n?/g, "\n").split("\n");
  const lines: PageLine[] = [];
  let paragraph = false;
  for (const r of raw) {
    const t = r.replace(/\s+/g, " ").trim().normalize("NFC");
    if (t.length === 0) {
      paragraph = lines.length > 0;
      continue;
    }
    lines.push({ text: t, x: 0, y: 0, width: 0, height: 0, paragraph });
    paragraph = false;
  }
  const kept = withoutStamps(lines);
  if (kept.length > 0 && isPageNumber(kept[0]!.text)) kept.shift();
  if (kept.length > 0 && isPageNumber(kept[kept.length - 1]!.text)) kept.pop();
  if (kept[0]) kept[0].paragraph = false;
  return kept;
}

function ocrMissing(name: string, pageCount: number, pages: readonly PageRead[]): SourceError {
  const garbage = pages.filter((p) => p.need === "garbage");
  const list = pages.map((p) => p.page).join(", ");
  if (garbage.length > 0)
    return new SourceError(
      "GARBAGE_TEXT",
      `${name}: ${garbage.length} of ${pageCount} page(s) have a garbage text layer (page ${garbage[0]!.page}: ${garbage[0]!.reason ?? "mis-encoded font"})` +
        `${pages.length > garbage.length ? `, and ${pages.length - garbage.length} more have no text layer` : ""}; ` +
        `OCR could read them but is not installed: ${OCR_INSTALL}`,
    );
  return new SourceError(
    "OCR_UNAVAILABLE",
    `${name}: ${pages.length} of ${pageCount} page(s) need OCR (no text layer: page ${list}); ` +
      `OCR is not installed: ${OCR_INSTALL}`,
  );
}

function tooManyChars(name: string, max: number): SourceError {
  return new SourceError("TOO_LARGE", `${name}: more than ${max} characters of text`);
}

function loadError(name: string, error: unknown): SourceError {
  const kind = error instanceof Error ? error.name : "";
  if (kind === "PasswordException")
    return new SourceError("ENCRYPTED", `${name}: the PDF is password-protected`);
  if (kind === "InvalidPDFException")
    return new SourceError("CORRUPT", `${name}: not a valid PDF (${shortMessage(error)})`);
  return new SourceError(
    "CORRUPT",
    `${name}: the PDF cannot be read (${shortMessage(error)}); the file is damaged or truncated`,
  );
}

function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split("\n")[0] ?? "";
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}
