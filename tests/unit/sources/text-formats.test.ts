import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/index.js";
import { readSource, sniffFormat, SourceError } from "../../../src/sources/index.js";
import { htmlToText, looksLikeLegacyFontText } from "../../../src/sources/text.js";

// Text formats and the dispatch by content (issue #18). A short real passage: the opening of
// Hướng dẫn 06-HD/TW (../shared/corpus/chains/06-HD-TW-2025.txt).
const PASSAGE =
  "Căn cứ Quy định số 294-QĐ/TW, ngày 26/5/2025 của Ban Chấp hành Trung ương Đảng về thi hành Điều lệ Đảng,\n" +
  "Ban Bí thư hướng dẫn một số vấn đề cụ thể như sau:\n";

const utf8 = (s: string) => new TextEncoder().encode(s);

async function read(bytes: Uint8Array, name = "input") {
  return readSource(bytes, name, { ocr: null });
}

async function refusal(bytes: Uint8Array, name = "input"): Promise<SourceError> {
  try {
    await read(bytes, name);
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error("expected a SourceError");
}

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
  }
  return out;
}

describe("text in any common encoding", () => {
  it("reads UTF-8, with or without a byte order mark, and UTF-16 either way round", async () => {
    for (const [bytes, encoding] of [
      [utf8(PASSAGE), "utf-8"],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(PASSAGE)]), "utf-8"],
      [utf16(PASSAGE, false), "utf-16le"],
      [utf16(PASSAGE, true), "utf-16be"],
    ] as const) {
      const { document, file } = await read(bytes);
      expect(document.text).toBe(PASSAGE);
      expect(document.encoding).toBe(encoding);
      expect(file.mediaType).toBe("text/plain");
      expect(file.size).toBe(bytes.length);
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("reads Windows-1258 (tones as combining marks) and composes them", async () => {
    // Windows-1258 bytes of the passage: each character (decomposed: base letter + combining tone)
    // by the code page's own table, read back from the decoder
    const table = new Map<string, number>();
    const decoder = new TextDecoder("windows-1258");
    for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
    // each letter as its base (with ư, ơ, â, ê, ô, ă, đ precomposed, as the code page has them) and
    // then its tone as a combining mark
    const tones = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);
    const encode = (text: string): number[] =>
      [...text].flatMap((ch) => {
        const marks = [...ch.normalize("NFD")];
        const base = marks
          .filter((m) => !tones.has(m))
          .join("")
          .normalize("NFC");
        return [base, ...marks.filter((m) => tones.has(m))].map((part) => {
          const byte = table.get(part);
          if (byte === undefined) throw new Error(`no Windows-1258 byte for ${part}`);
          return byte;
        });
      });
    const bytes = new Uint8Array(encode(PASSAGE));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const { document } = await read(bytes);
    expect(document.encoding).toBe("windows-1258");
    expect(document.text).toBe(PASSAGE);
    expect(document.notes.join(" ")).toMatch(/Windows-1258/);
  });

  it("refuses TCVN3/VNI text read through Latin-1, naming the encodings, and never converts it", async () => {
    // VNI as it looks when its bytes are read as Latin-1: "Nghò quyeát soá 12 cuûa Tænh uûy"
    const vni = "Nghò quyeát soá 12-NQ/TU cuûa Tænh uûy veà vieäc thöïc hieän nhieäm vuï naêm 2022. ".repeat(
      10,
    );
    expect(looksLikeLegacyFontText(vni)).toBe(true);
    expect(looksLikeLegacyFontText(PASSAGE.repeat(5))).toBe(false);
    const error = await refusal(utf8(vni));
    expect(error.code).toBe("LEGACY_ENCODING");
    expect(error.message).toMatch(/TCVN3|VNI/);
  });

  it("refuses an empty file and one of white space only", async () => {
    expect((await refusal(new Uint8Array(0))).code).toBe("EMPTY");
    expect((await refusal(utf8("  \n\t "))).code).toBe("EMPTY");
  });
});

describe("JSON and HTML", () => {
  it("reads the full_text of a JSON record, and a JSON without one as text", async () => {
    const { document } = await read(utf8(JSON.stringify({ so_hieu: "06-HD/TW", full_text: PASSAGE })));
    expect(document.method).toBe("json");
    expect(document.text).toBe(PASSAGE);
    const other = await read(utf8('{"a": 1}\n'));
    expect(other.document.method).toBe("text");
  });

  it("reads the text of an HTML page: blocks as lines, entities decoded, scripts and styles dropped", async () => {
    const html =
      "<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style></head><body>" +
      "<script>alert('Nghị quyết số 99-NQ/TW')</script>" +
      "<p>Căn cứ Quy định số 294-QĐ/TW, ngày 26/5/2025 của Ban Chấp hành Trung ương Đảng;</p>" +
      "<div>Ban Bí thư hướng dẫn&nbsp;như sau:<br>1. Về kết nạp đảng viên &amp; chuyển đảng</div></body></html>";
    const { document } = await read(utf8(html), "page.txt");
    expect(document.mediaType).toBe("text/html");
    expect(document.text).toBe(
      "Căn cứ Quy định số 294-QĐ/TW, ngày 26/5/2025 của Ban Chấp hành Trung ương Đảng;\n\nBan Bí thư hướng dẫn như sau:\n1. Về kết nạp đảng viên & chuyển đảng",
    );
    const citations = extractDocument(document.text).citations.map((c) => c.symbol);
    expect(citations).toEqual(["294-QĐ/TW"]);
    expect(htmlToText("<p>a</p><!-- <p>b</p> --><p>&#7889;&#x1EC7;</p>")).toBe("a\n\nốệ");
  });
});

describe("the format comes from the content, not the name", () => {
  it.each([
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], "pdf"],
    [[0x50, 0x4b, 0x03, 0x04, 0, 0], "zip"],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "ole2"],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "image"],
    [[0xff, 0xd8, 0xff, 0xe0], "image"],
    [[0x49, 0x49, 0x2a, 0x00], "image"],
    [[...utf8("{\\rtf1\\ansi")], "unsupported"],
    [[...utf8("GIF89a")], "unsupported"],
    [[...utf8("  <!doctype html><p>x")], "html"],
    [[...utf8(PASSAGE)], "text"],
  ] as const)("%j is %s", (bytes, kind) => {
    expect(sniffFormat(new Uint8Array(bytes)).kind).toBe(kind);
  });

  it("names an unsupported format in its refusal, whatever the file is called", async () => {
    const rtf = await refusal(utf8("{\\rtf1\\ansi Nghị quyết}"), "nghi-quyet.txt");
    expect(rtf.code).toBe("UNSUPPORTED_FORMAT");
    expect(rtf.message).toBe(
      "nghi-quyet.txt: RTF (save it as DOCX or PDF) is not a supported format (text, JSON, HTML, PDF, DOCX, PNG, JPEG, TIFF)",
    );
    const gif = await refusal(utf8("GIF89a...."), "scan.png");
    expect(gif.message).toMatch(/GIF image/);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const error = await readSource(utf8(PASSAGE), "big.txt", { ocr: null, limits: { maxBytes: 10 } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe("TOO_LARGE");
  });

  it("refuses text over the character limit", async () => {
    const error = await readSource(utf8(PASSAGE), "long.txt", { ocr: null, limits: { maxChars: 20 } }).catch(
      (e: unknown) => e,
    );
    expect((error as SourceError).code).toBe("TOO_LARGE");
  });
});
