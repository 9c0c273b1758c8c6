import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { localNeo4jSettings } from "../src/config/settings.js";
import { startLocalNeo4j, type LocalNeo4jHandle, type Neo4jWorkload } from "../src/neo4j/local-neo4j.js";

export interface BenchGraph {
  driver: Driver;
  database: string;
  uri: string;
  /** credentials for uri: the local server's, or NEO4J_USER / NEO4J_PASSWORD with CANCU_BENCH_NEO4J_URI */
  user: string;
  password: string;
  /** deletes every node, in batches (benchmarks own their database) */
  wipe(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Benchmarks wipe their database between runs, so they never use NEO4J_URI (that may be yours):
 * they start a local Neo4j on a temporary store, or use CANCU_BENCH_NEO4J_URI, which they WILL wipe.
 * The local one is set up for `workload`: a bulk load, as `cancu ingest` starts it, unless told.
 */
export async function benchGraph(
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  workload: Neo4jWorkload = "load",
): Promise<BenchGraph> {
  let local: LocalNeo4jHandle | null = null;
  let dataDir: string | null = null;
  let uri = process.env.CANCU_BENCH_NEO4J_URI;
  let user = process.env.NEO4J_USER || "neo4j";
  let password = process.env.NEO4J_PASSWORD || "";
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-bench-neo4j-"));
    // the local Neo4j's heap, page cache and JVM options from the environment (bench/run.ts sets them)
    const configured = localNeo4jSettings(process.env);
    local = await startLocalNeo4j({ ...configured, dataDir, port: 0, database: "neo4j" }, log, workload);
    ({ uri, user, password } = local);
  }
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  const database = process.env.NEO4J_DATABASE || "neo4j";
  return {
    driver,
    database,
    uri,
    user,
    password,
    async wipe() {
      // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run, not executeQuery
      const session = driver.session({ database });
      try {
        await session.run(
          "MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
        );
      } finally {
        await session.close();
      }
    },
    async close() {
      await driver.close();
      await local?.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function relationshipCount(graph: BenchGraph): Promise<number> {
  const { records } = await graph.driver.executeQuery(
    "MATCH ()-[r]->() RETURN count(r) AS n",
    {},
    { database: graph.database },
  );
  return Number(records[0]?.get("n"));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function machineLine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Neo4j 5.26 Community embedded`;
}
