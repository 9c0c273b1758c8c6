/**
 * src/sources/pdf.ts: the real born-digital PDFs of ../shared/corpus/files/pdf/ read as well as
 * pdftotext (the numbered citations the extractor finds in our text are those it finds in
 * ../shared/corpus/chains/, which pdftotext made from the same files), page numbers and running
 * headers removed, the page map and the boxes; the fixtures of make-pdf.ts (a two-page passage with
 * a running header, encrypted, truncated, zero pages, a legacy-font garbage text layer, scans with
 * a fake OCR engine); the garbage test, the layout and the furniture rules on their own.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { extractDocument } from "../../../src/extract/index.js";
import { OCR_INSTALL, ocrLines, readPdf } from "../../../src/sources/pdf.js";
import { assemble, endsWithBrokenWord, joinHyphenated } from "../../../src/sources/pdf/assemble.js";
import { isPageNumber, removeFurniture, type FurniturePage } from "../../../src/sources/pdf/furniture.js";
import { isVietnameseSyllable, judgeTextLayer } from "../../../src/sources/pdf/garbage.js";
import { layoutLines, type PageLine, type TextRun } from "../../../src/sources/pdf/layout.js";
import {
  SourceError,
  type OcrEngine,
  type ReaderContext,
  type SourceDocument,
  type SourceLimits,
} from "../../../src/sources/types.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..", "..");
const fixtures = path.join(root, "tests", "fixtures", "sources", "pdf");
const corpus = path.resolve(root, "..", "shared", "corpus");
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
const original = (name: string): Uint8Array =>
  new Uint8Array(fs.readFileSync(path.join(corpus, "files", name)));
const chainText = (name: string): string =>
  fs.readFileSync(path.join(corpus, "chains", `${name}.txt`), "utf8");

const limits: SourceLimits = {
  maxBytes: 50_000_000,
  maxPages: 1000,
  maxChars: 5_000_000,
  maxPixels: 100_000_000,
  maxUnzippedBytes: 200_000_000,
  ocrPageTimeoutMs: 60_000,
};

function context(
  name: string,
  ocr: OcrEngine | null = null,
  extra: Partial<SourceLimits> = {},
  progress: string[] = [],
): ReaderContext {
  return { name, limits: { ...limits, ...extra }, ocr, onProgress: (m) => progress.push(m) };
}

async function refusal(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error("expected a SourceError");
}

/** A deterministic OCR engine: says which page it was shown, and records its calls. */
function fakeOcr(confidence = 88.4): OcrEngine & {
  rendered: { page: number; dpi: number }[];
  timeouts: (number | undefined)[];
} {
  const rendered: { page: number; dpi: number }[] = [];
  const timeouts: (number | undefined)[] = [];
  return {
    version: "tesseract 5.3.0",
    language: "vie",
    rendered,
    timeouts,
    async renderPdfPage(pdf: Uint8Array, page: number, dpi: number): Promise<Uint8Array> {
      expect(pdf.subarray(0, 5)).toEqual(new TextEncoder().encode("%PDF-"));
      rendered.push({ page, dpi });
      return new Uint8Array([0x89, 0x50, 0x4e, 0x47, page]);
    },
    async recognise(image: Uint8Array, options?: { timeoutMs?: number }) {
      timeouts.push(options?.timeoutMs);
      const page = image[4] ?? 0;
      return {
        text: `${page}\n\nTrang ảnh số ${page}: căn cứ Nghị định số 105/2025/NĐ-CP\nvà Luật số 55/2024/QH15\n\n- ${page} -\n`,
        confidence,
      };
    },
  };
}

function symbols(text: string, name: string): string[] {
  return extractDocument(text, { sourceName: name })
    .citations.map((c) => c.symbol)
    .sort();
}

/** Every page's span, in order, covering the whole text; every box inside its page and its line. */
function checkMap(doc: SourceDocument): void {
  const pages = doc.pages!;
  expect(pages[0]!.start).toBe(0);
  pages.forEach((p, i) => {
    expect(p.page).toBe(i + 1);
    expect(p.end).toBeGreaterThanOrEqual(p.start);
    if (i > 0) expect(p.start).toBe(pages[i - 1]!.end);
  });
  expect(pages[pages.length - 1]!.end).toBe(doc.text.length);
  for (const box of doc.boxes ?? []) {
    const page = pages[box.page - 1]!;
    expect(box.start).toBeGreaterThanOrEqual(page.start);
    expect(box.end).toBeLessThanOrEqual(page.end);
    expect(box.end).toBeGreaterThan(box.start);
    expect(doc.text.slice(box.start, box.end)).not.toContain("\n");
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(page.width! + 1);
    expect(box.y + box.height).toBeLessThanOrEqual(page.height! + 1);
  }
}

