import path from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout's root: two folders above this file (src/config/). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface RemoteNeo4jSettings {
  kind: "remote";
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface LocalNeo4jSettings {
  kind: "local";
  dataDir: string;
  /** 0 picks a free port */
  port: number;
  database: string;
}

export type Neo4jSettings = RemoteNeo4jSettings | LocalNeo4jSettings;

import { UserFacingError } from "./user-facing-error.js";

export class SettingsError extends UserFacingError {
  override name = "SettingsError";
}

function parsePort(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SettingsError(`${name} must be a port number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/**
 * Where the graph lives. NEO4J_URI selects any server (Aura, self-hosted, a cluster through neo4j://);
 * without it cancu runs its own embedded Neo4j with its data under .cancu/ in the checkout.
 */
export function neo4jSettings(env: NodeJS.ProcessEnv = process.env): Neo4jSettings {
  const database = env.NEO4J_DATABASE || "neo4j";
  if (env.NEO4J_URI) {
    return {
      kind: "remote",
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER || env.NEO4J_USERNAME || "neo4j",
      password: env.NEO4J_PASSWORD || "",
      database,
    };
  }
  return {
    kind: "local",
    dataDir: path.resolve(env.CANCU_DATA_DIR || path.join(projectRoot, ".cancu", "neo4j")),
    port: parsePort("CANCU_NEO4J_PORT", env.CANCU_NEO4J_PORT, 0),
    database,
  };
}

export function httpPort(env: NodeJS.ProcessEnv = process.env): number {
  return parsePort("PORT", env.PORT, 4000);
}

export function httpHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOST || "127.0.0.1";
}

function parseMilliseconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) {
    throw new SettingsError(`${name} must be a number of milliseconds from 100 to 600000, got "${raw}"`);
  }
  return ms;
}

/**
 * CANCU_DB_TIMEOUT_MS: how long cancu waits for a database that does not answer (connecting, a
 * connection from the pool, retrying a lost one) before it gives up: the API answers 503
 * DATABASE_UNAVAILABLE, `cancu ingest` stops. A slow query is not cut by it (reads have their own
 * time limit; writes none).
 */
export function databaseTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return parseMilliseconds("CANCU_DB_TIMEOUT_MS", env.CANCU_DB_TIMEOUT_MS, 5_000);
}

/**
 * CANCU_ALLOWED_HOSTS: host names (comma-separated, no port) the HTTP server answers besides
 * localhost, 127.0.0.1, [::1] and the address a request came in on; `.example.org` allows the
 * domain and its subdomains, `*` any host. For a deployment behind a proxy that keeps the public
 * Host header.
 */
export function allowedHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.CANCU_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== "");
}
