/**
 * Ingest benchmark on a SYNTHETIC corpus (bench/synthetic-corpus.ts), all loaders in one process on
 * one database, interleaved round by round so that drift hits each of them:
 * - cancu, batched: `cancu ingest`'s default (ingestMany, up to 100 documents per transaction);
 * - cancu, one transaction per document (`cancu ingest --batch 1`);
 * - naive: one auto-commit query per node or link, the baseline.
 * Each includes extraction. Reports documents/s and relationships/s (median, min–max) and the CPU
 * each side spends per document (Node and the Neo4j JVM). Goal: ≥ 20,000 relationships/s.
 *
 *   npx tsx bench/ingest.ts [documents=1000] [rounds=3] [naiveDocuments=150] [warmUps=5]
 */
import fs from "node:fs";
import path from "node:path";
import { GraphExecutor } from "../src/graph/executor.js";
import { ingestMany } from "../src/graph/ingest-many.js";
import { applyMigrations } from "../src/graph/migrations.js";
import { benchGraph, machineLine, median, relationshipCount } from "./bench-neo4j.js";
import { naiveIngest } from "./naive-loader.js";
import { benchNeo4jPid, cpuSeconds } from "./scale/processes.js";
import { syntheticCorpus, type SyntheticDocument } from "./synthetic-corpus.js";

const documents = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 3);
const naiveDocuments = Math.min(documents, Number(process.argv[4] ?? 150));
const warmUps = Number(process.argv[5] ?? 5);
const corpus = syntheticCorpus({ documents, seed: 7 });
const graph = await benchGraph();
const executor = new GraphExecutor(graph.driver, graph.database);
await applyMigrations(executor);

type Loader = "batched" | "batched-waiting" | "per-document" | "naive";
interface Run {
  loader: Loader;
  documents: number;
  seconds: number;
  relationships: number;
  nodeCpuMs: number;
  jvmCpuMs: number | null;
}
const runs: Run[] = [];

// the Neo4j JVM this process started, found once; null for an external server (no CPU split)
const jvmPid = benchNeo4jPid();
const jvmCpuMs = (): number | null => {
  const seconds = jvmPid === null ? null : cpuSeconds(jvmPid);
  return seconds === null ? null : seconds * 1000;
};

const sources = (docs: SyntheticDocument[]) => docs.map((d) => ({ sourceName: d.name, read: () => d.text }));

async function timed(loader: Loader, docs: SyntheticDocument[], record = true): Promise<void> {
  await graph.wipe();
  const jvmBefore = jvmCpuMs();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  if (loader === "naive") {
    for (const doc of docs) await naiveIngest(graph.driver, graph.database, doc.text);
  } else {
    const outcomes = await ingestMany(executor, sources(docs), {
      batchDocuments: loader === "per-document" ? 1 : undefined,
      overlapCommits: loader !== "batched-waiting",
    });
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length > 0) throw new Error(`${failed.length} synthetic documents failed to load`);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const jvmAfter = jvmCpuMs();
  const relationships = await relationshipCount(graph);
  if (!record) return;
  runs.push({
    loader,
    documents: docs.length,
    seconds,
    relationships,
    nodeCpuMs: (cpu.user + cpu.system) / 1000,
    jvmCpuMs: jvmBefore === null || jvmAfter === null ? null : jvmAfter - jvmBefore,
  });
  process.stderr.write(
    `${loader}: ${docs.length} documents, ${relationships} relationships in ${seconds.toFixed(2)} s (${(relationships / seconds).toFixed(0)}/s)\n`,
  );
}

// warm-up, not counted: the JVM compiles Neo4j's hot paths (it takes several thousand documents to
// reach steady state: Neo4j's CPU per document falls from ~30 ms on the first thousand to ~6) and the
// plan cache fills
for (let i = 0; i < warmUps; i++) await timed("batched", corpus, false);
await timed("per-document", corpus.slice(0, 200), false);
const order: Loader[] = ["batched", "batched-waiting", "per-document", "naive"];
for (let round = 0; round < rounds; round++) {
  for (const loader of round % 2 ? [...order].reverse() : order) {
    await timed(loader, loader === "naive" ? corpus.slice(0, naiveDocuments) : corpus);
  }
}
await graph.close();

