import path from "node:path";
import { projectRoot } from "../config/settings.js";
import type { GraphExecutor } from "../graph/executor.js";
import { applyMigrations } from "../graph/migrations.js";
import type { CommandIO } from "./command.js";
import { ingestFiles } from "./commands/ingest.js";
import { expandPaths } from "./source-files.js";

export const seedsDir = path.join(projectRoot, "seeds");

/** Applies migrations; on a database without any ingested document, ingests seeds/. */
export async function prepareGraph(executor: GraphExecutor, io: Pick<CommandIO, "err">): Promise<void> {
  for (const applied of await applyMigrations(executor)) io.err(`cancu: migration ${applied}`);
  const [record] = await executor.read({
    cypher: "MATCH (d:Document {ingested: true}) RETURN count(d) > 0 AS seeded",
    params: {},
  });
  if (record?.get("seeded")) return;
  const { files } = expandPaths([seedsDir]);
  io.err(`cancu: empty database, ingesting ${files.length} seed document(s) from seeds/`);
  const summary = await ingestFiles(executor, files, io);
  if (summary.failed.length > 0) {
    throw new Error(`could not ingest the seeds: ${summary.failed.map((f) => f.reason).join("; ")}`);
  }
}
