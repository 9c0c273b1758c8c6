/**
 * OLE2 compound files (magic D0 CF 11 E0 A1 B1 1A E1): a password-protected DOCX is one, with an
 * "EncryptedPackage" stream (ECMA-376 part 2 / MS-OFFCRYPTO); a legacy Word .doc is one with a
 * "WordDocument" stream. The directory is read by following the FAT, bounded by the file's size,
 * so a looping or lying file cannot make it run long.
 */

export type Ole2Kind = "encrypted-ooxml" | "legacy-doc" | "other";

export const OLE2_MAGIC: readonly number[] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
/** Directory entries read at most: a real file has a few dozen. */
const MAX_DIRECTORY_ENTRIES = 100_000;

export function isOle2(bytes: Uint8Array): boolean {
  return OLE2_MAGIC.every((b, i) => bytes[i] === b);
}

/** The names of the streams and storages in a compound file's directory; null if it cannot be read. */
export function ole2EntryNames(bytes: Uint8Array): string[] | null {
  if (!isOle2(bytes) || bytes.length < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorOffset = (n: number): number => (n + 1) * sectorSize;
  const sectorFits = (n: number): boolean => n < 0xfffffffa && sectorOffset(n) + sectorSize <= bytes.length;
  const u32PerSector = sectorSize / 4;

  // the FAT's own sectors: 109 in the header, the rest in the DIFAT chain
  const fatSectorCount = view.getUint32(0x2c, true);
  if (fatSectorCount > sectorCount) return null;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i++)
    fatSectors.push(view.getUint32(0x4c + i * 4, true));
  let difat = view.getUint32(0x44, true);
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatSectorCount && difat !== END_OF_CHAIN && difat !== FREE) {
    if (!sectorFits(difat) || seenDifat.has(difat)) return null;
    seenDifat.add(difat);
    const at = sectorOffset(difat);
    for (let i = 0; i < u32PerSector - 1 && fatSectors.length < fatSectorCount; i++)
      fatSectors.push(view.getUint32(at + i * 4, true));
    difat = view.getUint32(at + (u32PerSector - 1) * 4, true);
  }
  const next = (sector: number): number | null => {
    const fatSector = fatSectors[Math.floor(sector / u32PerSector)];
    if (fatSector === undefined || !sectorFits(fatSector)) return null;
    return view.getUint32(sectorOffset(fatSector) + (sector % u32PerSector) * 4, true);
  };

  const names: string[] = [];
  let sector = view.getUint32(0x30, true);
  const seen = new Set<number>();
  while (sector !== END_OF_CHAIN) {
    if (!sectorFits(sector) || seen.has(sector) || seen.size > sectorCount) return null;
    seen.add(sector);
    const at = sectorOffset(sector);
    for (let e = 0; e < sectorSize / 128; e++) {
      const entry = at + e * 128;
      const type = bytes[entry + 0x42];
      const nameBytes = view.getUint16(entry + 0x40, true);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue; // unused entry
      let name = "";
      for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(view.getUint16(entry + i, true));
      names.push(name);
      if (names.length > MAX_DIRECTORY_ENTRIES) return null;
    }
    const n = next(sector);
    if (n === null) return null;
    sector = n;
  }
  return names;
}

/** What UTF-16LE `name` looks like in a directory entry. */
function utf16(name: string): Uint8Array {
  const out = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) out[i * 2] = name.charCodeAt(i);
  return out;
}

function containsAt128(bytes: Uint8Array, needle: Uint8Array): boolean {
  // directory entries start on 128-byte boundaries, with the name first
  for (let at = 512; at + needle.length <= bytes.length; at += 128) {
    let match = true;
    for (let i = 0; i < needle.length && match; i++) match = bytes[at + i] === needle[i];
    if (match) return true;
  }
  return false;
}

/**
 * What an OLE2 compound file is, for the message the reader gives: an encrypted (password-
 * protected) Office Open XML document, a legacy Word .doc, or something else (an .xls, a .ppt,
 * an .msg …). When the directory cannot be followed, the directory entries are looked for where
 * they must lie (128-byte boundaries).
 */
export function describeOle2(bytes: Uint8Array): Ole2Kind {
  if (!isOle2(bytes)) return "other";
  const names = ole2EntryNames(bytes);
  if (names !== null) {
    if (names.includes("EncryptedPackage")) return "encrypted-ooxml";
    if (names.includes("WordDocument")) return "legacy-doc";
    return "other";
  }
  if (containsAt128(bytes, utf16("EncryptedPackage"))) return "encrypted-ooxml";
  if (containsAt128(bytes, utf16("WordDocument"))) return "legacy-doc";
  return "other";
}
