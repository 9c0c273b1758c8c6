/**
 * DOCX reader (issue #18): a Word document's text, paragraphs as lines, with the numbering labels
 * Word prints ("1.", "2.1.", "a)", "I.") at the start of their lines, since the extractor builds
 * the task tree from them.
 *
 * Order of work, hostile input first:
 * 1. the size (ctx.limits.maxBytes); an OLE2 compound file is told apart (an encrypted DOCX is
 *    ENCRYPTED, a legacy .doc UNSUPPORTED_FORMAT);
 * 2. the ZIP's central directory, read by hand: too many entries, too many bytes once unzipped
 *    (maxUnzippedBytes), an absurd compression ratio: TOO_LARGE before anything is inflated;
 * 3. what the ZIP is: a Word document (its main part found through _rels/.rels), or an ODT, an
 *    XLSX, a PPTX, an EPUB … (UNSUPPORTED_FORMAT, named), or a DOCX without its document (CORRUPT);
 * 4. only the parts needed are inflated (document, styles, numbering, footnotes, endnotes), each
 *    stopped as soon as it grows past its declared size or the total past the limit;
 * 5. the XML is read by a small streaming reader (no DTD, no entity expansion) and rendered.
 *
 * Not mammoth: its HTML loses the printed list labels (<ol><li>) and the header-table layout the
 * extractor reads, so word/document.xml and word/numbering.xml are read here directly.
 *
 * Kept: paragraphs, numbering labels, tables (layout tables column by column, others cell by
 * cell), text boxes and shapes with text (after their paragraph), field results, footnotes and
 * endnotes (appended at the end as "[n] text", in the order they are referenced). Dropped:
 * headers and footers, page-number fields, deleted revisions, hidden text, comments.
 */
import { readBody, readNotes, type Block, type ReadOptions } from "./docx/body.js";
import { emptyDefinitions, NumberingCounter, readNumbering, readStyles } from "./docx/numbering.js";
import { describeOle2, isOle2, type Ole2Kind } from "./docx/ole2.js";
import { joinLines, renderLines } from "./docx/render.js";
import { decodeXmlBytes, scanXml, XmlError } from "./docx/xml.js";
import { extractEntry, readCentralDirectory, type ZipArchive, type ZipEntry } from "./docx/zip.js";
import { SourceError, type ReaderContext, type SourceDocument } from "./types.js";

export { describeOle2, type Ole2Kind };

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const REL_SUFFIX = {
  officeDocument: "/officeDocument",
  styles: "/styles",
  numbering: "/numbering",
  footnotes: "/footnotes",
  endnotes: "/endnotes",
} as const;

/** Main-part content types of Word documents (DOCX, DOCM, DOTX, DOTM). */
const WORD_MAIN =
  /wordprocessingml\.(?:document|template)\.main\+xml|ms-word\.(?:document|template)\.macroEnabled(?:\.main)?\+xml/i;

interface Relationship {
  type: string;
  target: string;
}

/** Resolves a relationship target against the folder of the part that holds the relationships. */
function resolveTarget(base: string, target: string): string {
  const segments = target.startsWith("/") ? [] : base.split("/").filter((s) => s !== "");
  for (const s of target.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") segments.pop();
    else segments.push(s);
  }
  return segments.join("/");
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function relsPathOf(part: string): string {
  const folder = folderOf(part);
  const file = part.slice(folder.length === 0 ? 0 : folder.length + 1);
  return `${folder === "" ? "" : `${folder}/`}_rels/${file}.rels`;
}

function readRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  scanXml(xml, {
    open(name, a) {
      if (!name.endsWith("Relationship") || a.get("TargetMode") === "External") return;
      const type = a.get("Type");
      const target = a.get("Target");
      if (type !== undefined && target !== undefined) out.push({ type, target });
    },
    close() {},
    text() {},
  });
  return out;
}

