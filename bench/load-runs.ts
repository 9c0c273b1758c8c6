/**
 * The 10^6 load of the scale benchmark, measured on its own (#21): `--runs` loads of the same
 * seeded SYNTHETIC corpus (bench/scale/generator.ts), each into a NEW Neo4j (a fresh JVM on an
 * empty store), through cancu's ingest path (ingestMany, as bench/scale/load.ts and `cancu ingest`
 * load). Per run: the wall time, where the loader's time went (reading, extracting, waiting for the
 * database: ingest-many.ts), the Neo4j JVM's CPU time, its garbage collection (a GC log written by
 * the JVM itself: pauses, their total and the longest) and a timeline of documents per 10 s, so that
 * a slow run shows where it was slow. With `--after-wipe`, each run first loads and wipes a 10^5
 * graph in the same JVM, as the scale benchmark does before its 10^6 size.
 *
 *   npx tsx bench/load-runs.ts [--size 1e6] [--runs 3] [--workload serve|load] [--after-wipe] [--out bench/LOAD-1E6.md]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchGraph } from "./bench-neo4j.js";
import { paceLine } from "../src/cli/commands/ingest.js";
import { applyMigrations } from "../src/graph/migrations.js";
import { GraphExecutor } from "../src/graph/executor.js";
import { bottleneck, type IngestTimings } from "../src/graph/ingest-many.js";
import type { Neo4jWorkload } from "../src/neo4j/local-neo4j.js";
import { planCorpus, renderCorpus } from "./scale/generator.js";
import { loadCorpus } from "./scale/load.js";
import { benchNeo4jPid, cpuSeconds } from "./scale/processes.js";

interface GcSummary {
  pauses: number;
  totalPauseMs: number;
  longestPauseMs: number;
  /** pauses of a full collection (the whole heap, every thread stopped) */
  fullPauses: number;
}

interface RunResult {
  run: number;
  seconds: number;
  documents: number;
  failed: number;
  relationships: number;
  timings: IngestTimings;
  neo4jCpuSeconds: number | null;
  gc: GcSummary | null;
  /** documents loaded in each 10 s of the run */
  timeline: number[];
  warmupSeconds: number | null;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

function option(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1]! : fallback;
}

/** `-Xlog:gc` lines: "[12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(1024M) 12.345ms" */
export function summariseGcLog(text: string, fromSeconds = 0): GcSummary {
  const summary: GcSummary = { pauses: 0, totalPauseMs: 0, longestPauseMs: 0, fullPauses: 0 };
  for (const line of text.split("\n")) {
    const match = /^\[(\d+(?:\.\d+)?)s\].*\bPause (\w+).* (\d+(?:\.\d+)?)ms$/.exec(line);
    if (!match || Number(match[1]) < fromSeconds) continue;
    const ms = Number(match[3]);
    summary.pauses += 1;
    summary.totalPauseMs += ms;
    summary.longestPauseMs = Math.max(summary.longestPauseMs, ms);
    if (match[2] === "Full") summary.fullPauses += 1;
  }
  return summary;
}

async function oneRun(
  run: number,
  size: number,
  workload: Neo4jWorkload,
  afterWipe: boolean,
  gcDir: string,
): Promise<RunResult> {
  const gcLog = path.join(gcDir, `gc-${run}.log`);
  const defaults = workload === "load" ? "-XX:+UseParallelGC" : "-XX:+UseG1GC";
  process.env.CANCU_NEO4J_JVM_OPTS = `${defaults} -Xlog:gc:file=${gcLog}:uptime`;
  const graph = await benchGraph(log, workload);
  try {
    const executor = new GraphExecutor(graph.driver, graph.database);
    await applyMigrations(executor);
    const pid = benchNeo4jPid();
    let warmupSeconds: number | null = null;
    if (afterWipe) {
      const small = planCorpus({ targetNodes: size / 10, seed: 6 });
      const t = performance.now();
      await loadCorpus(executor, renderCorpus(small), () => undefined, { total: small.documents.length });
      await graph.wipe();
      warmupSeconds = (performance.now() - t) / 1000;
      log(`run ${run}: loaded and wiped a ${size / 10} graph first (${warmupSeconds.toFixed(1)} s)`);
    }
    const corpus = planCorpus({ targetNodes: size, seed: 6 });
    const cpuBefore = pid === null ? null : cpuSeconds(pid);
    const jvmUptimeAtStart = gcUptime(gcLog);
    const timeline: number[] = [];
    let lastDocs = 0;
    let lastMark = performance.now();
    const result = await loadCorpus(
      executor,
      renderCorpus(corpus),
      (p) => {
        log(
          `run ${run}: ${p.documents}/${p.total} documents in ${p.seconds.toFixed(0)} s (${paceLine(p.timings)})`,
        );
        const now = performance.now();
        if (now - lastMark >= 9_500) {
          timeline.push(p.documents - lastDocs);
          lastDocs = p.documents;
          lastMark = now;
        }
      },
      { total: corpus.documents.length },
    );
    const cpuAfter = pid === null ? null : cpuSeconds(pid);
    const gcText = fs.existsSync(gcLog) ? fs.readFileSync(gcLog, "utf8") : null;
    return {
      run,
      seconds: result.seconds,
      documents: result.documents,
      failed: result.failed.length,
      relationships: result.relationships,
      timings: result.timings,
      neo4jCpuSeconds: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
      gc: gcText === null ? null : summariseGcLog(gcText, jvmUptimeAtStart),
      timeline,
      warmupSeconds,
    };
  } finally {
    await graph.close();
  }
}