function pageOf(doc: SourceDocument, offset: number): number {
  return doc.pages!.find((p) => offset >= p.start && offset < p.end)!.page;
}

describe("readPdf on the real born-digital PDFs", () => {
  const cases = [
    { file: "294-QD-TW-2025", pages: 35, key: "QĐi|294-QĐ/TW" },
    { file: "06-HD-TW-2025", pages: 33, key: "HD|06-HD/TW|2025" },
    { file: "1074-QD-BXD-2026", pages: 2, key: "QĐ|1074/QĐ-BXD|2026" },
    { file: "7432-UBND-XD-2026", pages: 2, key: "VB|7432/UBND-XD|2026" },
  ];
  for (const c of cases) {
    it(`${c.file}: the citations of the pdftotext copy, with the same symbols, and a page map`, async () => {
      const progress: string[] = [];
      const doc = await readPdf(original(`pdf/${c.file}.pdf`), context(`${c.file}.pdf`, null, {}, progress));
      expect(doc.mediaType).toBe("application/pdf");
      expect(doc.method).toBe("pdf-text");
      expect(doc.pages).toHaveLength(c.pages);
      expect(doc.pages!.every((p) => p.method === "pdf-text")).toBe(true);
      expect(progress[0]).toBe(`page 1 of ${c.pages}`);
      expect(progress).toContain(`page ${c.pages} of ${c.pages}`);
      checkMap(doc);
      const reference = chainText(c.file);
      const ours = symbols(doc.text, `${c.file}.pdf`);
      expect(ours).toEqual(symbols(reference, `${c.file}.txt`));
      expect(extractDocument(doc.text).document.key.startsWith(c.key)).toBe(true);
      // every long line of the pdftotext copy is in our text, on the same page
      const refPages = reference.split("\f");
      let checked = 0;
      refPages.forEach((pageText, i) => {
        for (const line of pageText.split("\n")) {
          if (line.length < 60 || checked > 400) continue;
          const at = doc.text.indexOf(line.trim());
          expect(at, line).toBeGreaterThanOrEqual(0);
          if (doc.text.indexOf(line.trim(), at + 1) < 0) expect(pageOf(doc, at), line).toBe(i + 1);
          checked++;
        }
      });
      expect(checked).toBeGreaterThan(20);
      // one box a line at least
      const lines = doc.text.split("\n").filter((l) => l.trim().length > 0).length;
      expect(doc.boxes!.length).toBeGreaterThanOrEqual(lines);
    });
  }

  it("06-HD/TW: its 32 page numbers are gone, nothing else", async () => {
    const doc = await readPdf(original("pdf/06-HD-TW-2025.pdf"), context("06-HD-TW-2025.pdf"));
    expect(doc.text.split("\n").filter((l) => /^\s*\d{1,3}\s*$/.test(l))).toEqual([]);
    expect(doc.notes.join(" ")).toContain("32 page number(s)");
    const words = (t: string): number => t.split(/\s+/).filter((w) => w.length > 0).length;
    // pdftotext's copy has the 32 numbers in it
    expect(words(chainText("06-HD-TW-2025")) - words(doc.text)).toBe(32);
  });

  it("294-QĐ/TW: the two-cell header read cell by cell, paragraphs kept, a quote's page and box", async () => {
    const doc = await readPdf(original("pdf/294-QD-TW-2025.pdf"), context("294.pdf"));
    expect(doc.text.startsWith("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 294-QĐ/TW\n\nĐẢNG CỘNG SẢN")).toBe(true);
    expect(doc.text).toContain("\n\n1.1. Về tuổi đời.\n\n");
    const quote = "Quyền của đảng viên trong việc phê bình, chất vấn tổ chức đảng và đảng viên";
    const at = doc.text.indexOf(quote);
    expect(pageOf(doc, at)).toBe(2);
    const box = doc.boxes!.find((b) => b.start <= at && at < b.end)!;
    expect(box.page).toBe(2);
    expect(box.x).toBeCloseTo(72, 0);
    expect(box.y).toBeGreaterThan(100);
    expect(box.y).toBeLessThan(300);
    expect(box.height).toBeCloseTo(12, 0);
  });

  it("7432/UBND-XD: the number and day stamped by signature widgets are read", async () => {
    const doc = await readPdf(original("pdf/7432-UBND-XD-2026.pdf"), context("7432.pdf"));
    expect(doc.text).toContain("Số: 7432/UBND-XD");
    expect(doc.text).toContain("Lào Cai, ngày 21 tháng 7 năm 2026");
    const at = doc.text.indexOf("7432");
    const box = doc.boxes!.find((b) => b.start <= at && at < b.end)!;
    expect(box.page).toBe(1);
    expect(box.y).toBeLessThan(130);
  });

  it("the scan with an OCR layer reads as a text layer, with its OCR errors", async () => {
    const doc = await readPdf(original("pdf/24-HDLN-2026_scan-with-ocr-layer.pdf"), context("24-HDLN.pdf"));
    expect(doc.method).toBe("pdf-text");
    expect(doc.text).toContain("250/2025/NĐ-CP");
    expect(doc.notes).toContain(
      "page 2: Cyrillic or Greek letters inside Latin words (an OCR text layer?): symbols there may be damaged",
    );
  });

  it("a scan: OCR_UNAVAILABLE naming the file, the pages and the install line", async () => {
    const error = await refusal(
      readPdf(original("scanned/2338-QD-UBND-Lao-Cai-2026.pdf"), context("2338.pdf")),
    );
    expect(error.code).toBe("OCR_UNAVAILABLE");
    expect(error.message).toContain("2338.pdf");
    expect(error.message).toContain("7 of 7 page(s) need OCR");
    expect(error.message).toContain(OCR_INSTALL);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it("2265/BCT-ATMT: a signature stamp is not a text layer; the pages go to OCR", async () => {
    const error = await refusal(readPdf(original("scanned/2265-BCT-ATMT-2026.pdf"), context("2265.pdf")));
    expect(error.code).toBe("OCR_UNAVAILABLE");
    expect(error.message).toContain("3 of 3 page(s)");
    const ocr = fakeOcr(71.5);
    const doc = await readPdf(original("scanned/2265-BCT-ATMT-2026.pdf"), context("2265.pdf", ocr));
    expect(doc.method).toBe("ocr");
    expect(doc.text).not.toContain("Ký bởi");
    expect(doc.notes).toContain(
      "page 1: its only text is a digital-signature stamp; read by OCR (confidence 71.5)",
    );
    expect(doc.notes).toContain("page 2: it has no text layer; read by OCR (confidence 71.5)");
    expect(ocr.rendered.map((r) => r.page)).toEqual([1, 2, 3]);
    expect(doc.ocr).toMatchObject({ engine: "tesseract", confidence: 71.5, pages: [1, 2, 3] });
  });

  it("limits: pages are counted before any page is read, characters while reading", async () => {
    const progress: string[] = [];
    const pages = await refusal(
      readPdf(original("pdf/294-QD-TW-2025.pdf"), context("294.pdf", null, { maxPages: 10 }, progress)),
    );
    expect(pages.code).toBe("TOO_LARGE");
    expect(pages.message).toContain("35 pages");
    expect(progress).toEqual([]);
    const chars = await refusal(
      readPdf(original("pdf/294-QD-TW-2025.pdf"), context("294.pdf", null, { maxChars: 5000 }, progress)),
    );
    expect(chars.code).toBe("TOO_LARGE");
    expect(progress.length).toBeLessThan(10);
  });

  it("limits: reading stops with TIMEOUT once its time budget is spent, between pages", async () => {
    const progress: string[] = [];
    const error = await refusal(
      readPdf(original("pdf/294-QD-TW-2025.pdf"), context("294.pdf", null, { maxReadMs: 0 }, progress)),
    );
    expect(error.code).toBe("TIMEOUT");
    expect(error.message).toMatch(
      /^294\.pdf: reading the text layer took over 0 s \(stopped at page \d+ of 35\)$/,
    );
    expect(progress.length).toBeLessThan(35);
  });

  it("the first half of a real PDF is CORRUPT", async () => {
    const bytes = original("pdf/294-QD-TW-2025.pdf");
    const error = await refusal(
      readPdf(bytes.subarray(0, Math.floor(bytes.length / 2)), context("half.pdf")),
    );
    expect(error.code).toBe("CORRUPT");
    expect(error.message).toContain("half.pdf");
  });

  it("pdfjs stays quiet", async () => {
    const spies = (["log", "warn", "error", "info"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    try {
      await readPdf(original("pdf/7432-UBND-XD-2026.pdf"), context("7432.pdf"));
      await refusal(readPdf(fixture("truncated.pdf"), context("truncated.pdf")));
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe("readPdf on the generated fixtures", () => {
  it("two-page.pdf: running header and page numbers removed, hyphenation joined, page map", async () => {
    const doc = await readPdf(fixture("two-page.pdf"), context("two-page.pdf"));
    expect(doc.text).not.toContain("Quyết định số 1074/QĐ-BXD của Bộ Xây dựng");
    expect(doc.text).not.toMatch(/^- \d -$/m);
    expect(doc.notes.join(" ")).toContain("2 running header/footer line(s) and 2 page number(s)");
    expect(doc.text).toContain("không có khả năng khắc phục theo các tiêu chuẩn");
    expect(doc.text.startsWith("BỘ XÂY DỰNG\nSố: 1074/QĐ-BXD\n\nCỘNG HÒA XÃ HỘI")).toBe(true);
    expect(doc.text).toContain("\n\nBỘ TRƯỞNG BỘ XÂY DỰNG\n\n");
    expect(symbols(doc.text, "two-page.pdf")).toEqual([
      "105/2025/NĐ-CP",
      "235/QĐ-TTg",
      "33/2025/NĐ-CP",
      "55/2024/QH15",
      "64/2025/QH15",
      "87/2025/QH15",
    ]);
    checkMap(doc);
    expect(pageOf(doc, doc.text.indexOf("55/2024/QH15"))).toBe(1);
    expect(pageOf(doc, doc.text.indexOf("235/QĐ-TTg"))).toBe(2);
    expect(doc.pages!.map((p) => [p.width, p.height])).toEqual([
      [595.28, 841.89],
      [595.28, 841.89],
    ]);
    const at = doc.text.indexOf("QUYẾT ĐỊNH");
    const box = doc.boxes!.find((b) => b.start === at)!;
    expect(box).toMatchObject({ page: 1, x: 250, y: 160, height: 13 });
    expect(doc.text.slice(box.start, box.end)).toBe("QUYẾT ĐỊNH");
  });

  it("encrypted.pdf is ENCRYPTED", async () => {
    const error = await refusal(readPdf(fixture("encrypted.pdf"), context("encrypted.pdf")));
    expect(error.code).toBe("ENCRYPTED");
    expect(error.message).toBe("encrypted.pdf: the PDF is password-protected");
  });

  it("truncated.pdf is CORRUPT, no-pages.pdf NO_PAGES, bad bytes refused before pdfjs", async () => {
    expect((await refusal(readPdf(fixture("truncated.pdf"), context("t.pdf")))).code).toBe("CORRUPT");
    expect((await refusal(readPdf(fixture("no-pages.pdf"), context("n.pdf")))).code).toBe("NO_PAGES");
    expect((await refusal(readPdf(new Uint8Array(), context("e.pdf")))).code).toBe("EMPTY");
    const notPdf = new TextEncoder().encode("PK\u0003\u0004 not a pdf at all");
    expect((await refusal(readPdf(notPdf, context("x.pdf")))).code).toBe("CORRUPT");
    const big = await refusal(readPdf(fixture("two-page.pdf"), context("b.pdf", null, { maxBytes: 1000 })));
    expect(big.code).toBe("TOO_LARGE");
  });

  it("legacy-font.pdf: a TCVN3 text layer is GARBAGE_TEXT without OCR, recognised with it", async () => {
    const error = await refusal(readPdf(fixture("legacy-font.pdf"), context("legacy.pdf")));
    expect(error.code).toBe("GARBAGE_TEXT");
    expect(error.message).toContain("legacy.pdf");
    expect(error.message).toContain("not Vietnamese text");
    expect(error.message).toContain(OCR_INSTALL);
    const ocr = fakeOcr();
    const doc = await readPdf(fixture("legacy-font.pdf"), context("legacy.pdf", ocr));
    expect(doc.method).toBe("ocr");
    expect(doc.text).not.toContain("nh©n");
    expect(doc.text).toContain("Trang ảnh số 1");
    expect(doc.notes.join(" ")).toContain("garbage");
  });

  it("scan.pdf: both pages rendered at 300 dpi and recognised, a lone page number dropped", async () => {
    const progress: string[] = [];
    const error = await refusal(readPdf(fixture("scan.pdf"), context("scan.pdf")));
    expect(error.code).toBe("OCR_UNAVAILABLE");
    expect(error.message).toBe(
      `scan.pdf: 2 of 2 page(s) need OCR (no text layer: page 1, 2); OCR is not installed: ${OCR_INSTALL}`,
    );
    const ocr = fakeOcr(90);
    const doc = await readPdf(fixture("scan.pdf"), context("scan.pdf", ocr, {}, progress));
    expect(ocr.rendered).toEqual([
      { page: 1, dpi: 300 },
      { page: 2, dpi: 300 },
    ]);
    expect(ocr.timeouts).toEqual([60_000, 60_000]);
    expect(progress).toEqual([
      "page 1 of 2",
      "page 2 of 2",
      "OCR page 1 of 2 (page 1 of 2)",
      "OCR page 2 of 2 (page 2 of 2)",
    ]);
    expect(doc.method).toBe("ocr");
    expect(doc.pages!.map((p) => [p.method, p.confidence])).toEqual([
      ["ocr", 90],
      ["ocr", 90],
    ]);
    expect(doc.ocr).toEqual({
      engine: "tesseract",
      version: "tesseract 5.3.0",
      language: "vie",
      confidence: 90,
      pages: [1, 2],
    });
    expect(doc.text).toBe(
      "Trang ảnh số 1: căn cứ Nghị định số 105/2025/NĐ-CP\nvà Luật số 55/2024/QH15\n" +
        "Trang ảnh số 2: căn cứ Nghị định số 105/2025/NĐ-CP\nvà Luật số 55/2024/QH15\n",
    );
    expect(doc.boxes).toEqual([]);
    checkMap(doc);
    expect(doc.notes.join("\n")).toContain("page 2: its only text is a digital-signature stamp");
  });

  it("mixed.pdf: a text page and a scanned page are pdf-text+ocr", async () => {
    const ocr = fakeOcr(80);
    const doc = await readPdf(fixture("mixed.pdf"), context("mixed.pdf", ocr));
    expect(doc.method).toBe("pdf-text+ocr");
    expect(doc.pages!.map((p) => p.method)).toEqual(["pdf-text", "ocr"]);
    expect(ocr.rendered).toEqual([{ page: 2, dpi: 300 }]);
    expect(pageOf(doc, doc.text.indexOf("33/2025/NĐ-CP"))).toBe(1);
    expect(pageOf(doc, doc.text.indexOf("Trang ảnh số 2"))).toBe(2);
    expect(doc.boxes!.every((b) => b.page === 1)).toBe(true);
    checkMap(doc);
  });

  it("OCR failures: a SourceError passes through, anything else is NO_TEXT naming the page", async () => {
    const timeout: OcrEngine = {
      ...fakeOcr(),
      async recognise() {
        throw new SourceError("TIMEOUT", "scan.pdf: OCR of a page ran past 60000 ms");
      },
    };
    expect((await refusal(readPdf(fixture("scan.pdf"), context("scan.pdf", timeout)))).code).toBe("TIMEOUT");
    const broken: OcrEngine = {
      ...fakeOcr(),
      async renderPdfPage() {
        throw new Error("pdftoppm exited with 99");
      },
    };
    const error = await refusal(readPdf(fixture("scan.pdf"), context("scan.pdf", broken)));
    expect(error.code).toBe("NO_TEXT");
    expect(error.message).toBe("scan.pdf: OCR of page 1 failed (pdftoppm exited with 99)");
  });

  it("an OCR engine that finds nothing: NO_TEXT", async () => {
    const blank: OcrEngine = {
      ...fakeOcr(),
      async recognise() {
        return { text: " \n\n", confidence: 0 };
      },
    };
    const error = await refusal(readPdf(fixture("scan.pdf"), context("scan.pdf", blank)));
    expect(error.code).toBe("NO_TEXT");
  });
});

describe("the garbage test", () => {
  it("passes real Vietnamese text, a chemical annex in English and a form with dot leaders", () => {
    const pages = chainText("294-QD-TW-2025").split("\f");
    for (const page of pages) expect(judgeTextLayer(page).garbage).toBe(false);
    expect(
      judgeTextLayer(
        "Allyl glycidyl ether\nAllyl glycidyl ete\n106-92-3\nC6H10O2\n16.\nAllyl isothiocyanate\n" +
          "Allyl isotioxyanat\n57-06-7\nC4H5NS\nBenz(a) anthracene (1,2-Benzoanthracene)",
      ).garbage,
    ).toBe(false);
    expect(
      judgeTextLayer("Họ và tên: ......................................... Ngày sinh: .............").garbage,
    ).toBe(false);
  });

  it("fails TCVN3 and VNI read as Latin-1, private-use and replacement characters, noise", () => {
    const tcvn3 = judgeTextLayer("uû ban nh©n d©n tØnh Lµo Cai\nCéng hßa x· héi chñ nghÜa ViÖt Nam");
    expect(tcvn3.garbage).toBe(true);
    expect(tcvn3.reason).toMatch(/% of its characters are not Vietnamese text/);
    expect(judgeTextLayer("UÛy ban nhaân daân tænh, Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam").garbage).toBe(
      true,
    );
    expect(judgeTextLayer("\uE001\uE002\uE003 \uE004\uE005 \uE006\uE007\uE008\uE009").garbage).toBe(true);
    expect(judgeTextLayer("\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD \uFFFDa\uFFFD").garbage).toBe(true);
    const noise = judgeTextLayer("Fkqvj xzmw qprt bnmk, trlk vvc qzx mnbq wrtp tyqx qwzc zxcv");
    expect(noise.garbage).toBe(true);
    expect(noise.reason).toMatch(/words/);
    expect(judgeTextLayer("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ !#$%&'()*+,-./<=>?@[]^_").garbage).toBe(true);
  });

  it("knows Vietnamese syllables", () => {
    for (const w of ["nghiêng", "Đảng", "quyết", "khuỷu", "giữ", "phường", "ươm", "chuyển"])
      expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ["xzmw", "pháttriển", "strlen", "nh©n", "ảá"])
      expect(isVietnameseSyllable(w), w).toBe(false);
  });
});

describe("lines, hyphens and furniture", () => {
  const run = (str: string, x: number, top: number, width: number, height = 12): TextRun => ({
    str,
    x,
    top,
    width,
    height,
  });

  it("sorts runs by line then x, spaces only where there is a gap, drops a doubled (fake bold) run", () => {
    const lines = layoutLines([
      run("Điều 2.", 72, 100, 40),
      run("Số 294", 72, 80, 34),
      run("-", 106, 80, 4),
      run("QĐ/TW", 110, 80, 39),
      run("Quyết định", 115, 100, 60),
      run("Quyết định", 115.3, 100.2, 60),
      run("1", 176, 97, 4, 7), // a footnote mark, raised
    ]);
    expect(lines.map((l) => l.text)).toEqual(["Số 294-QĐ/TW", "Điều 2. Quyết định1"]);
    expect(lines[1]).toMatchObject({ x: 72, y: 97, height: 15 });
  });

  it("reads two cells side by side cell by cell, and marks paragraphs", () => {
    const lines = layoutLines([
      run("BỘ XÂY DỰNG", 95, 70, 90, 13),
      run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 280, 70, 270, 13),
      run("Độc lập - Tự do - Hạnh phúc", 315, 87, 180, 13),
      run("Số: 1074/QĐ-BXD", 80, 105, 110, 13),
      run("Hà Nội, ngày 29 tháng 6 năm 2026", 305, 105, 210, 13),
      run("QUYẾT ĐỊNH", 250, 160, 80, 13),
      run("Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ", 50, 185, 400, 12),
      run("ngày 29 tháng 11 năm 2024;", 50, 199, 150, 12),
    ]);
    expect(lines.map((l) => (l.paragraph ? "¶ " : "") + l.text)).toEqual([
      "BỘ XÂY DỰNG",
      "Số: 1074/QĐ-BXD",
      "¶ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Hà Nội, ngày 29 tháng 6 năm 2026",
      "¶ QUYẾT ĐỊNH",
      "¶ Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
      "ngày 29 tháng 11 năm 2024;",
    ]);
  });

  it("a marker before a tab is not a cell", () => {
    const lines = layoutLines([
      run("a)", 72, 100, 10),
      run("Tham mưu cho Ban Thường vụ", 120, 100, 200),
      run("b)", 72, 114, 10),
      run("Chủ trì, phối hợp", 120, 114, 120),
    ]);
    expect(lines.map((l) => l.text)).toEqual(["a) Tham mưu cho Ban Thường vụ", "b) Chủ trì, phối hợp"]);
  });

  it("joins a word broken by a hyphen at a line's end, and only that", () => {
    expect(endsWithBrokenWord("không có khả năng khắc-", "phục theo")).toBe(true);
    expect(joinHyphenated("khắc", "phục theo")).toBe("khắc phục theo");
    expect(joinHyphenated("chuyể", "n đổi số")).toBe("chuyển đổi số");
    expect(joinHyphenated("docu", "ment")).toBe("document");
    expect(endsWithBrokenWord("kinh tế -", "xã hội")).toBe(false);
    expect(endsWithBrokenWord("Quy định số 294-", "QĐ/TW")).toBe(false);
    expect(endsWithBrokenWord("giai đoạn 2021-", "2025")).toBe(false);
    const line = (text: string, paragraph = false): PageLine => ({
      text,
      x: 72,
      y: 0,
      width: 100,
      height: 12,
      paragraph,
    });
    const out = assemble([
      { page: 1, width: 612, height: 792, method: "pdf-text", boxed: true, lines: [line("phát-")] },
      {
        page: 2,
        width: 612,
        height: 792,
        method: "pdf-text",
        boxed: true,
        lines: [line("triển kinh tế"), line("Điều 2.", true)],
      },
    ]);
    expect(out.text).toBe("phát triển kinh tế\n\nĐiều 2.\n");
    expect(out.pages.map((p) => [p.start, p.end])).toEqual([
      [0, 5],
      [5, out.text.length],
    ]);
    expect(out.boxes.map((b) => out.text.slice(b.start, b.end))).toEqual([
      "phát",
      "triển kinh tế",
      "Điều 2.",
    ]);
  });

  it("knows page numbers", () => {
    for (const t of ["1", "- 2 -", "– 12 –", "Trang 3", "trang 4", "3/35", "Page 7 of 9", "12"])
      expect(isPageNumber(t), t).toBe(true);
    for (const t of ["1.", "Điều 3", "2.1.", "a)", "294-QĐ/TW", "12345"])
      expect(isPageNumber(t), t).toBe(false);
  });

  it("removes a running header at the same place on most pages, page numbers and stamps", () => {
    const line = (text: string, y: number): PageLine => ({
      text,
      x: 200,
      y,
      width: 200,
      height: 10,
      paragraph: false,
    });
    const pages: FurniturePage[] = [1, 2, 3, 4].map((n) => ({
      height: 792,
      lines: [
        line(`Hướng dẫn 06-HD/TW, trang ${n}`, 30),
        line(`Nội dung trang ${n}, dòng đầu`, 150),
        line("Nội dung giống nhau ở mọi trang", 400),
        line(`- ${n} -`, 760),
      ],
    }));
    // an article heading at the same place on every page is the body, not a running header
    for (const p of pages) p.lines.splice(1, 0, line(`Điều ${p.lines.length}.`, 80));
    pages[3]!.lines.push(
      line("Ký bởi: Văn phòng Trung ương Đảng", 770),
      line("Thời gian ký: 09.06.2025", 780),
    );
    const removed = removeFurniture(pages);
    expect(removed).toMatchObject({ running: 4, pageNumbers: 4, stamps: 2 });
    expect(pages.map((p) => p.lines.map((l) => l.text))).toEqual(
      [1, 2, 3, 4].map((n) => [
        "Điều 4.",
        `Nội dung trang ${n}, dòng đầu`,
        "Nội dung giống nhau ở mọi trang",
      ]),
    );
  });

  it("OCR text: blank lines are paragraphs, a lone page number and a stamp go", () => {
    const lines = ocrLines(
      "- 3 -\n\nĐiều 5. Hiệu lực\n\n\nKý bởi: Bộ Công Thương\nCơ quan: Bộ Công Thương\nNội dung\n4\n",
    );
    expect(lines.map((l) => (l.paragraph ? "¶ " : "") + l.text)).toEqual(["Điều 5. Hiệu lực", "Nội dung"]);
    const more = ocrLines("Điều 5. Hiệu lực\n\nQuyết định này có hiệu lực\n");
    expect(more.map((l) => (l.paragraph ? "¶ " : "") + l.text)).toEqual([
      "Điều 5. Hiệu lực",
      "¶ Quyết định này có hiệu lực",
    ]);
  });
});
