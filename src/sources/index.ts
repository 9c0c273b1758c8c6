import { createHash } from "node:crypto";
import { sourceLimits } from "../config/limits.js";
import { findOcrEngine, ocrInstallHint } from "./ocr.js";
import { sniffFormat } from "./sniff.js";
import { readHtml, readJson, readPlainText } from "./text.js";
import {
  SourceError,
  type OcrEngine,
  type ReaderContext,
  type SourceDocument,
  type SourceFileInfo,
  type SourceLimits,
} from "./types.js";

export * from "./types.js";
export { sniffFormat } from "./sniff.js";
export { findOcrEngine, ocrInstallHint } from "./ocr.js";

/** A file read: the text for the extractor, and what the loader records of the original. */
export interface ReadFile {
  document: SourceDocument;
  file: SourceFileInfo;
}

export interface ReadSourceOptions {
  limits?: Partial<SourceLimits>;
  /** the OCR engine; "auto" (default) looks for tesseract once per process; null: no OCR */
  ocr?: OcrEngine | null | "auto";
  onProgress?: (message: string) => void;
}

let autoOcr: Promise<OcrEngine | null> | null = null;

/** The OCR engine of this machine, looked for once. */
export function defaultOcrEngine(): Promise<OcrEngine | null> {
  autoOcr ??= findOcrEngine({ maxPixels: sourceLimits.maxPixels });
  return autoOcr;
}

/** The name a message gives a file: its base name. */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop() || name;
}

/**
 * Reads a file of any supported format, picked by its content: plain text (UTF-8, UTF-16,
 * Windows-1258), JSON with `full_text`, HTML, PDF (text layer; OCR for scanned or garbled pages),
 * DOCX, PNG/JPEG/TIFF (OCR). Anything else, and legacy .doc, is UNSUPPORTED_FORMAT naming the
 * format. Every failure is a SourceError; nothing is written anywhere.
 */
export async function readSource(
  bytes: Uint8Array,
  name: string,
  options: ReadSourceOptions = {},
): Promise<ReadFile> {
  const limits: SourceLimits = { ...sourceLimits, ...options.limits };
  if (bytes.length > limits.maxBytes) {
    throw new SourceError(
      "TOO_LARGE",
      `${name}: ${bytes.length} bytes is over the limit of ${limits.maxBytes} bytes for one file`,
    );
  }
  if (bytes.length === 0) throw new SourceError("EMPTY", `${name} is empty (0 bytes)`);
  // hashed first: a reader may hand its bytes to a library that transfers (detaches) them
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const size = bytes.length;
  const format = sniffFormat(bytes);
  // OCR is looked for only when a format may need it (PDF pages without text, images)
  const mayNeedOcr = format.kind === "pdf" || format.kind === "image";
  const ocr =
    options.ocr === undefined || options.ocr === "auto"
      ? mayNeedOcr
        ? await defaultOcrEngine()
        : null
      : options.ocr;
  const ctx: ReaderContext = {
    name,
    limits,
    ocr,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  let document: SourceDocument;
  switch (format.kind) {
    // the readers of binary formats (and their libraries) load only when a file needs them
    case "pdf":
      // pdfjs takes a plain Uint8Array (not a Buffer), and may detach it: a copy
      document = await (await import("./pdf.js")).readPdf(new Uint8Array(bytes), ctx);
      break;
    case "zip":
      document = await (await import("./docx.js")).readDocx(bytes, ctx);
      break;
    case "ole2": {
      const kind = (await import("./docx.js")).describeOle2(bytes);
      if (kind === "encrypted-ooxml")
        throw new SourceError(
          "ENCRYPTED",
          `${name}: the Word document is protected by a password: remove the protection and save it again`,
        );
      throw new SourceError(
        "UNSUPPORTED_FORMAT",
        kind === "legacy-doc"
          ? `${name}: a legacy Word .doc file is not supported: save it as DOCX or PDF`
          : `${name}: an old Office (OLE2) file is not supported: save it as DOCX or PDF`,
      );
    }
    case "image":
      document = await (await import("./image.js")).readImage(bytes, format.mediaType, ctx);
      break;
    case "unsupported":
      throw new SourceError(
        "UNSUPPORTED_FORMAT",
        `${name}: ${format.format} is not a supported format (text, JSON, HTML, PDF, DOCX, PNG, JPEG, TIFF)`,
      );
    case "html":
      document = readHtml(bytes, ctx);
      break;
    case "json":
      document = readJson(bytes, ctx) ?? readPlainText(bytes, ctx);
      break;
    case "text":
      document = readPlainText(bytes, ctx);
      break;
  }
  if (document.text.trim() === "") throw new SourceError("NO_TEXT", `${name}: no text could be read from it`);
  const file: SourceFileInfo = {
    name: baseName(name),
    mediaType: document.mediaType,
    size,
    sha256,
    pageCount: document.pages ? document.pages.length : null,
    method: document.method,
    ocrEngine: document.ocr ? `${document.ocr.version} (${document.ocr.language})` : null,
    ocrConfidence: document.ocr ? Math.round(document.ocr.confidence * 10) / 10 : null,
  };
  return { document, file };
}

/** The message for a file that needs OCR on a machine without it. */
export function ocrUnavailableMessage(name: string, what: string): string {
  return `${name}: ${what} needs OCR, which is not installed: ${ocrInstallHint}`;
}
