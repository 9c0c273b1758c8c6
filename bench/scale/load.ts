/**
 * Loads a corpus through cancu's own ingest path: ingestMany, what `cancu ingest` runs (batches of
 * up to 100 documents per transaction, each document whole or not at all).
 */
import type { GraphExecutor } from "../../src/graph/executor.js";
import { emptyTimings, ingestMany, type IngestTimings } from "../../src/graph/ingest-many.js";

export interface CorpusDocument {
  name: string;
  text: string;
}

export interface LoadProgress {
  documents: number;
  /** documents in the corpus, when the caller knows it */
  total: number | null;
  seconds: number;
  /** relationships in the database now (count store: O(1)), and since the load started */
  relationships: number;
  relationshipsPerSecond: number;
  /** where the load's time went so far (ingest-many.ts): reading, extracting, waiting for Neo4j */
  timings: IngestTimings;
}

export interface LoadResult {
  documents: number;
  failed: Array<{ name: string; error: string }>;
  seconds: number;
  /** relationships written by this load (count after − count before) */
  relationships: number;
  relationshipsPerSecond: number;
  timings: IngestTimings;
}

const progressEveryMs = 5_000;

async function relationshipCount(executor: GraphExecutor): Promise<number> {
  const [record] = await executor.read({ cypher: "MATCH ()-[r]->() RETURN count(r) AS n", params: {} });
  return Number(record?.get("n") ?? 0);
}

/**
 * Ingests every document in order, in batches (later documents cite earlier ones: in order,
 * those citations find an ingested document rather than making a stub that is upgraded later).
 * Calls `onProgress` every few seconds and once at the end. A document that fails is recorded and
 * the load goes on; the caller decides whether a failure spoils the run.
 */
export async function loadCorpus(
  executor: GraphExecutor,
  documents: Iterable<CorpusDocument>,
  onProgress: (progress: LoadProgress) => void,
  options: { total?: number } = {},
): Promise<LoadResult> {
  const before = await relationshipCount(executor);
  const started = performance.now();
  const failed: LoadResult["failed"] = [];
  const timings = emptyTimings();
  let done = 0;
  let lastReport = started;
  let reported = -1;
  const report = async () => {
    reported = done;
    const seconds = (performance.now() - started) / 1000;
    const relationships = (await relationshipCount(executor)) - before;
    onProgress({
      documents: done,
      total: options.total ?? null,
      seconds,
      relationships,
      relationshipsPerSecond: seconds > 0 ? relationships / seconds : 0,
      timings: { ...timings },
    });
  };
  const sources = [...documents].map((d) => ({ sourceName: d.name, read: () => d.text }));
  let progress: Promise<void> = Promise.resolve();
  await ingestMany(executor, sources, {
    timings,
    onOutcome(outcome) {
      if (!outcome.ok) failed.push({ name: outcome.sourceName, error: outcome.reason });
      done += 1;
      if (performance.now() - lastReport >= progressEveryMs) {
        lastReport = performance.now();
        progress = progress.then(report);
      }
    },
  });
  await progress;
  // the load ends with the last commit; the final count is taken outside the timed span
  const seconds = (performance.now() - started) / 1000;
  const relationships = (await relationshipCount(executor)) - before;
  if (reported !== done) {
    onProgress({
      documents: done,
      total: options.total ?? null,
      seconds,
      relationships,
      relationshipsPerSecond: relationships / seconds,
      timings: { ...timings },
    });
  }
  return {
    documents: done,
    failed,
    seconds,
    relationships,
    relationshipsPerSecond: relationships / seconds,
    timings: { ...timings },
  };
}
