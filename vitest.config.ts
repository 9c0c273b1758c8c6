import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";
import SeedAloneFirstSequencer from "./tests/setup/sequencer.js";

// graphql 16 ships CJS (main) and ESM (module) builds. Node and the type-graphql/Apollo packages
// load the CJS one; Vite would pick the ESM one for our own imports, and two copies of graphql
// refuse each other's types ("from another module or realm"). Pin every import to Node's choice.
const require = createRequire(import.meta.url);
const resolve = { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] };

/** Starts (or joins) the run's one Neo4j: only the projects that list it need Java. */
const neo4j = ["tests/setup/global-neo4j.ts"];

// Tiers, each a project with its own script (`npm run test:unit`, `test:int`, `test:e2e`,
// `test:faults`); `vitest run` runs them all with one Neo4j shared by integration and e2e.
// - unit: pure, no database, no Java; files run in parallel.
// - integration: against the shared Neo4j.
// - e2e: `cancu` processes and Chromium against the shared Neo4j.
// - faults: processes and databases killed on purpose; each file starts the Neo4j servers it kills.
// The last three run one file at a time (fileParallelism: false puts them in one sequential
// group, after the unit files): they never load the machine or the database together.
// Projects do not `extend` the root, and the root has no global setup: a project's global setup
// runs only when that project has files in the run.
/** A tier whose files share the one test Neo4j, one file at a time. */
function onSharedNeo4j(name: string, include: string) {
  return {
    resolve,
    test: {
      name,
      include: [include],
      globalSetup: neo4j,
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 240_000,
    },
  };
}

export default defineConfig({
  resolve,
  test: {
    reporters: ["default", "./tests/setup/summary-reporter.ts"],
    // the files that expect the graph of the seed alone run first (tests/setup/sequencer.ts)
    sequence: { sequencer: SeedAloneFirstSequencer },
    projects: [
      {
        resolve,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 },
      },
      onSharedNeo4j("integration", "tests/integration/**/*.test.ts"),
      onSharedNeo4j("e2e", "tests/e2e/**/*.test.ts"),
      {
        // tests/faults/README.md
        resolve,
        test: {
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