function readContentTypes(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  scanXml(xml, {
    open(name, a) {
      if (!name.endsWith("Override")) return;
      const part = a.get("PartName");
      const type = a.get("ContentType");
      if (part !== undefined && type !== undefined) out.set(part.replace(/^\//, "").toLowerCase(), type);
    },
    close() {},
    text() {},
  });
  return out;
}

/** What a ZIP that is not a Word document is, from its mimetype, content types and folders. */
function nameOfOtherZip(
  names: readonly string[],
  mimetype: string | null,
  contentTypes: string,
): string | null {
  const odf: Record<string, string> = {
    "application/vnd.oasis.opendocument.text": "an OpenDocument text (ODT)",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (ODS)",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (ODP)",
    "application/vnd.oasis.opendocument.graphics": "an OpenDocument drawing (ODG)",
    "application/epub+zip": "an EPUB e-book",
  };
  if (mimetype !== null) {
    const known = odf[mimetype.trim()];
    if (known) return known;
    if (mimetype.startsWith("application/vnd.oasis.opendocument")) return "an OpenDocument file";
  }
  const has = (prefix: string): boolean => names.some((n) => n.toLowerCase().startsWith(prefix));
  if (/spreadsheetml/i.test(contentTypes) || has("xl/")) return "an Excel workbook (XLSX)";
  if (/presentationml/i.test(contentTypes) || has("ppt/")) return "a PowerPoint presentation (PPTX)";
  if (/drawingml|visio/i.test(contentTypes) || has("visio/")) return "a Visio drawing (VSDX)";
  if (has("meta-inf/manifest.xml") && has("content.xml")) return "an OpenDocument file";
  return null;
}

class Package {
  private readonly byLowerName = new Map<string, ZipEntry>();
  private budget: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly zip: ZipArchive,
    private readonly name: string,
    maxUnzippedBytes: number,
  ) {
    for (const entry of zip.entries.values()) this.byLowerName.set(entry.name.toLowerCase(), entry);
    this.budget = maxUnzippedBytes;
  }

  names(): string[] {
    return [...this.zip.entries.keys()];
  }

  /** Part names are case-insensitive (OPC). */
  entry(path: string): ZipEntry | null {
    return this.zip.entries.get(path) ?? this.byLowerName.get(path.toLowerCase()) ?? null;
  }

  bytesOf(path: string): Uint8Array | null {
    const entry = this.entry(path);
    if (!entry) return null;
    const data = extractEntry(this.bytes, entry, this.name, this.budget);
    this.budget -= data.length;
    return data;
  }

  text(path: string): string | null {
    const data = this.bytesOf(path);
    return data === null ? null : decodeXmlBytes(data);
  }
}

function fail(code: "CORRUPT" | "UNSUPPORTED_FORMAT", message: string): never {
  throw new SourceError(code, message);
}

/** Reads a DOCX (or tells what else the ZIP or OLE2 file is). */
export async function readDocx(bytes: Uint8Array, ctx: ReaderContext): Promise<SourceDocument> {
  const { name, limits } = ctx;
  if (bytes.length > limits.maxBytes)
    throw new SourceError(
      "TOO_LARGE",
      `${name}: ${bytes.length} bytes, more than the ${limits.maxBytes} allowed`,
    );
  if (bytes.length === 0) throw new SourceError("EMPTY", `${name}: the file is empty`);
  if (isOle2(bytes)) {
    const kind = describeOle2(bytes);
    if (kind === "encrypted-ooxml")
      throw new SourceError(
        "ENCRYPTED",
        `${name}: the document is password-protected (encrypted): save it without a password`,
      );
    if (kind === "legacy-doc")
      fail("UNSUPPORTED_FORMAT", `${name}: legacy Word .doc is not supported: save it as DOCX or PDF`);
    fail(
      "UNSUPPORTED_FORMAT",
      `${name}: a legacy Office file (OLE2 compound file), not a Word document: save it as DOCX or PDF`,
    );
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    fail("CORRUPT", `${name}: not a readable DOCX (not a ZIP archive)`);

  const zip = readCentralDirectory(bytes, name, limits.maxUnzippedBytes);
  const pkg = new Package(bytes, zip, name, limits.maxUnzippedBytes);
  let part = "";
  try {
    return readPackage(pkg, ctx, (p) => (part = p));
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const why =
      error instanceof XmlError
        ? error.message
        : error instanceof RangeError
          ? "nested too deeply"
          : "unreadable content";
    throw new SourceError("CORRUPT", `${name}: not a readable DOCX (${part || "package"}: ${why})`);
  }
}

function readPackage(pkg: Package, ctx: ReaderContext, reading: (part: string) => void): SourceDocument {
  const { name, limits } = ctx;
  const small = (path: string): string | null => {
    const entry = pkg.entry(path);
    // the package's own small parts: content types, relationships, mimetype
    if (!entry || entry.uncompressedSize > 1024 * 1024) return null;
    reading(path);
    return pkg.text(path);
  };

  const rootRels = small("_rels/.rels");
  const contentTypesXml = small("[Content_Types].xml");
  const contentTypes =
    contentTypesXml === null ? new Map<string, string>() : readContentTypes(contentTypesXml);
  const officeDocument =
    rootRels === null
      ? undefined
      : readRelationships(rootRels).find((r) => r.type.endsWith(REL_SUFFIX.officeDocument));
  const mainPath =
    officeDocument !== undefined ? resolveTarget("", officeDocument.target) : "word/document.xml";
  const mainType = contentTypes.get(mainPath.toLowerCase()) ?? "";
  const mainEntry = pkg.entry(mainPath);
  const isWord = WORD_MAIN.test(mainType) || (mainType === "" && mainPath.toLowerCase().startsWith("word/"));

  if (!mainEntry || !isWord) {
    const mimetype = pkg.entry("mimetype") ? small("mimetype") : null;
    const other = nameOfOtherZip(pkg.names(), mimetype, [...contentTypes.values(), mainType].join(" "));
    if (other !== null)
      fail("UNSUPPORTED_FORMAT", `${name}: ${other} is not supported: save it as DOCX or PDF`);
    const looksLikeWord =
      /wordprocessingml/i.test([...contentTypes.values()].join(" ")) ||
      pkg.names().some((n) => n.toLowerCase().startsWith("word/"));
    if (looksLikeWord) fail("CORRUPT", `${name}: not a readable DOCX (${mainPath} is missing)`);
    fail("UNSUPPORTED_FORMAT", `${name}: a ZIP archive that is not a Word document (unpack it first)`);
  }

  ctx.onProgress?.(`reading ${mainPath}`);
  const mainFolder = folderOf(mainPath);
  const relsXml = small(relsPathOf(mainPath));
  const rels = relsXml === null ? [] : readRelationships(relsXml);
  const partOf = (kind: keyof typeof REL_SUFFIX, fallback: string): string => {
    const rel = rels.find((r) => r.type.endsWith(REL_SUFFIX[kind]));
    return resolveTarget(mainFolder, rel ? rel.target : fallback);
  };

  const definitions = emptyDefinitions();
  const stylesPath = partOf("styles", "styles.xml");
  reading(stylesPath);
  const stylesXml = pkg.text(stylesPath);
  if (stylesXml !== null) readStyles(stylesXml, definitions);
  const numberingPath = partOf("numbering", "numbering.xml");
  reading(numberingPath);
  const numberingXml = pkg.text(numberingPath);
  if (numberingXml !== null) readNumbering(numberingXml, definitions);

  const options: ReadOptions = {
    numbering: new NumberingCounter(definitions),
    maxChars: limits.maxChars,
    name,
    budget: { chars: 0 },
  };
  reading(mainPath);
  const documentXml = pkg.text(mainPath) ?? "";
  const body = readBody(documentXml, options);
  const lines = renderLines(body.blocks);

  const notes: string[] = [];
  const appendNotes = (ids: readonly string[], kind: "footnotes" | "endnotes"): void => {
    if (ids.length === 0) return;
    const path = partOf(kind, `${kind}.xml`);
    reading(path);
    const xml = pkg.text(path);
    if (xml === null) return;
    const byId = readNotes(xml, kind === "footnotes" ? "w:footnote" : "w:endnote", options);
    const noteLines: string[] = [];
    let n = 0;
    for (const id of new Set(ids)) {
      const blocks: Block[] | undefined = byId.get(id);
      if (!blocks) continue;
      const text = renderLines(blocks).filter((l) => l.trim() !== "");
      if (text.length === 0) continue;
      n++;
      noteLines.push(`[${n}] ${text[0]?.trimStart() ?? ""}`, ...text.slice(1));
    }
    if (n === 0) return;
    lines.push("", ...noteLines);
    notes.push(
      `${n} ${kind === "footnotes" ? "footnote" : "endnote"}${n === 1 ? "" : "s"} appended at the end`,
    );
  };
  appendNotes(body.footnotes, "footnotes");
  appendNotes(body.endnotes, "endnotes");

  const text = joinLines(lines);
  if (text.length > limits.maxChars)
    throw new SourceError("TOO_LARGE", `${name}: the text is longer than ${limits.maxChars} characters`);
  if (text.trim() === "")
    throw new SourceError(
      "NO_TEXT",
      `${name}: the Word document holds no text (only images or empty pages?)`,
    );
  return { text, mediaType: DOCX_MEDIA_TYPE, method: "docx", pages: null, notes };
}
