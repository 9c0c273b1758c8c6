import fs from "node:fs";
import path from "node:path";
import { decodeSource, ExtractionError } from "../extract/index.js";
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
 * The text of a source file: UTF-8 text, or a JSON record with a `full_text` field (the gazette
 * corpus stores some documents that way). Bad input becomes an IngestError naming the file.
 */
export function readSourceText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new IngestError(
      "UNREADABLE",
      `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  let text: string;
  try {
    text = decodeSource(bytes, file);
  } catch (error) {
    if (error instanceof ExtractionError)
      throw new IngestError(error.code as IngestError["code"], error.message);
    throw error;
  }
  if (file.endsWith(".json")) {
    try {
      const record = JSON.parse(text) as { full_text?: unknown };
      if (typeof record.full_text === "string") return record.full_text;
    } catch {
      // not JSON after all: treat it as text
    }
  }
  return text;
}

/** Files as sources of a multi-document ingest, each read only when its turn comes. */
export function fileSources(files: readonly string[]): IngestSource[] {
  return files.map((file) => ({ sourceName: file, read: () => readSourceText(file) }));
}

/** The seed documents (seeds/), which an empty graph is loaded with (prepareGraph). */
export function seedSources(): IngestSource[] {
  return fileSources(expandPaths([seedsDir]).files);
}
