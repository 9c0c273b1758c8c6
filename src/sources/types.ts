/**
 * Documents as files (issue #18): the contract between the format readers (text, JSON, HTML, PDF,
 * DOCX, images through OCR) and the loader. A reader turns the original bytes into the text the
 * extractor reads, with a page map and how the text was obtained. Readers never write anything;
 * bad input is a SourceError with a code, and nothing is loaded for it.
 */

/** Media types cancu reads. */
export type SourceMediaType =
  | "text/plain"
  | "application/json"
  | "text/html"
  | "application/pdf"
  | "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  | "image/png"
  | "image/jpeg"
  | "image/tiff";

/** How the text was obtained. */
export type TextMethod =
  | "text" // the bytes are text (UTF-8, UTF-16, Windows-1258 …)
  | "json" // the `full_text` field of a JSON record
  | "html" // the text of an HTML page
  | "pdf-text" // a PDF's text layer
  | "pdf-text+ocr" // a PDF's text layer, some pages recognised by OCR
  | "ocr" // every page recognised by OCR (a scanned PDF, an image)
  | "docx"; // a Word document's paragraphs and list numbering

/** One page of the text: [start, end) in UTF-16 code units of `SourceDocument.text`. */
export interface PageSpan {
  /** 1-based page number */
  page: number;
  start: number;
  end: number;
  /** how this page's text was obtained: "pdf-text" or "ocr" (for PDFs and images) */
  method?: "pdf-text" | "ocr";
  /** OCR: mean word confidence of the page, 0–100 */
  confidence?: number;
  /** page size in PDF points, for boxes */
  width?: number;
  height?: number;
}

/**
 * A box on a page for a run of text, in PDF points from the page's top left, when the library
 * gives one: [start, end) of the text, and x, y, width, height.
 */
export interface TextBox {
  page: number;
  start: number;
  end: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OcrInfo {
  /** "tesseract" */
  engine: string;
  /** the engine's version line, e.g. "tesseract 5.3.0" */
  version: string;
  /** the language model, e.g. "vie" */
  language: string;
  /** mean confidence over the recognised pages, 0–100 */
  confidence: number;
  /** the pages recognised (1-based) */
  pages: number[];
}

/** What a reader gives the loader. */
export interface SourceDocument {
  /** the text the extractor reads */
  text: string;
  mediaType: SourceMediaType;
  method: TextMethod;
  /** text formats: the encoding read ("utf-8", "utf-16le", "windows-1258" …) */
  encoding?: string;
  /** paged formats (PDF, images; DOCX has none): one entry per page, in order, covering `text` */
  pages: PageSpan[] | null;
  /** boxes of text runs on their page, where the library gives them (PDF text layers) */
  boxes?: TextBox[];
  ocr?: OcrInfo;
  /** things the user should know: pages left empty, a legacy encoding converted … */
  notes: string[];
}

/** The original file, as the loader records it. */
export interface SourceFileInfo {
  /** the file name (no directories) */
  name: string;
  mediaType: SourceMediaType;
  size: number;
  /** hex SHA-256 of the original bytes */
  sha256: string;
  /** PDF pages or images; null for text and DOCX */
  pageCount: number | null;
  method: TextMethod;
  /** e.g. "tesseract 5.3.0 (vie)" when OCR was used */
  ocrEngine: string | null;
  ocrConfidence: number | null;
}

export type SourceErrorCode =
  | "UNSUPPORTED_FORMAT" // legacy .doc, RTF, ODT, a ZIP that is not a DOCX …: the format is named
  | "EMPTY"
  | "BINARY" // bytes that are no text and no format cancu knows
  | "TOO_LARGE" // bytes, pages, pixels or uncompressed size over a limit (a zip bomb)
  | "ENCRYPTED" // a password-protected PDF or DOCX
  | "CORRUPT" // a truncated or damaged PDF, DOCX or image
  | "NO_PAGES" // a PDF with zero pages
  | "NO_TEXT" // nothing readable: a scan without OCR installed is OCR_UNAVAILABLE instead
  | "OCR_UNAVAILABLE" // pages need OCR and tesseract (with the vie model) is not installed
  | "GARBAGE_TEXT" // a text layer with mis-encoded fonts, and no OCR to replace it
  | "LEGACY_ENCODING" // TCVN3 / VNI text that is not converted
  | "TIMEOUT"; // a reader or OCR ran past its time limit

/** Bad input: a code and a short message naming the file; nothing is written for it. */
export class SourceError extends Error {
  override name = "SourceError";
  constructor(
    readonly code: SourceErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Limits every reader checks before and while it works (src/config/limits.ts holds the values). */
export interface SourceLimits {
  /** bytes of a file */
  maxBytes: number;
  /** PDF pages */
  maxPages: number;
  /** characters of text */
  maxChars: number;
  /** pixels of one image or rendered page (width × height) */
  maxPixels: number;
  /** uncompressed bytes inside a DOCX (zip bomb) */
  maxUnzippedBytes: number;
  /** milliseconds for OCR of one page */
  ocrPageTimeoutMs: number;
  /** milliseconds for reading a PDF's text layer, checked between pages (default: no bound) */
  maxReadMs?: number;
}

/** What a reader may use besides the bytes. */
export interface ReaderContext {
  /** the file name, for messages */
  name: string;
  limits: SourceLimits;
  /** progress on long work ("page 3 of 35", "OCR page 2 of 7") */
  onProgress?: (message: string) => void;
  /** OCR; null when not installed (a page that needs it is then OCR_UNAVAILABLE) */
  ocr: OcrEngine | null;
}

/** An OCR engine (src/sources/ocr.ts: tesseract's command line). */
export interface OcrEngine {
  /** "tesseract 5.3.0" */
  version: string;
  language: string;
  /** recognises one image (PNG, JPEG or TIFF bytes); text with "\n" line ends, mean confidence 0–100 */
  recognise(
    image: Uint8Array,
    options?: { timeoutMs?: number },
  ): Promise<{ text: string; confidence: number }>;
  /** renders one page (1-based) of a PDF to PNG at `dpi`, for recognise() */
  renderPdfPage(pdf: Uint8Array, page: number, dpi: number): Promise<Uint8Array>;
}
