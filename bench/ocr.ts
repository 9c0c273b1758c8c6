/**
 * Scanned vs text (issue #18, "Tests and figures"): the born-digital PDFs of
 * ../shared/corpus/files/pdf/ have a text layer, and a scan of them can be made by rasterising each
 * page. In one run, for each document:
 * - its text layer by poppler's pdftotext (per page, and the whole document timed for pages/s);
 * - each page rendered by pdftoppm at 300 dpi (and 200 dpi) and recognised by tesseract (vie),
 *   through src/sources/ocr.ts, one page at a time, one core (OMP_THREAD_LIMIT=1);
 * - the character error rate of the OCR against the text layer: Levenshtein distance over
 *   normalised text (NFC, whitespace collapsed to one space), page by page, summed, over the
 *   text layer's length;
 * - the numbered citations extractDocument finds in the OCR text against those it finds in the text
 *   layer: the share of the text copy's distinct citation keys found with the same key in the scan
 *   (goal ≥ 0.95), and the citations lost, with the OCR lines where their number appears;
 * - pages per second, and peak memory: this process's maxRSS, and the children's (tesseract,
 *   pdftoppm) peak resident set from /proc/<pid>/status VmHWM, polled while each runs.
 *
 * With --rendered, four chain texts rich in citations (../shared/corpus/chains/) are also set on A4
 * by pdf-lib here and measured the same way at the first dpi: the real PDFs hold few numbered
 * citations (294-QĐ/TW cites none).
 *
 *   npx tsx bench/ocr.ts [--pages N] [--dpi 300,200] [--rendered] [--write]
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { extractDocument } from "../src/extract/index.js";
import { findOcrEngine, ocrInstallHint } from "../src/sources/ocr.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const pdfDir = path.join(here, "..", "..", "shared", "corpus", "files", "pdf");
const DOCUMENTS = [
  "294-QD-TW-2025.pdf",
  "06-HD-TW-2025.pdf",
  "1074-QD-BXD-2026.pdf",
  "7432-UBND-XD-2026.pdf",
];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const pageLimit = argValue("--pages") === undefined ? Infinity : Number(argValue("--pages"));
const dpis = (argValue("--dpi") ?? "300,200").split(",").map(Number);
const write = process.argv.includes("--write");
const withRendered = process.argv.includes("--rendered");
/**
 * --rendered: chain texts rich in numbered citations, set by pdf-lib on A4 in DejaVu Sans 11 pt
 * (our own born-digital PDFs), scanned like the others at the first dpi only.
 */
const RENDERED = [
  "26-2026-ND-CP.txt",
  "HD-BTCTU-Ha-Noi-2025-11.txt",
  "38-HD-BTCTW-2025.txt",
  "KH-UBND-Lao-Cai-2026-trien-khai-11-CT-TU_draft.txt",
];
const chainDir = path.join(here, "..", "..", "shared", "corpus", "chains");
const fontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/** A text set on A4 pages (margins 2 cm, 11 pt, lines wrapped at word boundaries). */
async function renderText(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const face = await pdf.embedFont(fs.readFileSync(fontFile), { subset: true });
  const [width, height, margin, size, leading] = [595.28, 841.89, 57, 11, 15];
  const room = width - 2 * margin;
  const wrapped: string[] = [];
  for (const line of text.split("\n")) {
    let current = "";
    for (const word of line.split(/\s+/).filter((w) => w.length > 0)) {
      const next = current.length === 0 ? word : `${current} ${word}`;
      if (current.length > 0 && face.widthOfTextAtSize(next, size) > room) {
        wrapped.push(current);
        current = word;
      } else current = next;
    }
    wrapped.push(current);
  }
  const perPage = Math.floor((height - 2 * margin) / leading);
  for (let i = 0; i < wrapped.length; i += perPage) {
    const page = pdf.addPage([width, height]);
    wrapped.slice(i, i + perPage).forEach((line, k) => {
      if (line.length > 0)
        page.drawText(line, { x: margin, y: height - margin - size - k * leading, size, font: face });
    });
  }
  return pdf.save();
}

