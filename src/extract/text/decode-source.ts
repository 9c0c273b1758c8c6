import { binarySourceError, emptySourceError, notUtf8Error } from "./extraction-error.js";

/** How many leading bytes are inspected for binary content: enough to judge, cheap on big files. */
const BINARY_SAMPLE_BYTES = 64 * 1024;
/** Share of control bytes (other than tab, line feed, carriage return, form feed) that marks a file as binary. */
const BINARY_CONTROL_SHARE = 0.1;

/**
 * Bytes of a source file to text. Throws `ExtractionError` with code EMPTY, BINARY or NOT_UTF8
 * and a message that names the source; strips a UTF-8 byte order mark.
 */
export function decodeSource(bytes: Uint8Array, sourceName?: string): string {
  const name = sourceName ?? null;
  if (bytes.length === 0) throw emptySourceError(name, " (0 bytes)");
  if (hasUtf16ByteOrderMark(bytes)) {
    throw notUtf8Error(name, "it starts with a UTF-16 byte order mark; convert it to UTF-8", 0);
  }
  checkNotBinary(bytes.length, (i) => bytes[i]!, name, "byte");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw notUtf8Error(
      name,
      `invalid byte sequence at byte ${offset ?? "?"} (is it Windows-1258 or TCVN3? convert it to UTF-8)`,
      offset,
    );
  }
  if (text.trim().length === 0) throw emptySourceError(name, ` (${bytes.length} bytes of white space only)`);
  return text;
}

function hasUtf16ByteOrderMark(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

/** A control character that no text file holds: below space, other than tab, LF, CR and form feed. */
function isControl(unit: number): boolean {
  return unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d && unit !== 0x0c;
}

/**
 * The one binary test, for bytes and for text alike (control characters are single bytes in UTF-8,
 * so counting code units or bytes is the same): a NUL, or too many control characters at the start.
 */
function checkNotBinary(
  length: number,
  unitAt: (index: number) => number,
  name: string | null,
  unit: "byte" | "character",
): void {
  const end = Math.min(length, BINARY_SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const u = unitAt(i);
    if (u === 0) throw binarySourceError(name, `NUL ${unit} at offset ${i}`, i);
    if (isControl(u)) control++;
  }
  if (control > end * BINARY_CONTROL_SHARE) {
    throw binarySourceError(name, `${control} control ${unit}s in the first ${end}`, null);
  }
}

/**
 * The same test as decodeSource, for a text that arrives as a string (the API's ingestDocument, a
 * JSON record's full_text): a NUL anywhere, too many control characters, or a lone UTF-16
 * surrogate (which has no UTF-8 form) make it `ExtractionError` BINARY or NOT_UTF8.
 */
export function checkSourceText(text: string, sourceName?: string): void {
  const name = sourceName ?? null;
  const nul = text.indexOf("\u0000");
  if (nul >= 0) throw binarySourceError(name, `NUL character at offset ${nul}`, nul);
  checkNotBinary(text.length, (i) => text.charCodeAt(i), name, "character");
  const surrogate = firstLoneSurrogate(text);
  if (surrogate >= 0) throw notUtf8Error(name, `a lone UTF-16 surrogate at offset ${surrogate}`, surrogate);
}

/** Offset of the first unpaired surrogate, or -1 (String.prototype.isWellFormed is ES2024). */
function firstLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return i;
  }
  return -1;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return null;
}
