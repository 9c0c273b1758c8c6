import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql 16 ships CJS (main) and ESM (module) builds. Node and the type-graphql/Apollo packages
// load the CJS one; Vite would pick the ESM one for our own imports, and two copies of graphql
// refuse each other's types ("from another module or realm"). Pin every import to Node's choice.
const require = createRequire(import.meta.url);
const resolve = { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] };

// Unit tests are pure and run in parallel. Integration and end-to-end tests share one real Neo4j
// (started once by the root's global setup unless NEO4J_URI is set), so their files run one at a time.
// Projects do not `extend` the root: that would run the global setup once per project.
export default defineConfig({
  resolve,
  test: {
    globalSetup: ["tests/setup/global-neo4j.ts"],
    reporters: ["default", "./tests/setup/summary-reporter.ts"],
    projects: [
      {
        resolve,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 },
      },
      {
        resolve,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        // processes and databases killed on purpose (tests/faults/README.md): each file starts the
        // Neo4j servers it kills, so they never touch the shared one; one file at a time (2 cores)
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
