import type { Config } from "neo4j-driver";
import type { Neo4jWorkload } from "../neo4j/local-neo4j.js";

/**
 * The driver's time limits for a database that does not answer (`timeoutMs`: CANCU_DB_TIMEOUT_MS):
 * connecting, and (serving) waiting for a pooled connection, so that a request fails with 503
 * DATABASE_UNAVAILABLE within seconds instead of the driver's 30–60 s. A bulk load holds
 * one or two connections and keeps the driver's 60 s for the pool. Retries are the executor's
 * (executor.ts); the driver's own budget only bounds what does not go through it.
 */
export function driverTimeouts(workload: Neo4jWorkload, timeoutMs: number): Config {
  return {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: workload === "serve" ? timeoutMs : 60_000,
    maxTransactionRetryTime: timeoutMs,
  };
}
