import fs from "node:fs";
import path from "node:path";
import { sourceLimits } from "../config/limits.js";
import type { StoredFile } from "../graph/ingest-rows.js";
import { readSource, SourceError } from "../sources/index.js";
import { toStoredFile } from "../sources/stored-file.js";
import { seedsDir } from "../config/settings.js";
import { IngestError } from "../graph/ingest.js";
import type { IngestSource } from "../graph/ingest-many.js";

/** Files named on the command line; folders are walked (sorted, hidden entries skipped). */
export function expandPaths(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (entry: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(entry);
    } catch {
      missing.push(entry);
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry).sort())
        if (!name.startsWith(".")) walk(path.join(entry, name));
    } else {
      files.push(entry);
    }
  };
  inputs.forEach(walk);
  return { files: [...new Set(files)], missing };
}

/**
 * A source file of any supported format (src/sources: text, JSON with full_text, HTML, PDF, DOCX,
 * images through OCR), picked by its content; the original is kept with the document. Bad input
 * becomes an IngestError naming the file.
 */
export async function readSourceFile(
  file: string,
  onProgress?: (message: string) => void,
): Promise<{ text: string; file: StoredFile }> {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > sourceLimits.maxBytes)
      throw new IngestError(
        "TOO_LARGE",
        `${file}: ${size} bytes is over the limit of ${sourceLimits.maxBytes} bytes for one file`,
      );
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(
      "UNREADABLE",
      `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  try {
    const read = await readSource(bytes, file, onProgress ? { onProgress } : {});
    return { text: read.document.text, file: toStoredFile(read, bytes) };
  } catch (error) {
    if (error instanceof SourceError) throw new IngestError(error.code, error.message);
    throw error;
  }
}

/** Files as sources of a multi-document ingest, each read only when its turn comes. */
export function fileSources(
  files: readonly string[],
  onProgress?: (file: string, message: string) => void,
): IngestSource[] {
  return files.map((file) => ({
    sourceName: file,
    read: () => readSourceFile(file, onProgress ? (message) => onProgress(file, message) : undefined),
  }));
}

/** The seed resolution: the Quảng Ninh 2022 resolution (OCR-damaged), the graph the tests know. */
export const seedResolutionFile = path.join(seedsDir, "quang-ninh-2022-phuong-huong-nhiem-vu.txt");

/**
 * The documents an empty graph is loaded with (prepareGraph): everything under seeds/ but its
 * README files: the seed resolution and real documents that cite each other (seeds/chains: PDF,
 * DOCX and text originals, see seeds/README.md).
 */
export function seedSources(): IngestSource[] {
  return fileSources(expandPaths([seedsDir]).files.filter((file) => !/\.md$/i.test(file)));
}
