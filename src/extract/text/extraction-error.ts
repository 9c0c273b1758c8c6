/** Why a source could not be turned into text at all. */
export type ExtractionErrorCode = "EMPTY" | "BINARY" | "NOT_UTF8";

/**
 * The one error the extractor throws, and only from `decodeSource`: `extractDocument` never
 * throws, it reports problems as warnings so that a caller can still see what was found.
 */
export class ExtractionError extends Error {
  override readonly name = "ExtractionError";

  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
    readonly sourceName: string | null = null,
    /** byte offset of the first offending byte, when known */
    readonly offset: number | null = null,
  ) {
    super(message);
  }
}

export function emptySourceError(sourceName: string | null, detail: string): ExtractionError {
  return new ExtractionError("EMPTY", `${describe(sourceName)} is empty${detail}`, sourceName);
}

export function binarySourceError(
  sourceName: string | null,
  detail: string,
  offset: number | null,
): ExtractionError {
  return new ExtractionError(
    "BINARY",
    `${describe(sourceName)} looks binary, not text: ${detail}`,
    sourceName,
    offset,
  );
}

export function notUtf8Error(
  sourceName: string | null,
  detail: string,
  offset: number | null,
): ExtractionError {
  return new ExtractionError(
    "NOT_UTF8",
    `${describe(sourceName)} is not valid UTF-8: ${detail}`,
    sourceName,
    offset,
  );
}

function describe(sourceName: string | null): string {
  return sourceName ? `source "${sourceName}"` : "source";
}
