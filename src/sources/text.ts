import { checkSourceText, decodeSource, ExtractionError, foldVietnamese } from "../extract/index.js";
import { SourceError, type ReaderContext, type SourceDocument } from "./types.js";

/**
 * Text formats: plain text in UTF-8 (with or without a byte order mark), UTF-16 with a byte order
 * mark, Windows-1258 (Vietnamese ANSI: its combining tones are composed, NFC); JSON records with
 * a `full_text` field; HTML pages. Text in a legacy Vietnamese font encoding (TCVN3/ABC, VNI) is
 * detected and refused as LEGACY_ENCODING: it is not converted.
 */

/** Frequent Vietnamese words (folded): a text in a right encoding is full of them. */
const COMMON_WORDS = new Set(
  (
    "va cua cac duoc trong co cho khong nguoi nay voi da la nhung mot theo ve nam ngay thang so " +
    "nghi quyet dinh thuc hien tinh ban hanh uy nhan dan dang bo chinh phu viec tren tai den nhu " +
    "phat trien can cu quan ly cong tac xa hoi kinh te nha nuoc"
  ).split(" "),
);

/** Latin-1 letters that Vietnamese does not use: many of them mark VNI or TCVN3 read as Latin-1. */
const FOREIGN_LATIN1 = /[äåæçëîïðñöøûüþÿÄÅÆÇËÎÏÐÑÖØÛÜÞ¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷]/g;

/** Share of words (up to the first 20,000 characters) that are frequent Vietnamese words. */
export function vietnameseWordShare(text: string): number {
  const words = foldVietnamese(text.slice(0, 20_000)).match(/[a-z]+/g) ?? [];
  if (words.length === 0) return 0;
  return words.filter((w) => COMMON_WORDS.has(w)).length / words.length;
}

/** Whether a text reads as a legacy Vietnamese font encoding shown through Latin-1 ("Nghò quyeát"). */
export function looksLikeLegacyFontText(text: string): boolean {
  const sample = text.slice(0, 20_000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 40) return false;
  const foreign = (sample.match(FOREIGN_LATIN1) ?? []).length;
  return foreign / letters > 0.01 && vietnameseWordShare(sample) < 0.08;
}

function legacyError(ctx: ReaderContext): SourceError {
  return new SourceError(
    "LEGACY_ENCODING",
    `${ctx.name}: the text looks like a legacy Vietnamese font encoding (TCVN3/ABC or VNI), which cancu does not convert: ` +
      `convert it to Unicode (e.g. UniKey's converter, or open it in Word and save as UTF-8 text or DOCX)`,
  );
}

function asSourceError(error: unknown): never {
  if (error instanceof ExtractionError) {
    throw new SourceError(
      error.code === "EMPTY" ? "EMPTY" : error.code === "BINARY" ? "BINARY" : "CORRUPT",
      error.message,
    );
  }
  throw error;
}

/** Bytes of a text file to text: the encoding is decided by the bytes, never by the file name. */
export function decodeText(bytes: Uint8Array, ctx: ReaderContext): { text: string; encoding: string } {
  if (bytes.length === 0) throw new SourceError("EMPTY", `${ctx.name} is empty (0 bytes)`);
  let text: string;
  let encoding: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
    encoding = "utf-16le";
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
    encoding = "utf-16be";
  } else {
    try {
      // decodeSource: the one binary test (NUL, control bytes) and strict UTF-8, as before files had formats
      text = decodeSource(bytes, ctx.name);
      encoding = "utf-8";
    } catch (error) {
      if (!(error instanceof ExtractionError) || error.code !== "NOT_UTF8") asSourceError(error);
      // Not UTF-8: an 8-bit Vietnamese encoding. Windows-1258 is decoded when it reads as Vietnamese.
      const ansi = new TextDecoder("windows-1258").decode(bytes).normalize("NFC");
      if (vietnameseWordShare(ansi) < 0.08) throw legacyError(ctx);
      text = ansi;
      encoding = "windows-1258";
    }
  }
  if (text.trim() === "")
    throw new SourceError("EMPTY", `${ctx.name} is empty (${bytes.length} bytes of white space)`);
  try {
    checkSourceText(text, ctx.name);
  } catch (error) {
    asSourceError(error);
  }
  if (looksLikeLegacyFontText(text)) throw legacyError(ctx);
  return { text, encoding };
}

function textDocument(text: string, ctx: ReaderContext, fields: Partial<SourceDocument>): SourceDocument {
  if (text.length > ctx.limits.maxChars) {
    throw new SourceError(
      "TOO_LARGE",
      `${ctx.name}: ${text.length} characters is over the limit of ${ctx.limits.maxChars}`,
    );
  }
  return { text, mediaType: "text/plain", method: "text", pages: null, notes: [], ...fields };
}

export function readPlainText(bytes: Uint8Array, ctx: ReaderContext): SourceDocument {
  const { text, encoding } = decodeText(bytes, ctx);
  const notes =
    encoding === "windows-1258" ? ["read as Windows-1258 (Vietnamese ANSI) and converted to Unicode"] : [];
  return textDocument(text.replace(/^\uFEFF/, ""), ctx, { encoding, notes });
}

/** A JSON record with a `full_text` field (the gazette corpus stores documents that way). */
export function readJson(bytes: Uint8Array, ctx: ReaderContext): SourceDocument | null {
  const { text, encoding } = decodeText(bytes, ctx);
  let record: unknown;
  try {
    record = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return null;
  }
  const fullText =
    record !== null && typeof record === "object" && "full_text" in record
      ? (record as { full_text: unknown }).full_text
      : undefined;
  if (typeof fullText !== "string") return null;
  if (fullText.trim() === "") throw new SourceError("EMPTY", `${ctx.name}: its full_text is empty`);
  try {
    checkSourceText(fullText, ctx.name);
  } catch (error) {
    asSourceError(error);
  }
  return textDocument(fullText, ctx, { mediaType: "application/json", method: "json", encoding });
}

const BLOCK_TAGS = new Set(
  "p div br li tr h1 h2 h3 h4 h5 h6 table thead tbody ul ol section article header footer blockquote pre hr dd dt title".split(
    " ",
  ),
);
const DROPPED_ELEMENTS = /<(script|style|head|noscript|template|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code =
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : " ";
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** The text of an HTML page: block elements are lines, scripts and styles dropped, entities decoded. */
export function htmlToText(html: string): string {
  const body = html.replace(/<!--[\s\S]*?-->/g, " ").replace(DROPPED_ELEMENTS, " ");
  const out = body.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_tag, name: string) =>
    BLOCK_TAGS.has(name.toLowerCase())
      ? "\n"
      : name.toLowerCase() === "td" || name.toLowerCase() === "th"
        ? " "
        : "",
  );
  return decodeEntities(out.replace(/<[^>]*>/g, ""))
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function readHtml(bytes: Uint8Array, ctx: ReaderContext): SourceDocument {
  const { text, encoding } = decodeText(bytes, ctx);
  const plain = htmlToText(text);
  if (plain === "") throw new SourceError("NO_TEXT", `${ctx.name}: the HTML page has no text`);
  return textDocument(plain, ctx, { mediaType: "text/html", method: "html", encoding });
}
