/**
 * The ZIP container of a DOCX, read by hand before anything is inflated: the central directory
 * gives every entry's declared sizes, so a zip bomb (too many entries, too many bytes once
 * unzipped, an absurd compression ratio) is refused before a byte of it is inflated, and
 * inflation itself stops as soon as an entry grows past what it declared or the total past the
 * limit. Only the parts the reader needs are ever inflated.
 */
import { Inflate } from "fflate";
import { SourceError } from "../types.js";

/** Entries in one archive: a real DOCX has 10–50; a thousand images is already odd. */
export const MAX_ZIP_ENTRIES = 2_000;
/** An entry over this size (uncompressed) must not be compressed more than MAX_RATIO:1. */
export const RATIO_CHECK_FROM_BYTES = 1024 * 1024;
export const MAX_RATIO = 100;

/** Compressed bytes pushed into the inflater at once: bounds what one push can produce (~1032×). */
const INFLATE_CHUNK = 16 * 1024;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /** the sum of the declared uncompressed sizes */
  declaredBytes: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function readU64(view: DataView, at: number): number {
  const low = view.getUint32(at, true);
  const high = view.getUint32(at + 4, true);
  // beyond 2^53 nothing is real: callers compare against small limits
  return high * 0x1_0000_0000 + low;
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Where the end-of-central-directory record starts, or -1. */
function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && view.getUint32(i, true) === SIG_EOCD) {
      // the comment must end exactly at the end of the file (a stray "PK\5\6" inside data does not)
      const commentLength = view.getUint16(i + 20, true);
      if (i + 22 + commentLength === bytes.length) return i;
    }
  }
  return -1;
}

/**
 * The central directory of a ZIP, checked against the limits. Throws CORRUPT for what is not a
 * readable ZIP, TOO_LARGE for a zip bomb, ENCRYPTED for encrypted entries.
 */
