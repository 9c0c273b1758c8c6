import { GraphExecutor } from "../../src/graph/executor.js";
import { seedSources } from "../../src/cli/source-files.js";
import { prepareGraph } from "../../src/graph/prepare-graph.js";
import { testDriver, testNeo4j } from "./neo4j-context.js";

/** Migrations plus the seed resolution in the test Neo4j (idempotent: seeds only an empty graph). */
export async function seedGraph(): Promise<void> {
  const driver = testDriver();
  try {
    await prepareGraph(new GraphExecutor(driver, testNeo4j().database), { seedSources, log: () => {} });
  } finally {
    await driver.close();
  }
}
