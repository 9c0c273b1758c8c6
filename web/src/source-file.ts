import { h } from "./dom.js";
import { lang, t, type LabelKey } from "./i18n.js";

/** What the API says of an original file (Document.sourceFile, or `source` of POST /documents). */
export interface SourceFacts {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  pageCount?: number | null;
  method: string;
  ocrEngine?: string | null;
  ocrConfidence?: number | null;
  downloadUrl?: string | null;
}

/** A page of the original and the part of the text (UTF-16 offsets, end exclusive) read from it. */
export interface PageRange {
  page: number;
  start: number;
  end: number;
  method?: string;
  confidence?: number | null;
}

/** How the text was obtained (SourceFile.method), as said on the page; an unknown method as it is. */
const methodLabels: Record<string, LabelKey> = {
  text: "method_text",
  json: "method_json",
  html: "method_html",
  "pdf-text": "method_pdf-text",
  "pdf-text+ocr": "method_pdf-text+ocr",
  ocr: "method_ocr",
  docx: "method_docx",
};

export function methodLabel(method: string): string {
  const key = methodLabels[method];
  return key ? t(key) : method;
}

/** The page a text offset falls on (the first page whose range holds it); null without pages. */
export function pageAt(pages: readonly PageRange[] | null | undefined, offset: number): number | null {
  if (!pages?.length) return null;
  for (const range of pages) if (offset >= range.start && offset < range.end) return range.page;
  // an offset at the very end of the text belongs to the last page
  const last = pages[pages.length - 1]!;
  return offset === last.end ? last.page : null;
}

/** 22213 → "21,7 kB" (vi) / "21.7 kB" (en). */
export function formatSize(bytes: number): string {
  const format = (value: number, unit: string) =>
    `${value.toLocaleString(lang() === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 })} ${unit}`;
  if (bytes < 1024) return format(bytes, "B");
  if (bytes < 1024 * 1024) return format(bytes / 1024, "kB");
  return format(bytes / (1024 * 1024), "MB");
}

/**
 * The link that opens a PDF original in the browser's viewer at a page (`?inline=1#page=N`); null
 * for anything but a PDF, which a browser cannot open at a page.
 */
export function originalAtPageHref(file: SourceFacts, page: number): string | null {
  if (file.mediaType !== "application/pdf" || !file.downloadUrl) return null;
  return `${file.downloadUrl}?inline=1#page=${page}`;
}

export function openAtPageLink(file: SourceFacts, page: number): HTMLAnchorElement | null {
  const link = originalAtPageHref(file, page);
  return link
    ? h(
        "a",
        { href: link, class: "open-at-page", target: "_blank", rel: "noopener", "data-page": page },
        t("openAtPage", { page }),
      )
    : null;
}

/** The facts of a source file as rows of a definition list: format, how the text was read, pages, OCR. */
export function sourceFactRows(file: SourceFacts): Array<[string, Node | string]> {
  const rows: Array<[string, Node | string]> = [
    [t("fileName"), file.name],
    [t("format"), file.mediaType],
    [t("size"), formatSize(file.size)],
    [t("textFrom"), methodLabel(file.method)],
  ];
  if (file.pageCount != null) rows.push([t("pages"), String(file.pageCount)]);
  if (file.ocrEngine) rows.push([t("ocrEngine"), file.ocrEngine]);
  if (file.ocrConfidence != null) rows.push([t("ocrConfidence"), `${file.ocrConfidence.toFixed(1)} / 100`]);
  rows.push([t("sha256"), h("code", { class: "hash" }, file.sha256)]);
  return rows;
}