export function readCentralDirectory(bytes: Uint8Array, name: string, maxUnzippedBytes: number): ZipArchive {
  const corrupt = (why: string): SourceError =>
    new SourceError("CORRUPT", `${name}: not a readable DOCX (${why})`);
  if (bytes.length < 22) throw corrupt("too short to be a ZIP archive");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);
  if (eocd < 0) throw corrupt("truncated: the ZIP's central directory is missing");

  let entryCount = view.getUint16(eocd + 10, true);
  let directorySize = view.getUint32(eocd + 12, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  const disk = view.getUint16(eocd + 4, true);
  const directoryDisk = view.getUint16(eocd + 6, true);
  if (disk !== 0 || directoryDisk !== 0) throw corrupt("a split (multi-part) ZIP archive");
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR)
      throw corrupt("a ZIP64 archive without its locator");
    const at = readU64(view, locator + 8);
    if (at + 56 > bytes.length || view.getUint32(at, true) !== SIG_ZIP64_EOCD)
      throw corrupt("a damaged ZIP64 directory record");
    entryCount = readU64(view, at + 32);
    directorySize = readU64(view, at + 40);
    directoryOffset = readU64(view, at + 48);
  }
  if (entryCount > MAX_ZIP_ENTRIES)
    throw new SourceError(
      "TOO_LARGE",
      `${name}: the DOCX holds ${entryCount} files, more than the ${MAX_ZIP_ENTRIES} allowed (a zip bomb?)`,
    );
  if (entryCount === 0) throw corrupt("an empty ZIP archive");
  if (directoryOffset + directorySize > bytes.length)
    throw corrupt("truncated: the central directory runs past the end");

  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder("utf-8");
  let declaredBytes = 0;
  let at = directoryOffset;
  const end = directoryOffset + directorySize;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== SIG_CENTRAL)
      throw corrupt("a damaged central directory");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) throw corrupt("a damaged central directory");
    const entryName = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 sizes live in the extra field (id 1), in this order, only for the fields that overflowed
    if (
      uncompressedSize === 0xffffffff ||
      compressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      let x = at + 46 + nameLength;
      const xEnd = x + extraLength;
      while (x + 4 <= xEnd) {
        const id = view.getUint16(x, true);
        const size = view.getUint16(x + 2, true);
        if (id === 1) {
          let f = x + 4;
          const fEnd = Math.min(f + size, xEnd);
          if (uncompressedSize === 0xffffffff && f + 8 <= fEnd) {
            uncompressedSize = readU64(view, f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= fEnd) {
            compressedSize = readU64(view, f);
            f += 8;
          }
          if (localHeaderOffset === 0xffffffff && f + 8 <= fEnd) localHeaderOffset = readU64(view, f);
          break;
        }
        x += 4 + size;
      }
    }
    if (entries.has(entryName)) throw corrupt(`the entry ${JSON.stringify(entryName)} appears twice`);
    declaredBytes += uncompressedSize;
    if (declaredBytes > maxUnzippedBytes)
      throw new SourceError(
        "TOO_LARGE",
        `${name}: the DOCX unzips to more than ${megabytes(maxUnzippedBytes)} (a zip bomb?)`,
      );
    if (uncompressedSize > RATIO_CHECK_FROM_BYTES && uncompressedSize > MAX_RATIO * compressedSize)
      throw new SourceError(
        "TOO_LARGE",
        `${name}: ${entryName} is compressed ${compressedSize > 0 ? Math.round(uncompressedSize / compressedSize) : "∞"}:1, ` +
          `more than ${MAX_RATIO}:1 (a zip bomb?)`,
      );
    entries.set(entryName, {
      name: entryName,
      method,
      flags,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at = next;
  }
  return { entries, declaredBytes };
}

/** Thrown from the inflater's callback to stop it; never leaves this module. */
class StopInflating extends Error {}

/**
 * One entry's bytes, inflated with its declared size as a hard ceiling; `budget` is what the
 * whole reading may still inflate (its remaining maxUnzippedBytes).
 */
export function extractEntry(bytes: Uint8Array, entry: ZipEntry, name: string, budget: number): Uint8Array {
  const corrupt = (why: string): SourceError =>
    new SourceError("CORRUPT", `${name}: not a readable DOCX (${entry.name}: ${why})`);
  if (entry.flags & 1)
    throw new SourceError(
      "ENCRYPTED",
      `${name}: the ZIP entry ${entry.name} is encrypted (password-protected)`,
    );
  if (entry.uncompressedSize > budget)
    throw new SourceError("TOO_LARGE", `${name}: the DOCX unzips to more than the limit (a zip bomb?)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== SIG_LOCAL)
    throw corrupt("damaged local header");
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw corrupt("truncated");
  const data = bytes.subarray(dataStart, dataEnd);

  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw corrupt("stored with two different sizes");
    return data;
  }
  if (entry.method !== 8)
    throw new SourceError(
      "UNSUPPORTED_FORMAT",
      `${name}: ${entry.name} uses ZIP compression method ${entry.method}, which Word does not write`,
    );

  const out = new Uint8Array(entry.uncompressedSize);
  let produced = 0;
  let overflow = false;
  const inflater = new Inflate((chunk: Uint8Array) => {
    if (produced + chunk.length > out.length) {
      overflow = true;
      throw new StopInflating();
    }
    out.set(chunk, produced);
    produced += chunk.length;
  });
  try {
    for (let i = 0; i < data.length; i += INFLATE_CHUNK) {
      const last = i + INFLATE_CHUNK >= data.length;
      inflater.push(data.subarray(i, Math.min(i + INFLATE_CHUNK, data.length)), last);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (overflow)
      throw new SourceError(
        "TOO_LARGE",
        `${name}: ${entry.name} inflates past the ${entry.uncompressedSize} bytes it declares (a zip bomb?)`,
      );
    if (error instanceof SourceError) throw error;
    throw corrupt("damaged compressed data");
  }
  if (produced !== entry.uncompressedSize)
    throw corrupt(`inflates to ${produced} bytes, not the ${entry.uncompressedSize} it declares`);
  return out;
}