/** NFC, every run of whitespace one space, trimmed. */
function normalise(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** Levenshtein distance over UTF-16 code units (Vietnamese in NFC is all in the BMP), two rows. */
function levenshtein(a: string, b: string): number {
  if (a.length < b.length) return levenshtein(b, a);
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

function pdfPages(file: string): number {
  const info = execFileSync("pdfinfo", [file], { encoding: "latin1" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

function pdftotext(file: string, first: number, last: number): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-f", String(first), "-l", String(last), file, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Peak resident set (VmHWM, kB) of running children, polled; by command name. */
const childPeakKb = new Map<string, number>();
const watched = new Map<number, string>();
function readHwm(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match === null ? null : Number(match[1]);
  } catch {
    return null;
  }
}
const poller = setInterval(() => {
  for (const [pid, command] of watched) {
    const kb = readHwm(pid);
    if (kb === null) watched.delete(pid);
    else childPeakKb.set(command, Math.max(childPeakKb.get(command) ?? 0, kb));
  }
}, 10);

/** CPU seconds (user + system) of this process's children that have ended: /proc/self/stat cutime + cstime. */
const clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
function childCpuSeconds(): number {
  const stat = fs.readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / clockTicks;
}

interface CitationCount {
  keys: Set<string>;
  /** key → occurrences */
  counts: Map<string, number>;
  /** key → the citation's symbol and number as printed */
  printed: Map<string, { symbol: string; number: string; quote: string }>;
}

function citations(text: string, name: string): CitationCount {
  const model = extractDocument(text, { sourceName: name });
  const counts = new Map<string, number>();
  const printed = new Map<string, { symbol: string; number: string; quote: string }>();
  for (const c of model.citations) {
    counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
    if (!printed.has(c.key)) {
      printed.set(c.key, {
        symbol: c.symbolAsPrinted.replace(/\s+/g, " "),
        number: c.number,
        quote: c.quote,
      });
    }
  }
  return { keys: new Set(counts.keys()), counts, printed };
}

interface DpiResult {
  dpi: number;
  pages: number;
  renderSeconds: number;
  ocrSeconds: number;
  /** CPU seconds of the children (pdfinfo + pdftoppm; tesseract) */
  renderCpu: number;
  ocrCpu: number;
  distance: number;
  referenceChars: number;
  /** mean of the pages' tesseract confidence */
  confidence: number;
  worstPage: { page: number; cer: number };
  textKeys: number;
  scanKeysSame: number;
  scanOnlyKeys: string[];
  occurrencesText: number;
  occurrencesFound: number;
  lost: { key: string; symbol: string; ocrLines: string[] }[];
}

interface DocResult {
  name: string;
  /** a chain text set by pdf-lib here (--rendered), not a real file */
  rendered: boolean;
  pagesInFile: number;
  pages: number;
  textSeconds: number;
  textCpu: number;
  textChars: number;
  byDpi: DpiResult[];
}

const engine = await findOcrEngine({
  onSpawn: (pid, command) => {
    const name = path.basename(command);
    watched.set(pid, name);
    const kb = readHwm(pid);
    if (kb !== null) childPeakKb.set(name, Math.max(childPeakKb.get(name) ?? 0, kb));
  },
});
if (engine === null) {
  throw new Error(`OCR is not installed: ${ocrInstallHint}`);
}

const started = new Date();
const loadStart = os.loadavg()[0]!;
const results: DocResult[] = [];
const renderDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-bench-ocr-"));
const inputs: { name: string; file: string; dpis: number[]; rendered: boolean }[] = DOCUMENTS.map((name) => ({
  name,
  rendered: false,
  file: path.join(pdfDir, name),
  dpis,
}));
if (withRendered) {
  for (const name of RENDERED) {
    const file = path.join(renderDir, name.replace(/\.txt$/, ".pdf"));
    fs.writeFileSync(file, await renderText(fs.readFileSync(path.join(chainDir, name), "utf8")));
    inputs.push({
      name: `${name.replace(/\.txt$/, "")} (rendered)`,
      file,
      dpis: dpis.slice(0, 1),
      rendered: true,
    });
  }
}
for (const { name, file, dpis, rendered } of inputs) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const pagesInFile = pdfPages(file);
  const pages = Math.min(pagesInFile, pageLimit);

  // the text layer: the whole range at once (timed), then page by page for the per-page CER
  const c0 = childCpuSeconds();
  const t0 = performance.now();
  const layer = pdftotext(file, 1, pages);
  const textSeconds = (performance.now() - t0) / 1000;
  const textCpu = childCpuSeconds() - c0;
  const layerPages: string[] = [];
  for (let p = 1; p <= pages; p++) layerPages.push(pdftotext(file, p, p));
  const textCopy = citations(layer.replace(/\f/g, "\n"), name);

  const byDpi: DpiResult[] = [];
  for (const dpi of dpis) {
    let renderSeconds = 0;
    let ocrSeconds = 0;
    let renderCpu = 0;
    let ocrCpu = 0;
    let distance = 0;
    let referenceChars = 0;
    let confidenceSum = 0;
    let worstPage = { page: 0, cer: -1 };
    const ocrPages: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const u0 = childCpuSeconds();
      const r0 = performance.now();
      const png = await engine.renderPdfPage(bytes, p, dpi);
      const r1 = performance.now();
      const u1 = childCpuSeconds();
      const { text, confidence } = await engine.recognise(png, { timeoutMs: 300_000 });
      const r2 = performance.now();
      renderCpu += u1 - u0;
      ocrCpu += childCpuSeconds() - u1;
      renderSeconds += (r1 - r0) / 1000;
      ocrSeconds += (r2 - r1) / 1000;
      confidenceSum += confidence;
      ocrPages.push(text);
      const reference = normalise(layerPages[p - 1]!);
      const d = levenshtein(normalise(text), reference);
      distance += d;
      referenceChars += reference.length;
      const cer = reference.length === 0 ? 0 : d / reference.length;
      if (cer > worstPage.cer) worstPage = { page: p, cer };
      process.stderr.write(
        `${name} @${dpi} dpi: page ${p}/${pages}, CER ${(cer * 100).toFixed(2)} %, conf ${confidence.toFixed(1)}, ${((r2 - r0) / 1000).toFixed(2)} s\n`,
      );
    }
    const ocrText = ocrPages.join("\n\n");
    const scan = citations(ocrText, name);
    const same = [...textCopy.keys].filter((k) => scan.keys.has(k));
    let occurrencesText = 0;
    let occurrencesFound = 0;
    for (const [key, n] of textCopy.counts) {
      occurrencesText += n;
      occurrencesFound += Math.min(n, scan.counts.get(key) ?? 0);
    }
    const ocrLines = ocrText.split("\n");
    const lost = [...textCopy.keys]
      .filter((k) => !scan.keys.has(k))
      .map((key) => {
        const printed = textCopy.printed.get(key)!;
        const number = printed.number;
        const lines = ocrLines
          .filter((line) => number.length > 0 && new RegExp(`(^|\\D)${number}(\\D|$)`).test(line))
          .slice(0, 2)
          .map((line) => line.trim().slice(0, 160));
        return { key, symbol: printed.symbol, ocrLines: lines };
      });
    byDpi.push({
      dpi,
      pages,
      renderSeconds,
      ocrSeconds,
      renderCpu,
      ocrCpu,
      distance,
      referenceChars,
      confidence: confidenceSum / pages,
      worstPage,
      textKeys: textCopy.keys.size,
      scanKeysSame: same.length,
      scanOnlyKeys: [...scan.keys].filter((k) => !textCopy.keys.has(k)),
      occurrencesText,
      occurrencesFound,
      lost,
    });
  }
  results.push({
    name,
    rendered,
    pagesInFile,
    pages,
    textSeconds,
    textCpu,
    textChars: normalise(layer).length,
    byDpi,
  });
}
clearInterval(poller);
fs.rmSync(renderDir, { recursive: true, force: true });
const elapsed = (Date.now() - started.getTime()) / 1000;
const ourMaxRssMb = process.resourceUsage().maxRSS / 1024;

// ---- report ----
const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
const share = (a: number, b: number): string => (b === 0 ? "–" : (a / b).toFixed(3));
const lines: string[] = [];
lines.push("# OCR against the text layer (issue #18)");
lines.push("");
lines.push(
  `Measured ${started.toISOString().slice(0, 10)} by \`npx tsx bench/ocr.ts ${process.argv.slice(2).join(" ")}\`` +
    ` on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB,` +
    ` Node ${process.version}, ${engine.version} (${engine.language}, --psm 3, OMP_THREAD_LIMIT=1), poppler ${popplerVersion()}.` +
    ` Whole run: ${elapsed.toFixed(0)} s.`,
);
lines.push("");
lines.push(
  "The four born-digital PDFs of `../shared/corpus/files/pdf/`. The **text layer** is poppler's `pdftotext` (same run). " +
    "The **scan** is each page rasterised by `pdftoppm` (PNG, colour) at the dpi shown, then recognised by tesseract " +
    "through `src/sources/ocr.ts`, one page at a time on one core. A clean raster of a born-digital page is the best " +
    "case of a scan: no skew, no noise, no seal or handwriting; real scans (`files/scanned/`) do worse.",
);
if (withRendered) {
  lines.push("");
  lines.push(
    "**Rendered** rows: the real PDFs hold few numbered citations (294-QĐ/TW cites none), so four texts of " +
      "`../shared/corpus/chains/` rich in them (" +
      RENDERED.join(", ") +
      ") are also set here by pdf-lib on A4 in DejaVu Sans 11 pt (lines wrapped at words), and that PDF is " +
      "measured the same way (its text layer by pdftotext, its scan at " +
      String(dpis[0]) +
      " dpi). A typeset page of one clean font: easier than the real layouts above.",
  );
}
lines.push("");
const totalPages = results.reduce((s, r) => s + r.pages, 0);
const totalInFiles = results.reduce((s, r) => s + r.pagesInFile, 0);
lines.push(
  `Pages measured: **${totalPages} of ${totalInFiles}** (${results.map((r) => `${r.name} ${r.pages}/${r.pagesInFile}`).join(", ")}).`,
);
lines.push("");
lines.push("## Accuracy");
lines.push("");
lines.push(
  "CER = Levenshtein distance between OCR and text layer (NFC, whitespace collapsed), summed over pages, over the text layer's characters. " +
    "Citation keys = distinct keys of the numbered citations `extractDocument` finds in the text copy, and how many of them it finds with the same key in the scan (goal ≥ 0.95). " +
    "Occurrences = the same counted per citation (a key cited 3 times in the text copy and 2 in the scan counts 2 of 3).",
);
lines.push("");
lines.push(
  "| document | dpi | pages | CER | worst page (CER) | mean confidence | citation keys found (text copy) | share | occurrences | share | keys only in the scan |",
);
lines.push("|---|---|---|---|---|---|---|---|---|---|---|");
const totals = new Map<
  string,
  { pages: number; d: number; n: number; keys: number; same: number; occ: number; found: number }
>();
for (const r of results) {
  for (const d of r.byDpi) {
    lines.push(
      `| ${r.name} | ${d.dpi} | ${d.pages} | ${pct(d.distance / Math.max(1, d.referenceChars))} | ${d.worstPage.page} (${pct(d.worstPage.cer)}) | ${d.confidence.toFixed(1)} | ${d.scanKeysSame} of ${d.textKeys} | ${share(d.scanKeysSame, d.textKeys)} | ${d.occurrencesFound} of ${d.occurrencesText} | ${share(d.occurrencesFound, d.occurrencesText)} | ${d.scanOnlyKeys.length} |`,
    );
    const group = `${r.rendered ? "all rendered texts" : "all real PDFs"}|${d.dpi}`;
    const t = totals.get(group) ?? { pages: 0, d: 0, n: 0, keys: 0, same: 0, occ: 0, found: 0 };
    t.pages += d.pages;
    t.d += d.distance;
    t.n += d.referenceChars;
    t.keys += d.textKeys;
    t.same += d.scanKeysSame;
    t.occ += d.occurrencesText;
    t.found += d.occurrencesFound;
    totals.set(group, t);
  }
}
for (const [group, t] of totals) {
  const [label, dpi] = group.split("|");
  lines.push(
    `| **${label}** | ${dpi} | ${t.pages} | **${pct(t.d / Math.max(1, t.n))}** | | | ${t.same} of ${t.keys} | **${share(t.same, t.keys)}** | ${t.found} of ${t.occ} | ${share(t.found, t.occ)} | |`,
  );
}
lines.push("");
lines.push("## Speed and memory");
lines.push("");
lines.push(
  "Pages per second, one page at a time. **Wall** = elapsed time; **CPU** = user + system time of the children " +
    "(/proc/self/stat cutime + cstime), which does not depend on what else the machine runs: pages per CPU-second is " +
    "what one core gives when it is free. Text layer = `pdftotext` over the measured pages (one process); " +
    "render = `pdftoppm` of one page (each call also runs `pdfinfo` for the pixel bound, and writes the PDF to a temporary file); " +
    "OCR = tesseract on the rendered PNG (one process per page, model load included).",
);
lines.push("");
lines.push(
  "| document | pages | text layer pages/s (wall / CPU) | dpi | render pages/s (wall / CPU) | OCR pages/s (wall / CPU) | render + OCR pages/s (wall / CPU) | OCR CPU s/page |",
);
lines.push("|---|---|---|---|---|---|---|---|");
const rate = (pages: number, seconds: number, digits: number): string =>
  seconds <= 0 ? "–" : (pages / seconds).toFixed(digits);
for (const r of results) {
  for (const d of r.byDpi) {
    lines.push(
      `| ${r.name} | ${r.pages} | ${rate(r.pages, r.textSeconds, 1)} / ${rate(r.pages, r.textCpu, 1)} | ${d.dpi} | ${rate(d.pages, d.renderSeconds, 2)} / ${rate(d.pages, d.renderCpu, 2)} | ${rate(d.pages, d.ocrSeconds, 2)} / ${rate(d.pages, d.ocrCpu, 2)} | ${rate(d.pages, d.renderSeconds + d.ocrSeconds, 2)} / ${rate(d.pages, d.renderCpu + d.ocrCpu, 2)} | ${(d.ocrCpu / d.pages).toFixed(2)} |`,
    );
  }
}
const allPages = results.reduce((s, r) => s + r.pages, 0);
const allText = results.reduce((s, r) => s + r.textSeconds, 0);
const allTextCpu = results.reduce((s, r) => s + r.textCpu, 0);
for (const dpi of dpis) {
  const ds = results.flatMap((r) => r.byDpi.filter((d) => d.dpi === dpi));
  const dpiPages = ds.reduce((s, d) => s + d.pages, 0);
  const sum = (f: (d: DpiResult) => number): number => ds.reduce((s, d) => s + f(d), 0);
  const [render, ocr, renderCpu, ocrCpu] = [
    sum((d) => d.renderSeconds),
    sum((d) => d.ocrSeconds),
    sum((d) => d.renderCpu),
    sum((d) => d.ocrCpu),
  ];
  lines.push(
    `| **all** | ${allPages} (text), ${dpiPages} (scan) | ${rate(allPages, allText, 1)} / ${rate(allPages, allTextCpu, 1)} | ${dpi} | ${rate(dpiPages, render, 2)} / ${rate(dpiPages, renderCpu, 2)} | ${rate(dpiPages, ocr, 2)} / ${rate(dpiPages, ocrCpu, 2)} | **${rate(dpiPages, render + ocr, 2)} / ${rate(dpiPages, renderCpu + ocrCpu, 2)}** | ${(ocrCpu / dpiPages).toFixed(2)} |`,
  );
}
lines.push("");
lines.push(
  `Load average (1 min) at the start ${loadStart.toFixed(2)}, at the end ${os.loadavg()[0]!.toFixed(2)}, on ${os.cpus().length} cores: ` +
    "when it is over the core count, other work shared the machine and the wall-clock rates are low; the CPU rates are not affected.",
);
lines.push("");
lines.push(
  `Peak memory: this process (the bench, the extractor, the PNG bytes in memory) maxRSS **${ourMaxRssMb.toFixed(0)} MB**; ` +
    [...childPeakKb.entries()]
      .sort()
      .map(([command, kb]) => `${command} **${(kb / 1024).toFixed(0)} MB**`)
      .join(", ") +
    " (children's peak resident set, VmHWM read from /proc every 10 ms while each ran, so a peak in the last few ms of a process may be missed). " +
    "Children run one at a time, so the peak of the whole is about ours plus the largest child.",
);
lines.push("");
lines.push("## Citations lost in the scan");
lines.push("");
let anyLost = false;
for (const r of results) {
  for (const d of r.byDpi) {
    if (d.lost.length === 0 && d.scanOnlyKeys.length === 0) continue;
    anyLost = true;
    lines.push(`### ${r.name} at ${d.dpi} dpi`);
    lines.push("");
    for (const l of d.lost) {
      const where =
        l.ocrLines.length === 0
          ? "its number is on no OCR line"
          : l.ocrLines.map((x) => `\`${x}\``).join(" / ");
      lines.push(`- lost \`${l.key}\` (printed \`${l.symbol}\`): OCR lines with its number: ${where}`);
    }
    for (const k of d.scanOnlyKeys) lines.push(`- only in the scan: \`${k}\``);
    lines.push("");
  }
}
if (!anyLost) {
  lines.push(
    "None: every key of the text copy was found in the scan, and the scan gave no key the text copy lacks.",
  );
  lines.push("");
}
const report = lines.join("\n");
console.log(report);
if (write) {
  fs.writeFileSync(path.join(here, "OCR.md"), report);
  console.error("wrote bench/OCR.md");
}

function popplerVersion(): string {
  try {
    const out = execFileSync("sh", ["-c", "pdftoppm -v 2>&1"], { encoding: "utf8" });
    return /version\s+(\S+)/.exec(out)?.[1] ?? "?";
  } catch {
    return "?";
  }
}
