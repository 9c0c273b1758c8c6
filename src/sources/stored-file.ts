import type { StoredFile } from "../graph/ingest-rows.js";
import type { ReadFile } from "./index.js";

/** What the loader keeps of a file read by readSource: its facts, page starts and bytes. */
export function toStoredFile(read: ReadFile, bytes: Uint8Array): StoredFile {
  const pages = read.document.pages;
  return {
    ...read.file,
    pageStarts: pages ? pages.map((p) => p.start) : null,
    pageConfidences: pages ? pages.map((p) => (p.method === "ocr" ? (p.confidence ?? null) : null)) : null,
    bytes,
  };
}
