/**
 * The format of a file from its first bytes (magic numbers), never from its name: a PDF renamed
 * .txt is read as a PDF, a text renamed .pdf as text.
 */

export type SniffedFormat =
  | { kind: "pdf" }
  | { kind: "zip" } // DOCX, or another ZIP-based format the DOCX reader names
  | { kind: "ole2" } // legacy Office (.doc) or an encrypted DOCX
  | { kind: "image"; mediaType: "image/png" | "image/jpeg" | "image/tiff" }
  | { kind: "unsupported"; format: string }
  | { kind: "html" }
  | { kind: "json" }
  | { kind: "text" };

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let s = "";
  for (let i = from; i < Math.min(to, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Unsupported formats people may send, by signature, with the name a message gives them. */
const UNSUPPORTED: readonly (readonly [readonly number[], string, number?])[] = [
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "RTF (save it as DOCX or PDF)"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image (convert it to PNG)"],
  [[0x42, 0x4d], "a BMP image (convert it to PNG)"],
  [[0x1f, 0x8b], "a gzip archive (unpack it first)"],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], "a 7-Zip archive (unpack it first)"],
  [[0x52, 0x61, 0x72, 0x21], "a RAR archive (unpack it first)"],
  [[0x7f, 0x45, 0x4c, 0x46], "an executable (ELF)"],
  [[0x4d, 0x5a], "an executable (Windows)"],
  [[0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20], "a JPEG 2000 image (convert it to PNG)"],
];

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  // A PDF header may follow a little junk (up to 1 KB, as readers allow).
  if (ascii(bytes, 0, 1024).includes("%PDF-")) return { kind: "pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: "zip" };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: "ole2" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: "image", mediaType: "image/png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: "image", mediaType: "image/jpeg" };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { kind: "image", mediaType: "image/tiff" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP")
    return { kind: "unsupported", format: "a WebP image (convert it to PNG)" };
  for (const [signature, format] of UNSUPPORTED)
    if (startsWith(bytes, signature)) return { kind: "unsupported", format };
  // Text: HTML and JSON by their first characters (after a byte order mark and white space).
  let i = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) i = 3;
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  const head = utf16
    ? new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes.subarray(2, 2050))
    : ascii(bytes, i, i + 1024);
  const start = head.trimStart().slice(0, 256).toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html") || /^<(?:head|body|meta)\b/.test(start))
    return { kind: "html" };
  if (start.startsWith("<?xml") && /<html\b/.test(head.toLowerCase())) return { kind: "html" };
  if (start.startsWith("{")) return { kind: "json" };
  return { kind: "text" };
}
