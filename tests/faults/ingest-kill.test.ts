import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalNeo4j, stateFilePath, type LocalNeo4jHandle } from "../../src/neo4j/local-neo4j.js";
import {
  boltDriver,
  documentShapes,
  faultCorpus,
  graphLines,
  pendingMarks,
  runCli,
  wipe,
} from "./fault-kit.js";

// Faults a user meets on a long load: the CLI killed (kill -9, a closed terminal) and the database
// killed under it. Every document must land whole or not at all, and running the same command
// again must give the graph a clean load gives.

const corpus = faultCorpus();
const storeA = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-fault-a-"));
const storeB = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-fault-b-"));
const batch = ["--batch", "4"];
let database: LocalNeo4jHandle;
let driver: Driver;
let clean: { lines: string[]; shapes: Map<string, string>; exit: number | string };

function remoteEnv(): Record<string, string | undefined> {
  return { NEO4J_URI: database.uri, NEO4J_USER: "neo4j", NEO4J_PASSWORD: database.password };
}

/** Every ingested document in the graph is exactly as in the clean load, and no mark is left. */
async function expectNoPartialDocument(graph: Driver): Promise<number> {
  const shapes = await documentShapes(graph);
  for (const [key, shape] of shapes) expect({ key, shape }).toEqual({ key, shape: clean.shapes.get(key) });
  expect(await pendingMarks(graph)).toBe(0);
  return shapes.size;
}

beforeAll(async () => {
  process.stderr.write(`faults: corpus ${corpus.kind}, ${corpus.files} files\n`);
  database = await startLocalNeo4j({ kind: "local", dataDir: storeA, port: 0, database: "neo4j" }, () => {});
  driver = boltDriver(database.uri, database.password);
  const run = runCli(["ingest", ...batch, corpus.dir], remoteEnv());
  const exit = await run.exited;
  clean = { lines: await graphLines(driver), shapes: await documentShapes(driver), exit };
  // a corpus file the extractor cannot use is reported and skipped (exit 1); anything else is a bug
  expect([0, 1]).toContain(exit);
  expect(clean.shapes.size).toBeGreaterThan(corpus.files / 2);
}, 600_000);

afterAll(async () => {
  await driver?.close();
  await database?.stop();
  for (const dir of [storeA, storeB]) fs.rmSync(dir, { recursive: true, force: true });
  corpus.cleanup();
});

describe("kill -9 of `cancu ingest` in the middle of a corpus", () => {
  it("leaves no document partial, and the same command again converges to the clean graph", async () => {
    await wipe(driver);
    const killed = runCli(["ingest", ...batch, corpus.dir], remoteEnv());
    await killed.progress(20);
    killed.child.kill("SIGKILL");
    expect(await killed.exited).toBe("SIGKILL");

    const committed = await expectNoPartialDocument(driver);
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(clean.shapes.size);

    const again = runCli(["ingest", ...batch, corpus.dir], remoteEnv());
    expect(await again.exited).toBe(clean.exit);
    expect(again.lines.filter((l) => / unchanged /.test(l)).length).toBeGreaterThanOrEqual(committed);
    expect(await graphLines(driver)).toEqual(clean.lines);
  }, 600_000);
});

describe("kill -9 of the database under `cancu ingest`", () => {
  it("stops the run within seconds with what committed, nothing partial, and a re-run converges", async () => {
    // the CLI starts its own Neo4j on store B, as on a user's machine
    const run = runCli(["ingest", ...batch, corpus.dir], {
      NEO4J_URI: undefined,
      CANCU_DATA_DIR: storeB,
      CANCU_NEO4J_HEAP: "512m",
    });
    await run.progress(20);
    const state = JSON.parse(fs.readFileSync(stateFilePath(storeB), "utf8")) as { pid: number };
    const killedAt = Date.now();
    process.kill(state.pid, "SIGKILL");
    const exit = await run.exited;
    const stoppedAfterMs = Date.now() - killedAt;
    process.stderr.write(`faults: cancu ingest ended ${stoppedAfterMs} ms after its Neo4j was killed\n`);
    expect(exit).toBe(3);
    const output = run.lines.join("\n");
    expect(output).toMatch(/database is unavailable/);
    expect(output).toMatch(/stopped after \d+ of \d+ files were committed/);
    expect(output).toMatch(/Run the same command again/);
    expect(output).toMatch(/^files: \d+, loaded: \d+/m);
    expect(output).not.toMatch(/\n\s+at |unexpected error/);
    expect(stoppedAfterMs).toBeLessThan(60_000);

    // the store comes back (Neo4j recovers its log on start): nothing partial in it
    const reopened = await startLocalNeo4j(
      { kind: "local", dataDir: storeB, port: 0, database: "neo4j" },
      () => {},
    );
    const graph = boltDriver(reopened.uri, reopened.password);
    try {
      const committed = await expectNoPartialDocument(graph);
      expect(committed).toBeGreaterThan(0);
      const again = runCli(["ingest", ...batch, corpus.dir], {
        CANCU_DATA_DIR: storeB,
        NEO4J_URI: undefined,
      });
      expect(await again.exited).toBe(clean.exit);
      expect(await graphLines(graph)).toEqual(clean.lines);
    } finally {
      await graph.close();
      await reopened.stop();
    }
  }, 600_000);
});
