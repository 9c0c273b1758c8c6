/** Where an ingest spends its time: per statement wall time over a synthetic corpus, and the PROFILE of one write. */
import { GraphExecutor } from "../src/graph/executor.js";
import { ingestText } from "../src/graph/ingest.js";
import { applyMigrations } from "../src/graph/migrations.js";
import { benchGraph } from "./bench-neo4j.js";
import { syntheticCorpus } from "./synthetic-corpus.js";

const corpus = syntheticCorpus({ documents: Number(process.argv[2] ?? 100), seed: 7 });
const graph = await benchGraph();
const executor = new GraphExecutor(graph.driver, graph.database);
await applyMigrations(executor);
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
}
const total = performance.now() - started;
process.stdout.write(`total ${(total / corpus.length).toFixed(1)} ms/doc\n`);
for (const [name, ms] of totals)
  process.stdout.write(`  ${name}: ${(ms / corpus.length).toFixed(1)} ms/doc\n`);
await graph.close();
