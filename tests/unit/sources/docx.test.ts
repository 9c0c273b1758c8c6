/**
 * src/sources/docx.ts: the three real DOCX of ../shared/corpus/files/docx read to the text the
 * extractor finds the same header, citations and articles in as in their reference texts
 * (../shared/corpus/chains); Word's automatic numbering printed as labels (a fixture written with
 * the `docx` package, and hand-written numbering.xml for the formats, restarts and styles);
 * tables, fields, revisions, text boxes; and hostile files: zip bombs (ratio, declared size,
 * sizes that lie, too many entries), truncated and foreign ZIPs, OLE2 (encrypted DOCX, .doc).
 * Fixtures: tests/fixtures/sources/make-docx.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { extractDocument, type ParsedDocument } from "../../../src/extract/index.js";
import { describeOle2, readDocx } from "../../../src/sources/docx.js";
import { SourceError, type ReaderContext, type SourceLimits } from "../../../src/sources/types.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..", "..");
const fixtures = path.join(repoRoot, "tests", "fixtures", "sources", "docx");
const corpus = path.resolve(repoRoot, "..", "shared", "corpus");
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));

const limits: SourceLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxPages: 1500,
  maxChars: 5_000_000,
  maxPixels: 40_000_000,
  maxUnzippedBytes: 100 * 1024 * 1024,
  ocrPageTimeoutMs: 60_000,
};

function context(name: string, extra: Partial<SourceLimits> = {}): ReaderContext {
  return { name, limits: { ...limits, ...extra }, ocr: null };
}

async function refusal(
  bytes: Uint8Array,
  name: string,
  extra: Partial<SourceLimits> = {},
): Promise<SourceError> {
  try {
    await readDocx(bytes, context(name, extra));
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    const e = error as SourceError;
    expect(e.message.startsWith(`${name}: `)).toBe(true);
    expect(e.message).not.toMatch(/\n\s+at /);
    return e;
  }
  throw new Error(`${name} was read`);
}

const nonBlank = (text: string): string[] =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
const numberedKeys = (d: ParsedDocument): string[] => [...new Set(d.citations.map((c) => c.key))].sort();
const articles = (d: ParsedDocument): string[] =>
  d.tasks.filter((t) => t.kind === "article").map((t) => t.code);

describe("real DOCX against their reference texts", () => {
  const real = (file: string): Uint8Array =>
    new Uint8Array(fs.readFileSync(path.join(corpus, "files", "docx", `${file}.docx`)));
  const reference = (file: string): string =>
    fs.readFileSync(path.join(corpus, "chains", `${file}.txt`), "utf8");

  it("26/2026/NĐ-CP: the header table read column by column; number, type, date, issuer, citations as in the reference", async () => {
    const file = "26-2026-ND-CP";
    const doc = await readDocx(real(file), context(`${file}.docx`));
    expect(doc.mediaType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(doc.method).toBe("docx");
    expect(doc.pages).toBeNull();
    const lines = doc.text.split("\n");
    // left column (issuer, number) then right column (motto, place and date), each on its own line
    expect(lines.slice(0, 7)).toEqual([
      "CHÍNH PHỦ",
      "-------",
      "Số: 26/2026/NĐ-CP",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc ",
      "---------------",
      "Hà Nội, ngày 17 tháng 01 năm 2026",
    ]);
    // the same lines as the reference text (made from the same file), in another order only in the header
    expect([...nonBlank(doc.text)].sort()).toEqual([...nonBlank(reference(file))].sort());
    const ours = extractDocument(doc.text, { sourceName: file });
    const theirs = extractDocument(reference(file), { sourceName: file });
    expect(ours.document.symbol).toBe("26/2026/NĐ-CP");
    expect(ours.document.type).toBe("Nghị định");
    expect(ours.document.issuedOn).toBe("2026-01-17");
    expect(ours.document.issuer?.key).toBe("chinh-phu");
    expect(numberedKeys(ours)).toEqual(numberedKeys(theirs));
    expect(numberedKeys(ours)).toContain("Luật|69/2025/QH15|2025");
    expect(articles(ours)).toEqual(articles(theirs));
  });

  it("69/2025/QH15: the law's articles found as tasks, as many as in the reference", async () => {
    const file = "69-2025-QH15";
    const doc = await readDocx(real(file), context(`${file}.docx`));
    const ours = extractDocument(doc.text, { sourceName: file });
    const theirs = extractDocument(reference(file), { sourceName: file });
    expect(ours.document.symbol).toBe("69/2025/QH15");
    expect(ours.document.type).toBe("Luật");
    expect(ours.document.issuedOn).toBe("2025-06-14");
    expect(articles(ours).length).toBeGreaterThanOrEqual(40);
    expect(articles(ours)).toEqual(articles(theirs));
    expect(articles(ours)).toContain("Điều 1");
    expect(numberedKeys(ours)).toEqual(numberedKeys(theirs));
    expect(ours.tasks.length).toBe(theirs.tasks.length);
  });

  it("the Lào Cai plan (draft): blank number kept, drawing shapes without text add nothing, its footnote appended with its citations", async () => {
    const file = "KH-UBND-Lao-Cai-2026-trien-khai-11-CT-TU_draft";
    const doc = await readDocx(real(file), context(`${file}.docx`));
    expect(doc.notes).toEqual(["1 footnote appended at the end"]);
    const lines = doc.text.split("\n");
    expect(lines).toContain("Số:           /KH-UBND");
    expect(lines.findIndex((l) => l.startsWith("ỦY BAN NHÂN DÂN"))).toBeLessThan(
      lines.indexOf("Số:           /KH-UBND"),
    );
    const footnote = lines.findIndex((l) => l.startsWith("[1] Đặc biệt: Luật Địa chất và khoáng sản"));
    expect(footnote).toBeGreaterThan(lines.findIndex((l) => l.startsWith("Nơi nhận")));
    // the body is the reference text; the footnote is extra (the reference leaves footnotes out)
    const body = nonBlank(lines.slice(0, footnote).join("\n"));
    expect([...body].sort()).toEqual([...nonBlank(reference(file))].sort());
    const ours = extractDocument(doc.text, { sourceName: file });
    const theirs = extractDocument(reference(file), { sourceName: file });
    expect(ours.document.type).toBe("Kế hoạch");
    expect(ours.document.issuer?.name).toBe("Ủy ban nhân dân tỉnh Lào Cai");
    expect(ours.tasks.map((t) => t.code)).toEqual(theirs.tasks.map((t) => t.code));
    const keys = numberedKeys(ours);
    for (const key of numberedKeys(theirs)) expect(keys).toContain(key);
    expect(keys).toContain("NQ|10-NQ/TW|2022"); // cited in the footnote only
  });
});

describe("Word's automatic numbering (numbered.docx, written with the docx package)", () => {
  it("prints the labels the runs do not hold, and the extractor builds the task tree from them", async () => {
    const bytes = fixture("numbered.docx");
    const documentXml = new TextDecoder().decode(unzipSync(bytes)["word/document.xml"]);
    expect(documentXml).toContain("Về tuổi đời");
    expect(documentXml).not.toMatch(/1\.1\.|>a\)/); // the labels live in numbering.xml only
    const doc = await readDocx(bytes, context("numbered.docx"));
    const lines = doc.text.split("\n");
    expect(lines.slice(0, 6)).toEqual([
      "BAN CHẤP HÀNH TRUNG ƯƠNG",
      "*",
      "Số 06-HD/TW",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "---------------",
      "Hà Nội, ngày 09 tháng 6 năm 2025",
    ]);
    expect(lines).toContain("- Căn cứ Điều lệ Đảng;");
    expect(lines).toContain(
      "1. Tuổi đời và trình độ học vấn của người vào Đảng ở một số trường hợp đặc biệt",
    );
    expect(lines).toContain("1.1. Về tuổi đời");
    expect(lines).toContain("1.2. Về trình độ học vấn");
    expect(lines.filter((l) => /^[ab]\) /.test(l)).map((l) => l.slice(0, 3))).toEqual(["a) ", "b) "]);
    expect(lines).toContain("2. Đảng viên phải hoàn thành tốt nhiệm vụ được giao");
    expect(lines).toContain("2.1. Nhiệm vụ được giao bao gồm:");
    expect(lines.some((l) => l.startsWith("2.2. Hoàn thành tốt nhiệm vụ"))).toBe(true);

    const parsed = extractDocument(doc.text, { sourceName: "numbered.docx" });
    expect(parsed.document.symbol).toBe("06-HD/TW");
    expect(parsed.document.type).toBe("Hướng dẫn");
    expect(parsed.document.issuedOn).toBe("2025-06-09");
    expect(parsed.tasks.map((t) => t.code)).toEqual(["1", "1.1", "1.2", "1.2.a", "1.2.b", "2", "2.1", "2.2"]);
    expect(parsed.citations.map((c) => c.symbol)).toEqual(["294-QĐ/TW"]);
  });
});

// ---- hand-written packages: what Word writes, element by element ----

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function docx(
  body: string,
  parts: { numbering?: string; styles?: string; footnotes?: string } = {},
): Uint8Array {
  const files: Zippable = {
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(ROOT_RELS),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" ` +
        `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`,
    ),
  };
  if (parts.numbering !== undefined)
    files["word/numbering.xml"] = strToU8(`<w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  if (parts.styles !== undefined)
    files["word/styles.xml"] = strToU8(`<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
  if (parts.footnotes !== undefined)
    files["word/footnotes.xml"] = strToU8(`<w:footnotes xmlns:w="${W}">${parts.footnotes}</w:footnotes>`);
  return zipSync(files);
}

const p = (text: string, pPr = ""): string =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numbered = (numId: number, ilvl: number, text: string): string =>
  p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
const lvl = (ilvl: number, fmt: string, text: string, extra = ""): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

async function textOf(bytes: Uint8Array): Promise<string> {
  return (await readDocx(bytes, context("test.docx"))).text;
}

describe("numbering formats, levels and restarts", () => {
  const abstract =
    `<w:abstractNum w:abstractNumId="0">` +
    lvl(0, "upperRoman", "%1.") +
    lvl(1, "decimal", "%2.") +
    lvl(2, "decimal", "%2.%3.") +
    lvl(3, "lowerLetter", "%4)") +
    lvl(4, "bullet", "\uf0b7") +
    `</w:abstractNum>`;

  it("upper Roman, decimal, multi-level, letters, bullets; deeper levels restart", async () => {
    const text = await textOf(
      docx(
        numbered(1, 0, "MỤC ĐÍCH, YÊU CẦU") +
          numbered(1, 1, "Mục đích") +
          numbered(1, 1, "Yêu cầu") +
          numbered(1, 2, "Về tuổi đời") +
          numbered(1, 2, "Về trình độ") +
          numbered(1, 3, "Người vào Đảng") +
          numbered(1, 3, "Trình độ học vấn") +
          numbered(1, 4, "một ý") +
          numbered(1, 0, "NHIỆM VỤ, GIẢI PHÁP") +
          numbered(1, 1, "Công tác tuyên truyền") +
          numbered(1, 2, "Tổ chức quán triệt"),
        { numbering: abstract + `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` },
      ),
    );
    expect(text.split("\n")).toEqual([
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Mục đích",
      "2. Yêu cầu",
      "2.1. Về tuổi đời",
      "2.2. Về trình độ",
      "a) Người vào Đảng",
      "b) Trình độ học vấn",
      "• một ý",
      "II. NHIỆM VỤ, GIẢI PHÁP",
      "1. Công tác tuyên truyền",
      "1.1. Tổ chức quán triệt",
    ]);
  });

  it("w:start, decimalZero, w:isLgl, w:lvlRestart 0, w:suff nothing, lists sharing a definition continue, w:startOverride restarts", async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">` +
      `<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>` +
      `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalZero"/><w:lvlText w:val="%2/"/><w:lvlRestart w:val="0"/><w:suff w:val="nothing"/></w:lvl>` +
      `</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">` +
      lvl(0, "upperRoman", "%1.") +
      lvl(1, "lowerRoman", "%1.%2.", `<w:isLgl/>`) +
      `</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
      `<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>`;
    const text = await textOf(
      docx(
        numbered(1, 0, "Phạm vi") +
          numbered(1, 1, "x") +
          numbered(1, 0, "Đối tượng") +
          numbered(1, 1, "y") +
          numbered(2, 0, "Giải thích") +
          numbered(3, 0, "Lại từ đầu") +
          numbered(4, 0, "Phần") +
          numbered(4, 1, "Mục") +
          numbered(4, 0, "Phần") +
          numbered(4, 1, "Mục"),
        { numbering },
      ),
    );
    expect(text.split("\n")).toEqual([
      "Điều 5. Phạm vi",
      "01/x",
      "Điều 6. Đối tượng",
      "02/y", // w:lvlRestart 0: never restarts
      "Điều 7. Giải thích", // another w:num of the same definition continues it
      "Điều 1. Lại từ đầu", // … unless it overrides the start
      "I. Phần",
      "1.1. Mục", // legal numbering: every level decimal
      "II. Phần",
      "2.1. Mục",
    ]);
  });

  it("numbering from a paragraph style (and the style it is based on); numId 0 removes it", async () => {
    const styles =
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="MyHeading2"><w:basedOn w:val="Heading2"/></w:style>`;
    const numbering =
      `<w:abstractNum w:abstractNumId="0">` +
      lvl(0, "decimal", "%1.", `<w:pStyle w:val="Heading1"/>`) +
      lvl(1, "decimal", "%1.%2.") +
      `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const text = await textOf(
      docx(
        p("Mục đích", `<w:pStyle w:val="Heading1"/>`) +
          p("Yêu cầu", `<w:pStyle w:val="MyHeading2"/>`) +
          p("Không số", `<w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr>`) +
          p("Nhiệm vụ", `<w:pStyle w:val="Heading1"/>`),
        { numbering, styles },
      ),
    );
    expect(text.split("\n")).toEqual(["1. Mục đích", "1.1. Yêu cầu", "Không số", "2. Nhiệm vụ"]);
  });
});

describe("what is printed and what is not", () => {
  it("drops page-number fields, field codes, deleted and hidden runs, VML fallback copies; keeps other field results, insertions, text boxes", async () => {
    const run = (t: string, rPr = ""): string =>
      `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t>${t}</w:t></w:r>`;
    const field = (instr: string, result: string): string =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const body =
      `<w:p>${run("Trang ")}${field("PAGE \\* MERGEFORMAT", "7")}${run(" / ")}<w:fldSimple w:instr="NUMPAGES">${run("12")}</w:fldSimple></w:p>` +
      `<w:p>${run("Căn cứ ")}${field("REF _Ref1 \\h", "Luật số 69/2025/QH15")}${run(";")}</w:p>` +
      `<w:p>${run("Quyết định ")}<w:del w:id="1" w:author="a"><w:r><w:delText>cũ </w:delText></w:r></w:del>` +
      `<w:ins w:id="2" w:author="a">${run("số 12/QĐ-BCT")}</w:ins>${run(" ẩn", "<w:vanish/>")}</w:p>` +
      `<w:p>${run("Khung:")}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x"><w:txbxContent>${p("Chữ trong khung")}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml"><w:txbxContent>${p("Chữ trong khung")}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${run("a")}<w:r><w:tab/></w:r>${run("b")}<w:r><w:br/></w:r>${run("c &amp; d &#273;")}</w:p>`;
    expect((await textOf(docx(body))).split("\n")).toEqual([
      "Trang  / ",
      "Căn cứ Luật số 69/2025/QH15;",
      "Quyết định số 12/QĐ-BCT",
      "Khung:",
      "Chữ trong khung",
      "a\tb",
      "c & d đ",
    ]);
  });

  it("tables: a data table row by row, one cell per line, merged continuations skipped; a 2-column layout table column by column", async () => {
    const tc = (text: string, tcPr = ""): string =>
      `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${text ? p(text) : "<w:p/>"}</w:tc>`;
    const tr = (...cells: string[]): string => `<w:tr>${cells.join("")}</w:tr>`;
    const header = `<w:tbl>${tr(tc("BỘ CÔNG THƯƠNG"), tc("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))}${tr(tc("Số: 12/QĐ-BCT"), tc("Hà Nội, ngày 05 tháng 01 năm 2026"))}</w:tbl>`;
    const data =
      `<w:tbl>${tr(tc("TT"), tc("Nhiệm vụ"), tc("Chủ trì"), tc("Thời hạn"))}` +
      `${tr(tc("1"), tc("Tuyên truyền"), tc("Sở Công Thương", `<w:vMerge w:val="restart"/>`), tc("Quý I/2026"))}` +
      `${tr(tc("2"), tc("Kiểm tra"), tc("", "<w:vMerge/>"), tc("Quý II/2026"))}</w:tbl>`;
    expect((await textOf(docx(header + p("QUYẾT ĐỊNH") + data))).split("\n")).toEqual([
      "BỘ CÔNG THƯƠNG",
      "Số: 12/QĐ-BCT",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Hà Nội, ngày 05 tháng 01 năm 2026",
      "QUYẾT ĐỊNH",
      "TT",
      "Nhiệm vụ",
      "Chủ trì",
      "Thời hạn",
      "1",
      "Tuyên truyền",
      "Sở Công Thương",
      "Quý I/2026",
      "2",
      "Kiểm tra",
      "Quý II/2026",
    ]);
  });

  it("a small 3-column data table without header or signature lines stays row by row", async () => {
    const tc = (text: string): string => `<w:tc>${p(text)}</w:tc>`;
    const tr = (...cells: string[]): string => `<w:tr>${cells.join("")}</w:tr>`;
    const table = `<w:tbl>${tr(tc("TT"), tc("Số lượng"), tc("Đơn vị"))}${tr(tc("1"), tc("05 mỏ"), tc("Sở Nông nghiệp và Môi trường"))}</w:tbl>`;
    expect((await textOf(docx(table))).split("\n")).toEqual([
      "TT",
      "Số lượng",
      "Đơn vị",
      "1",
      "05 mỏ",
      "Sở Nông nghiệp và Môi trường",
    ]);
  });

  it("reads any namespace prefix, footnotes in the order referenced", async () => {
    const bytes = zipSync({
      "[Content_Types].xml": strToU8(CONTENT_TYPES),
      "_rels/.rels": strToU8(ROOT_RELS),
      "word/document.xml": strToU8(
        `<x:document xmlns:x="${W}"><x:body><x:p><x:r><x:t>Căn cứ Luật Hóa chất</x:t></x:r>` +
          `<x:r><x:footnoteReference x:id="7"/></x:r><x:r><x:t>;</x:t></x:r></x:p></x:body></x:document>`,
      ),
      "word/footnotes.xml": strToU8(
        `<w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
          `<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Luật số 69/2025/QH15.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
      ),
    });
    const doc = await readDocx(bytes, context("ns.docx"));
    expect(doc.text).toBe("Căn cứ Luật Hóa chất;\n\n[1] Luật số 69/2025/QH15.");
    expect(doc.notes).toEqual(["1 footnote appended at the end"]);
  });
});

describe("hostile and foreign files", () => {
  it("a zip bomb is refused from its central directory, before inflating (ratio, then declared size)", async () => {
    const bomb = fixture("zip-bomb.docx");
    expect(bomb.length).toBeLessThan(100_000);
    const started = performance.now();
    const byRatio = await refusal(bomb, "zip-bomb.docx");
    expect(byRatio.code).toBe("TOO_LARGE");
    expect(byRatio.message).toMatch(/word\/document\.xml is compressed \d+:1, more than 100:1/);
    const bySize = await refusal(bomb, "zip-bomb.docx", { maxUnzippedBytes: 10 * 1024 * 1024 });
    expect(bySize.code).toBe("TOO_LARGE");
    expect(bySize.message).toMatch(/unzips to more than 10\.0 MB/);
    expect(performance.now() - started).toBeLessThan(2_000); // 50 MB was never inflated
  });

  it("an entry that inflates past the size it declares is stopped while inflating", async () => {
    const e = await refusal(fixture("lying-size.docx"), "lying-size.docx");
    expect(e.code).toBe("TOO_LARGE");
    expect(e.message).toMatch(/inflates past the 2000 bytes it declares/);
  });

  it("too many entries, too many bytes, too many characters", async () => {
    const many: Zippable = {};
    for (let i = 0; i <= 2000; i++) many[`word/media/image${i}.png`] = new Uint8Array(0);
    expect((await refusal(zipSync(many), "many.docx")).message).toMatch(
      /holds 2001 files, more than the 2000/,
    );
    const small = fixture("numbered.docx");
    expect((await refusal(small, "n.docx", { maxBytes: 1000 })).code).toBe("TOO_LARGE");
    expect((await refusal(small, "n.docx", { maxUnzippedBytes: 5000 })).code).toBe("TOO_LARGE");
    const chars = await refusal(small, "n.docx", { maxChars: 500 });
    expect(chars.code).toBe("TOO_LARGE");
    expect(chars.message).toMatch(/longer than 500 characters/);
  });

  it("empty, not a ZIP, truncated, damaged, a DOCX without its document, a DTD: clear errors", async () => {
    expect((await refusal(new Uint8Array(0), "empty.docx")).code).toBe("EMPTY");
    expect((await refusal(strToU8("Số: 12/QĐ-BCT"), "text.docx")).message).toMatch(/not a ZIP archive/);
    const truncated = await refusal(fixture("truncated.docx"), "truncated.docx");
    expect(truncated.code).toBe("CORRUPT");
    expect(truncated.message).toMatch(/truncated/);
    // the central directory intact, the compressed document damaged
    const damaged = docx(p("Căn cứ Luật Hóa chất số 69/2025/QH15 ".repeat(50)));
    const files = unzipSync(damaged);
    expect(files["word/document.xml"]).toBeDefined();
    const at = findLocalData(damaged, "word/document.xml");
    for (let i = at; i < at + 40; i++) damaged[i] = 0xff;
    expect((await refusal(damaged, "damaged.docx")).code).toBe("CORRUPT");
    const missing = await refusal(fixture("missing-document.docx"), "missing-document.docx");
    expect(missing.code).toBe("CORRUPT");
    expect(missing.message).toMatch(/word\/document\.xml is missing/);
    const dtd = zipSync({
      "[Content_Types].xml": strToU8(CONTENT_TYPES),
      "_rels/.rels": strToU8(ROOT_RELS),
      "word/document.xml": strToU8(`<!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document xmlns:w="${W}"/>`),
    });
    const refused = await refusal(dtd, "dtd.docx");
    expect(refused.code).toBe("CORRUPT");
    expect(refused.message).toMatch(/word\/document\.xml: a document type declaration/);
    const nested = docx("<w:tbl><w:tr><w:tc>".repeat(100) + p("x") + "</w:tc></w:tr></w:tbl>".repeat(100));
    expect((await refusal(nested, "nested.docx")).message).toMatch(/nested too deeply/);
    expect((await refusal(docx("<w:p/>"), "blank.docx")).code).toBe("NO_TEXT");
  });

  it("other ZIP formats are named", async () => {
    const xlsx = await refusal(fixture("spreadsheet.xlsx"), "spreadsheet.xlsx");
    expect(xlsx.code).toBe("UNSUPPORTED_FORMAT");
    expect(xlsx.message).toMatch(/Excel workbook \(XLSX\)/);
    expect((await refusal(fixture("opendocument.odt"), "opendocument.odt")).message).toMatch(
      /OpenDocument text \(ODT\)/,
    );
    const zip = await refusal(fixture("plain.zip"), "plain.zip");
    expect(zip.code).toBe("UNSUPPORTED_FORMAT");
    expect(zip.message).toMatch(/ZIP archive that is not a Word document/);
  });

  it("OLE2: an encrypted DOCX is ENCRYPTED, a legacy .doc is named; describeOle2 reads the directory", async () => {
    const encrypted = fixture("encrypted.docx");
    const legacy = fixture("legacy.doc");
    const workbook = fixture("workbook.xls");
    expect(describeOle2(encrypted)).toBe("encrypted-ooxml");
    expect(describeOle2(legacy)).toBe("legacy-doc");
    expect(describeOle2(workbook)).toBe("other");
    expect(describeOle2(fixture("numbered.docx"))).toBe("other");
    // a broken FAT: the directory entries are still found where they lie
    const broken = encrypted.slice();
    new DataView(broken.buffer).setUint32(0x30, 0x7fff, true);
    expect(describeOle2(broken)).toBe("encrypted-ooxml");
    expect((await refusal(encrypted, "encrypted.docx")).code).toBe("ENCRYPTED");
    const doc = await refusal(legacy, "legacy.doc");
    expect(doc.code).toBe("UNSUPPORTED_FORMAT");
    expect(doc.message).toBe("legacy.doc: legacy Word .doc is not supported: save it as DOCX or PDF");
    expect((await refusal(workbook, "workbook.xls")).code).toBe("UNSUPPORTED_FORMAT");
  });
});

/** Where an entry's compressed data starts (after its local header). */
function findLocalData(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 30 < zip.length; i++) {
    if (view.getUint32(i, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(i + 26, true);
    if (new TextDecoder().decode(zip.subarray(i + 30, i + 30 + nameLength)) === name)
      return i + 30 + nameLength + view.getUint16(i + 28, true);
  }
  throw new Error(`${name} not found`);
}
