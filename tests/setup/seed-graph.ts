import { GraphExecutor } from "../../src/graph/executor.js";
import { fileSources, seedResolutionFile } from "../../src/cli/source-files.js";
import { ingestText } from "../../src/graph/ingest.js";
import { readIngestInput } from "../../src/graph/ingest-many.js";
import { prepareGraph } from "../../src/graph/prepare-graph.js";
import { testDriver, testNeo4j } from "./neo4j-context.js";

/** The tests' seed: the seed resolution alone (npm start also loads seeds/chains), so answers stay fixed. */
const seedSources = () => fileSources([seedResolutionFile]);

/** Migrations plus the seed resolution in the test Neo4j (idempotent: seeds only an empty graph). */
export async function seedGraph(): Promise<void> {
  const driver = testDriver();
  try {
    await prepareGraph(new GraphExecutor(driver, testNeo4j().database), { seedSources, log: () => {} });
  } finally {
    await driver.close();
  }
}

/**
 * The seed in the test Neo4j even when other tests left documents behind (seedGraph then seeds
 * nothing): every seed text is ingested again, which changes nothing when it is already there.
 */
export async function ensureSeed(): Promise<void> {
  await seedGraph();
  const driver = testDriver();
  try {
    const executor = new GraphExecutor(driver, testNeo4j().database);
    for (const source of seedSources()) await ingestText(executor, await readIngestInput(source));
  } finally {
    await driver.close();
  }
}
