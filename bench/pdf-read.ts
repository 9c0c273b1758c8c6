/**
 * Speed and memory of the PDF reader (src/sources/pdf.ts, issue #18) on the four born-digital PDFs
 * of ../shared/corpus/files/pdf/, against a same-run baseline: poppler's `pdftotext` on the same
 * files. Each file is read in a fresh Node process (so that its peak RSS is that file's), repeated
 * until at least 1.5 s have passed; pdftotext runs under /usr/bin/time for its peak RSS. The text
 * of both is given to the extractor: the numbered citations must agree.
 *
 *   npx tsx bench/pdf-read.ts [--write]
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocument } from "../src/extract/index.js";
import { readPdf } from "../src/sources/pdf.js";
import type { SourceDocument, SourceLimits } from "../src/sources/types.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const files = path.resolve(here, "..", "..", "shared", "corpus", "files", "pdf");
const NAMES = ["294-QD-TW-2025.pdf", "06-HD-TW-2025.pdf", "1074-QD-BXD-2026.pdf", "7432-UBND-XD-2026.pdf"];
const MIN_MS = 1500;
const MIN_RUNS = 3;
const limits: SourceLimits = {
  maxBytes: 100_000_000,
  maxPages: 2000,
  maxChars: 20_000_000,
  maxPixels: 100_000_000,
  maxUnzippedBytes: 500_000_000,
  ocrPageTimeoutMs: 120_000,
};

/** What a child process reports for one file. */
interface ChildResult {
  pages: number;
  chars: number;
  runs: number;
  medianMs: number;
  cpuMsPerRun: number;
  /** maxRSS (KiB) of the process once everything is imported, before the first read */
  idleKiB: number;
  /** maxRSS (KiB) after all the reads */
  peakKiB: number;
  /** JS heap in use after a full GC (MiB): idle, after the first read, after the last */
  heap: [number, number, number];
  text: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function child(file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const read = (): Promise<SourceDocument> =>
    readPdf(bytes, { name: path.basename(file), limits, ocr: null });
  const idleKiB = process.resourceUsage().maxRSS;
  const idleHeap = heapAfterGc();
  let last = await read(); // warm-up: pdfjs's worker module is loaded on the first document
  const firstHeap = heapAfterGc();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  while (times.length < MIN_RUNS || performance.now() - start < MIN_MS) {
    const t = performance.now();
    last = await read();
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  const result: ChildResult = {
    pages: last.pages!.length,
    chars: last.text.length,
    runs: times.length,
    medianMs: median(times),
    cpuMsPerRun: (cpu.user + cpu.system) / 1000 / times.length,
    idleKiB,
    peakKiB: process.resourceUsage().maxRSS,
    heap: [idleHeap, firstHeap, heapAfterGc()],
    text: last.text,
  };
  process.stdout.write(JSON.stringify(result));
}

interface Baseline {
  runs: number;
  medianMs: number;
  cpuMsPerRun: number;
  peakKiB: number;
  text: string;
}

/** pdftotext on the same file, timed by /usr/bin/time (wall, user + system, max RSS). */
function pdftotext(file: string): Baseline {
  const wall: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  let total = 0;
  while (wall.length < MIN_RUNS || total < MIN_MS) {
    const run = spawnSync(
      "/usr/bin/time",
      ["-f", "%e %U %S %M", "pdftotext", "-enc", "UTF-8", file, "/dev/null"],
      { encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(`pdftotext failed on ${file}: ${run.stderr}`);
    const [e, u, s, m] = run.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    wall.push(e! * 1000);
    cpu.push((u! + s!) * 1000);
    peak = Math.max(peak, m!);
    total += e! * 1000;
  }
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  return {
    runs: wall.length,
    medianMs: median(wall),
    cpuMsPerRun: cpu.reduce((a, b) => a + b, 0) / cpu.length,
    peakKiB: peak,
    text,
  };
}

function symbols(text: string): string[] {
  return extractDocument(text)
    .citations.map((c) => c.symbol)
    .sort();
}

function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) return child(process.argv[childAt + 1]!);
  const write = process.argv.includes("--write");
  const started = new Date();
  const t0 = performance.now();
  const rows: string[] = [];
  let ourPages = 0;
  let ourMs = 0;
  let baseMs = 0;
  let agree = 0;
  let peakMax = 0;
  for (const name of NAMES) {
    const file = path.join(files, name);
    const run = spawnSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--child", file],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.status !== 0) throw new Error(`the child failed on ${name}: ${run.stderr}`);
    const ours = JSON.parse(run.stdout) as ChildResult;
    const base = pdftotext(file);
    const same = JSON.stringify(symbols(ours.text)) === JSON.stringify(symbols(base.text));
    if (same) agree++;
    ourPages += ours.pages;
    ourMs += ours.medianMs;
    baseMs += base.medianMs;
    peakMax = Math.max(peakMax, ours.peakKiB);
    const pps = (ms: number): number => ours.pages / (ms / 1000);
    rows.push(
      `| ${name} | ${fs.statSync(file).size.toLocaleString("en")} | ${ours.pages} | ` +
        `${fmt(pps(ours.medianMs))} / ${fmt(pps(ours.cpuMsPerRun))} | ` +
        `${fmt(pps(base.medianMs))} / ${fmt(pps(base.cpuMsPerRun))} | ` +
        `${fmt(base.medianMs / ours.medianMs, 2)} | ` +
        `${fmt(ours.peakKiB / 1024, 0)} (+${fmt((ours.peakKiB - ours.idleKiB) / 1024, 0)}) | ` +
        `${ours.heap.map((h) => fmt(h, 0)).join(" → ")} | ` +
        `${fmt(base.peakKiB / 1024, 0)} | ${ours.runs} / ${base.runs} | ` +
        `${symbols(ours.text).length} / ${symbols(base.text).length} ${same ? "same" : "**differ**"} |`,
    );
    process.stderr.write(`${rows[rows.length - 1]}\n`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpus = os.cpus();
  const report = [
    "# PDF text layers: pages per second and peak memory (issue #18)",
    "",
    `Measured ${started.toISOString().slice(0, 10)} by \`npx tsx bench/pdf-read.ts --write\` on ` +
      `${cpus.length} × ${cpus[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, pdfjs-dist 5.6.205 (legacy build), poppler's pdftotext ` +
      `${popplerVersion()}. Whole run: ${fmt(seconds, 0)} s.`,
    "",
    "`readPdf` (src/sources/pdf.ts) reads each file in a fresh Node process, again and again for at " +
      `least ${MIN_MS / 1000} s (${MIN_RUNS} reads at least); the baseline is \`pdftotext -enc UTF-8\` on the same ` +
      "file in the same run, as many times, under `/usr/bin/time`. Pages/s = pages over the median " +
      "wall time of one read (**wall**), and over the CPU time of one read (**CPU**: user + system, " +
      "what one free core gives). Peak RSS = the process's maximum resident set: for `readPdf` the " +
      "whole Node process (Node, tsx, pdfjs and the extractor's modules loaded), with what reading " +
      "added over the idle process in brackets; most of it is garbage V8 has not yet collected on a " +
      "machine with memory to spare. Heap = the JS heap in use after a full GC (`--expose-gc`): " +
      "before any read, after a first (untimed) read, which loads pdfjs's worker module, and after " +
      "the last: it must not grow with the reads. Citations = the numbered citations `extractDocument` " +
      "finds in each text (ours / pdftotext's); they must be the same symbols.",
    "",
    "| file | bytes | pages | readPdf pages/s (wall / CPU) | pdftotext pages/s (wall / CPU) | readPdf speed ÷ pdftotext | readPdf peak RSS MiB (+ reading) | readPdf heap MiB after GC: idle → 1st read → last | pdftotext peak RSS MiB | timed reads (ours / pdftotext) | citations |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    `| **all** | | ${ourPages} | ${fmt(ourPages / (ourMs / 1000))} (wall) | ${fmt(ourPages / (baseMs / 1000))} (wall) | ${fmt(baseMs / ourMs, 2)} | max ${fmt(peakMax / 1024, 0)} | | | | ${agree} of ${NAMES.length} same |`,
    "",
    "Reading: pdfjs runs its worker in the same thread (Node's fake worker), pages are loaded one " +
      "at a time and cleaned up, and the document is destroyed after the last page, so memory does " +
      "not grow with the page count; a page whose annotations draw text (signature widgets that " +
      "stamp the number and day into 7432/UBND-XD) costs an operator list, which decodes that " +
      "page's images: that is why 7432 (2.9 MB, 4 images) is the slowest per page. pdftotext is " +
      "native code and writes its text without page maps, boxes, header/footer removal or the " +
      "garbage test.",
    "",
  ].join("\n");
  if (write) {
    fs.writeFileSync(path.join(here, "PDF-READ.md"), report);
    process.stderr.write("wrote bench/PDF-READ.md\n");
  } else process.stdout.write(report);
}

function popplerVersion(): string {
  const run = spawnSync("pdftotext", ["-v"], { encoding: "utf8" });
  return /\d+\.\d+\.\d+/.exec(run.stderr)?.[0] ?? "?";
}

await main();