const of = (loader: Loader) => runs.filter((r) => r.loader === loader);
const stat = (loader: Loader, pick: (r: Run) => number) => {
  const values = of(loader).map(pick);
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
};
const relsPerSecond = (loader: Loader) => stat(loader, (r) => r.relationships / r.seconds);
const docsPerSecond = (loader: Loader) => stat(loader, (r) => r.documents / r.seconds);
const cpuPerDoc = (loader: Loader) => {
  const node = median(of(loader).map((r) => r.nodeCpuMs / r.documents));
  const jvmRuns = of(loader).filter((r) => r.jvmCpuMs !== null);
  const jvm = jvmRuns.length ? median(jvmRuns.map((r) => r.jvmCpuMs! / r.documents)) : null;
  return `${node.toFixed(1)} / ${jvm === null ? "n/a" : jvm.toFixed(1)}`;
};
const range = (s: { median: number; min: number; max: number }, digits = 0) =>
  `**${s.median.toFixed(digits)}** (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
const naive = relsPerSecond("naive").median;
const best = relsPerSecond("batched").median;
const labels: Record<Loader, string> = {
  batched:
    "cancu, batched (`cancu ingest`, ≤ 100 documents per transaction, the next one starting while one commits)",
  "batched-waiting": "cancu, batched, each batch waiting for the commit before it",
  "per-document": "cancu, one transaction per document (`--batch 1`)",
  naive: "naive, one auto-commit query per node or link (baseline)",
};
const report = [
  `# Ingest benchmark (synthetic corpus)`,
  ``,
  `Generated by \`npx tsx bench/ingest.ts ${documents} ${rounds} ${naiveDocuments} ${warmUps}\` on ${new Date().toISOString().slice(0, 10)}.`,
  `Machine: ${machineLine()}; its JVM started as \`cancu ingest\` starts it (parallel collector, unless CANCU_NEO4J_JVM_OPTS says otherwise).`,
  `Corpus: ${documents} SYNTHETIC seed-sized resolutions (seed 7; ~27 tasks, ~21 citations, ~105 relationships each);`,
  `the naive loader gets the first ${naiveDocuments} of them (it needs ~4 minutes per 1,000). Every loader includes extraction`,
  `and starts on an empty graph. Not counted: ${warmUps} warm-up runs of the batched loader (${warmUps * documents} documents: the JVM's`,
  `JIT needs several thousand to reach steady state) and one of 200 documents one per transaction; then ${rounds} rounds, order alternating.`,
  ``,
  `| loader | documents/s | relationships/s, median (min–max) | × naive | CPU ms per document, Node / Neo4j JVM |`,
  `|---|---|---|---|---|`,
  ...order.map(
    (loader) =>
      `| ${labels[loader]} | ${range(docsPerSecond(loader), 1)} | ${range(relsPerSecond(loader))} | ${(relsPerSecond(loader).median / naive).toFixed(1)}× | ${cpuPerDoc(loader)} |`,
  ),
  ``,
  `Goal ≥ 20,000 relationships/s: **${best >= 20000 ? "met" : "NOT met"}** (batched median ${best.toFixed(0)}).`,
  ``,
  `Every batched round, in order (relationships/s, and Node's CPU per document: its work does not change`,
  `between rounds, so it tracks how fast the machine itself ran): ${of("batched")
    .map((r) => `${(r.relationships / r.seconds).toFixed(0)} (${(r.nodeCpuMs / r.documents).toFixed(1)} ms)`)
    .join(", ")}.`,
  ``,
];
fs.writeFileSync(path.join(import.meta.dirname, "INGEST.md"), `${report.join("\n")}\n${analysis()}`);
process.stdout.write(report.join("\n"));

function analysis(): string {
  const file = path.join(import.meta.dirname, "INGEST-ANALYSIS.md");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
}
