/**
 * Where an ingest spends its time, in steady state (after a warm-up corpus): extraction plus the
 * previous-state read ("previous"), the one UNWIND write ("write"), and the commit.
 *
 *   npx tsx bench/profile-ingest.ts [documents=100]
 */
import { GraphExecutor } from "../src/graph/executor.js";
import { ingestText } from "../src/graph/ingest.js";
import { applyMigrations } from "../src/graph/migrations.js";
import { benchGraph } from "./bench-neo4j.js";
import { syntheticCorpus } from "./synthetic-corpus.js";

const corpus = syntheticCorpus({ documents: Number(process.argv[2] ?? 100), seed: 7 });
const warmUp = syntheticCorpus({ documents: Number(process.argv[2] ?? 100), seed: 8 }).map((d) => ({
  ...d,
  text: d.text.replace(/về (.*) \(tài liệu tổng hợp số/, "về $1 (bản khởi động số"),
}));
const graph = await benchGraph();
const executor = new GraphExecutor(graph.driver, graph.database);
await applyMigrations(executor);
// warm the JVM and the plan cache on other documents first: steady state is what matters
for (const doc of warmUp) await ingestText(executor, { text: doc.text, sourceName: `warm-${doc.name}` });
const totals = new Map<string, number>();
let mark = 0;
const started = performance.now();
for (const doc of corpus) {
  mark = performance.now();
  await ingestText(
    executor,
    { text: doc.text, sourceName: doc.name },
    {
      afterStatement(name) {
        const now = performance.now();
        totals.set(name, (totals.get(name) ?? 0) + now - mark);
        mark = now;
      },
    },
  );
  // after the last statement: the commit (transaction-log flush) and closing the session
  const end = performance.now();
  totals.set("commit", (totals.get("commit") ?? 0) + end - mark);
}
const total = performance.now() - started;
process.stdout.write(`total ${(total / corpus.length).toFixed(1)} ms/doc\n`);
for (const [name, ms] of totals)
  process.stdout.write(`  ${name}: ${(ms / corpus.length).toFixed(1)} ms/doc\n`);
await graph.close();