/** the JVM's uptime now, as the GC log's last line says (0 before any line) */
function gcUptime(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const lines = fs.readFileSync(file, "utf8").trim().split("\n");
  const match = /^\[(\d+(?:\.\d+)?)s\]/.exec(lines.at(-1) ?? "");
  return match ? Number(match[1]) : 0;
}

function report(
  results: RunResult[],
  command: string,
  size: number,
  workload: string,
  afterWipe: boolean,
): string {
  const fmt = (n: number, digits = 1) => n.toFixed(digits);
  const rows = results.map((r) => {
    const t = r.timings;
    const gc = r.gc
      ? `${r.gc.pauses} pauses, ${fmt(r.gc.totalPauseMs / 1000)} s in all, longest ${fmt(r.gc.longestPauseMs, 0)} ms, ${r.gc.fullPauses} full`
      : "no log";
    return `| ${r.run} | ${fmt(r.seconds / 60, 2)} min | ${r.documents} (${r.failed} failed) | ${r.relationships.toLocaleString("en")} | ${fmt(t.readingMs / 1000)} / ${fmt(t.extractingMs / 1000)} / ${fmt(t.waitingForDatabaseMs / 1000)} s: ${bottleneck(t)} | ${r.neo4jCpuSeconds === null ? "?" : fmt(r.neo4jCpuSeconds)} s | ${gc} | ${r.seconds <= 300 ? "yes" : "**no**"} |`;
  });
  const timelines = results.map((r) => `- run ${r.run}: ${r.timeline.join(", ")}`);
  return [
    `# Loading ${size.toExponential().replace("+", "")} nodes, each run in a fresh JVM (SYNTHETIC data)`,
    "",
    `Generated by \`${command}\` on ${new Date().toISOString().slice(0, 10)}. Workload: ${workload}${afterWipe ? "; each run first loaded and wiped a graph a tenth the size, in the same JVM (as the scale benchmark does before 10^6)" : "; each run on an empty store in a new JVM"}. Heap ${process.env.CANCU_NEO4J_HEAP}, page cache ${process.env.CANCU_NEO4J_PAGE_CACHE}.`,
    "",
    "| run | load time | documents | relationships | reading / extracting / waiting for the database | Neo4j CPU | garbage collection (during the load) | ≤ 5 min |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "Documents loaded per 10 s:",
    "",
    ...timelines,
    "",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const size = Number(option(argv, "--size", "1e6"));
  const runs = Number(option(argv, "--runs", "3"));
  const workload = option(argv, "--workload", "serve") as Neo4jWorkload;
  const afterWipe = argv.includes("--after-wipe");
  const out = option(argv, "--out", "bench/LOAD-1E6.md");
  if (!Number.isFinite(size) || size < 1e3 || !Number.isInteger(runs) || runs < 1) {
    log(
      "usage: npx tsx bench/load-runs.ts [--size 1e6] [--runs 3] [--workload serve|load] [--after-wipe] [--out file]",
    );
    return 2;
  }
  // as bench/run.ts sets them for the scale benchmark
  process.env.CANCU_NEO4J_HEAP ??= "3g";
  process.env.CANCU_NEO4J_PAGE_CACHE ??= "3g";
  const gcDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-load-gc-"));
  const results: RunResult[] = [];
  for (let run = 1; run <= runs; run++) {
    const result = await oneRun(run, size, workload, afterWipe, gcDir);
    log(`run ${run}: ${(result.seconds / 60).toFixed(2)} min`);
    results.push(result);
  }
  const command = `npx tsx bench/load-runs.ts ${argv.join(" ")}`.trim();
  fs.writeFileSync(out, report(results, command, size, workload, afterWipe));
  fs.writeFileSync(
    out.replace(/\.md$/, ".json"),
    JSON.stringify({ command, size, workload, afterWipe, results }, null, 2),
  );
  log(`wrote ${out}; GC logs in ${gcDir}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
