import { createHash } from "node:crypto";
import { checkSourceText, extractDocument, ExtractionError, type ParsedDocument } from "../extract/index.js";
import { UserFacingError } from "../config/user-facing-error.js";
import type { SourceInfo, StoredFile } from "./ingest-rows.js";

export type IngestErrorCode =
  | "EMPTY"
  | "BINARY"
  | "NOT_UTF8"
  | "NO_STRUCTURE"
  | "UNREADABLE"
  | "TOO_LARGE"
  // a file's format (src/sources SourceErrorCode)
  | "UNSUPPORTED_FORMAT"
  | "ENCRYPTED"
  | "CORRUPT"
  | "NO_PAGES"
  | "NO_TEXT"
  | "OCR_UNAVAILABLE"
  | "GARBAGE_TEXT"
  | "LEGACY_ENCODING"
  | "TIMEOUT";

/** Bad input, reported to the user with its code; nothing was written for it. */
export class IngestError extends UserFacingError {
  override name = "IngestError";
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const maxSourceChars = 5_000_000;

/** A text to load: its extraction may fail with an IngestError, which names the source. */
export interface IngestInput {
  text: string;
  sourceName: string;
  /** the original file the text was read from (src/sources), kept with the document */
  file?: StoredFile | null;
}

/** A text checked and extracted, ready to be planned and written. */
export interface PreparedDocument {
  parsed: ParsedDocument;
  source: SourceInfo;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Refuses what has nothing to load: a text in which the extractor found no structure at all. */
export function assertLoadable(parsed: ParsedDocument, sourceName: string): void {
  const found = parsed.tasks.length + parsed.citations.length + parsed.namedReferences.length;
  if (found === 0) {
    const reason = parsed.warnings.find((w) => w.kind === "no-structure")?.message;
    throw new IngestError(
      "NO_STRUCTURE",
      `${sourceName}: no recognisable structure (no headings, articles or citations)${reason ? `: ${reason}` : ""}`,
    );
  }
}

/** Checks and extracts one text; IngestError when there is nothing loadable in it. */
export function prepareText(input: IngestInput): PreparedDocument {
  if (input.text.trim() === "") throw new IngestError("EMPTY", `${input.sourceName}: the text is empty`);
  if (input.text.length > maxSourceChars) {
    throw new IngestError(
      "TOO_LARGE",
      `${input.sourceName}: ${input.text.length} characters is over the limit of ${maxSourceChars}`,
    );
  }
  try {
    // the same binary and encoding test as a file gets (decodeSource), for every entry point
    checkSourceText(input.text, input.sourceName);
  } catch (error) {
    if (error instanceof ExtractionError) throw new IngestError(error.code, error.message);
    throw error;
  }
  let parsed: ParsedDocument;
  try {
    parsed = extractDocument(input.text, { sourceName: input.sourceName });
  } catch (error) {
    if (error instanceof ExtractionError)
      throw new IngestError("NO_STRUCTURE", `${input.sourceName}: ${error.message}`);
    throw error;
  }
  assertLoadable(parsed, input.sourceName);
  const file = input.file ?? null;
  // A file is known by its bytes: the same file again is unchanged whatever its format.
  return {
    parsed,
    source: {
      name: input.sourceName,
      sha256: file ? file.sha256 : sha256(input.text),
      text: input.text,
      file,
    },
  };
}
