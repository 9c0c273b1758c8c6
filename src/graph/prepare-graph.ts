import type { GraphExecutor } from "./executor.js";
import { ingestMany, type IngestSource } from "./ingest-many.js";
import { applyMigrations } from "./migrations.js";
import { holdsIngestedDocuments } from "./queries/stats.queries.js";

export interface PrepareGraphOptions {
  /**
   * The documents an empty graph is seeded with. Called only when the graph holds no ingested
   * document; reading them is the caller's (the CLI reads seeds/), so this layer does no file I/O.
   */
  seedSources(): readonly IngestSource[];
  /** one line per migration applied and per seed document */
  log(line: string): void;
}

/** Applies migrations; on a database without any ingested document, ingests the seed documents. */
export async function prepareGraph(executor: GraphExecutor, options: PrepareGraphOptions): Promise<void> {
  for (const applied of await applyMigrations(executor)) options.log(`cancu: migration ${applied}`);
  const [record] = await executor.read(holdsIngestedDocuments());
  if (record?.get("seeded") === true) return;
  const sources = options.seedSources();
  options.log(`cancu: empty database, ingesting ${sources.length} seed document(s)`);
  const failed: string[] = [];
  await ingestMany(executor, sources, {
    onOutcome(outcome) {
      if (outcome.ok) options.log(`cancu: seed ${outcome.result.status} ${outcome.sourceName}`);
      else failed.push(outcome.reason);
    },
  });
  if (failed.length > 0) throw new Error(`could not ingest the seeds: ${failed.join("; ")}`);
}
