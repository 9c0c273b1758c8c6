import type { StoredFile } from "../graph/ingest-rows.js";
import type { ReadFile } from "./index.js";

/** What the loader keeps of a file read by readSource: its facts, page starts and bytes. */
export function toStoredFile(read: ReadFile, bytes: Uint8Array): StoredFile {
  const pages = read.document.pages;
  return {
    ...read.file,
    pageStarts: pages ? pages.map((p) => p.start) : null,
    // Neo4j lists hold no nulls: -1 for a page read from its text layer; no list without OCR
    pageConfidences:
      pages && pages.some((p) => p.method === "ocr")
        ? pages.map((p) => (p.method === "ocr" ? (p.confidence ?? 0) : -1))
        : null,
    bytes,
  };
}
