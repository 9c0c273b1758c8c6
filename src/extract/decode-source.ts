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
  checkNotBinary(bytes, name);
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

function checkNotBinary(bytes: Uint8Array, name: string | null): void {
  const end = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) throw binarySourceError(name, `NUL byte at offset ${i}`, i);
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > end * BINARY_CONTROL_SHARE) {
    throw binarySourceError(name, `${control} control bytes in the first ${end}`, null);
  }
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
