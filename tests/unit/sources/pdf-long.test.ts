import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { sourceLimits } from "../../../src/config/limits.js";
import { readPdf } from "../../../src/sources/pdf.js";

// A PDF of 1,000 pages (issue #18, bad input): read page by page, each page released before the
// next (the memory it takes is measured in bench/pdf-read.ts, not asserted here), with a page map
// of every page and progress for each.

async function thousandPages(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 1000; i++) {
    const page = pdf.addPage([300, 200]);
    page.drawText(`Section ${i}`, { x: 20, y: 150, size: 10, font });
    page.drawText(`Item ${i} of the register, number ${1000 + i}.`, { x: 20, y: 130, size: 10, font });
  }
  return pdf.save();
}

describe("a PDF of 1,000 pages", () => {
  it("is read whole, one page at a time, with its page map and progress", async () => {
    const bytes = await thousandPages();
    const progress: string[] = [];
    const doc = await readPdf(bytes, {
      name: "register.pdf",
      limits: { ...sourceLimits },
      ocr: null,
      onProgress: (m) => progress.push(m),
    });
    expect(doc.pages).toHaveLength(1000);
    expect(progress.filter((m) => /^page \d+ of 1000$/.test(m))).toHaveLength(1000);
    const page = doc.pages![736]!;
    expect(page.page).toBe(737);
    expect(doc.text.slice(page.start, page.end)).toContain("Item 737 of the register, number 1737.");
    // pages follow each other and cover the text
    for (let k = 1; k < doc.pages!.length; k++) expect(doc.pages![k]!.start).toBe(doc.pages![k - 1]!.end);
    expect(doc.pages![999]!.end).toBe(doc.text.length);
  }, 120_000);
});
