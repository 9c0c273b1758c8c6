/**
 * Throughput of extractDocument on seed-sized input: the seed itself, and the seed repeated to
 * about 1 MB, each against a same-run baseline (text.split("\n") and one regular-expression pass
 * over the same text) so that the ratio stays meaningful on a loaded or slower machine.
 *
 *   npx tsx bench/extract-throughput.ts [--write]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocument } from "../src/extract/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const seed = fs.readFileSync(
  path.join(here, "..", "seeds", "quang-ninh-2022-phuong-huong-nhiem-vu.txt"),
  "utf8",
);
const MIN_SECONDS = 2;

/** What a trivial reader of the same bytes costs: split into lines, one pass of a symbol-like pattern. */
function baseline(text: string): number {
  let found = 0;
  const pattern = /\d{1,4}[-/][A-ZĐ]{1,6}/g;
  for (const line of text.split("\n")) {
    pattern.lastIndex = 0;
    while (pattern.exec(line)) found++;
  }
  return found;
}

interface Measure {
  runs: number;
  /** wall-clock seconds of all timed runs */
  seconds: number;
  /** CPU seconds of this process over the timed runs (what one core spent, whatever else runs) */
  cpuSeconds: number;
  /** median wall-clock seconds of one run: robust to other processes preempting this one */
  medianSeconds: number;
}

function measure(fn: () => unknown): Measure {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_SECONDS * 1000 || times.length < 5) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
    elapsed = performance.now() - t0;
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  return {
    runs: times.length,
    seconds: elapsed / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    medianSeconds: times[Math.floor(times.length / 2)]! / 1000,
  };
}

const inputs: [string, string][] = [
  ["seed", seed],
  ["seed × 16 (≈1 MB)", seed.repeat(Math.max(1, Math.round(1_000_000 / Buffer.byteLength(seed, "utf8"))))],
];

const rows: string[] = [];
for (const [name, text] of inputs) {
  const bytes = Buffer.byteLength(text, "utf8");
  const extract = measure(() => extractDocument(text));
  const base = measure(() => baseline(text));
  const mb = bytes / 1e6;
  const perRun = (m: Measure): number => m.medianSeconds;
  rows.push(
    `| ${name} | ${mb.toFixed(3)} MB | ${(mb / perRun(extract)).toFixed(1)} MB/s | ${((mb * extract.runs) / extract.cpuSeconds).toFixed(1)} MB/s | ${((mb * extract.runs) / extract.seconds).toFixed(1)} MB/s | ${(1 / perRun(extract)).toFixed(1)} | ${(perRun(extract) * 1000).toFixed(1)} ms | ${(mb / perRun(base)).toFixed(0)} MB/s | ${(perRun(extract) / perRun(base)).toFixed(0)}× |`,
  );
}

const report = [
  "# extractDocument throughput",
  "",
  `Run: \`npx tsx bench/extract-throughput.ts\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? "?"}, load average ${os.loadavg()[0]?.toFixed(2)}, Node ${process.version}, one core.`,
  "",
  "| input | size | extract (median run) | extract (CPU time) | extract (wall, mean) | documents/s (median) | per document (median) | baseline (split + 1 regex, median) | extract / baseline time |",
  "|---|---|---|---|---|---|---|---|---|",
  ...rows,
  "",
  "The median run and the CPU time are what one core does; the wall-clock mean also counts time this",
  "process waited for the CPU, which on a shared machine (see the load average) can be several times more.",
  "",
].join("\n");
process.stdout.write(report);
if (process.argv.includes("--write")) fs.writeFileSync(path.join(here, "EXTRACT-THROUGHPUT.md"), report);
