import neo4j, { type Driver } from "neo4j-driver";
import { defaultDatabaseTimeoutMs, type Neo4jSettings } from "../config/settings.js";
import { cancuVersion } from "../config/version.js";
import { startLocalNeo4j, type LocalNeo4jHandle, type Neo4jWorkload } from "../neo4j/local-neo4j.js";
import type { Log } from "../neo4j/neo4j-build.js";
import { driverTimeouts } from "./driver-config.js";

/** A driver and database name, plus the local server when this process started one. */
export interface GraphConnection {
  driver: Driver;
  database: string;
  uri: string;
  local: LocalNeo4jHandle | null;
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI, or starts (or reuses) the local embedded Neo4j, set up for `workload`;
 * `timeoutMs` (CANCU_DB_TIMEOUT_MS) bounds the wait for a database that does not answer.
 */
export async function connectGraph(
  settings: Neo4jSettings,
  log: Log,
  workload: Neo4jWorkload = "serve",
  timeoutMs: number = defaultDatabaseTimeoutMs,
): Promise<GraphConnection> {
  let local: LocalNeo4jHandle | null = null;
  let uri: string;
  let auth;
  if (settings.kind === "remote") {
    uri = settings.uri;
    auth = neo4j.auth.basic(settings.user, settings.password);
  } else {
    local = await startLocalNeo4j(settings, log, workload);
    uri = local.uri;
    // the local server's user neo4j, with the random password of its store (cancu-neo4j.json)
    auth = neo4j.auth.basic(local.user, local.password);
  }
  const driver = neo4j.driver(uri, auth, {
    userAgent: `cancu/${cancuVersion}`,
    ...driverTimeouts(workload, timeoutMs),
  });
  try {
    await driver.verifyConnectivity({ database: settings.database });
  } catch (error) {
    await driver.close();
    await local?.stop();
    throw new Error(`cannot reach Neo4j at ${uri}: ${(error as Error).message}`);
  }
  return {
    driver,
    database: settings.database,
    uri,
    local,
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}
