import path from "node:path";
import { fileURLToPath } from "node:url";
import { UserFacingError } from "./user-facing-error.js";

/**
 * Configuration, read once: the CLI calls loadSettings(process.env) and passes what each part needs
 * down; nothing else reads the environment. Every variable's name, default and meaning is the
 * README's table ("Environment variables").
 */

/** The checkout's root: two folders above this file (src/config/). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The documents `cancu serve` ingests into an empty database. */
export const seedsDir = path.join(projectRoot, "seeds");

/** The environment as loadSettings reads it (process.env, or a test's table). */
export type Env = Readonly<Record<string, string | undefined>>;

export interface RemoteNeo4jSettings {
  kind: "remote";
  uri: string;
  user: string;
  password: string;
  database: string;
}

/**
 * The local embedded Neo4j. The fields after `database` are left out by callers that want the
 * defaults (localNeo4jDefaults); loadSettings fills them from the environment.
 */
export interface LocalNeo4jSettings {
  kind: "local";
  dataDir: string;
  /** 0 picks a free port */
  port: number;
  database: string;
  /** CANCU_NEO4J_HEAP: the JVM's -Xmx */
  heap?: string;
  /** CANCU_NEO4J_PAGE_CACHE */
  pageCache?: string;
  /** CANCU_NEO4J_JVM_OPTS: JVM options besides the heap; when given, they replace the workload's default */
  jvmOptions?: readonly string[];
  /** CANCU_NEO4J_SETTINGS: further Neo4j settings, `name=value` each */
  extraSettings?: readonly string[];
  /** CANCU_NEO4J_RESTARTS: restarts of a served local Neo4j that died, within 5 minutes */
  maxRestarts?: number;
  /** JAVA_HOME: the Java that runs it (else `java` on the PATH) */
  javaHome?: string;
}

export type Neo4jSettings = RemoteNeo4jSettings | LocalNeo4jSettings;

export const localNeo4jDefaults = { heap: "2g", pageCache: "512m", maxRestarts: 3 } as const;

/** CANCU_CACHE_BYTES's default: 256 MiB of kept answers per API process. */
export const defaultCacheBytes = 256 * 1024 * 1024;

/** CANCU_DB_TIMEOUT_MS's default. */
export const defaultDatabaseTimeoutMs = 5_000;

export interface Settings {
  http: {
    /** PORT (0: any free port) */
    port: number;
    /** HOST */
    host: string;
    /** CANCU_ALLOWED_HOSTS: host names answered besides localhost and the server's own addresses */
    allowedHosts: string[];
  };
  /** NEO4J_URI selects a server of yours; without it, the local embedded Neo4j */
  neo4j: Neo4jSettings;
  /**
   * CANCU_DB_TIMEOUT_MS: how long cancu waits for a database that does not answer (connecting, a
   * connection from the pool, retrying a lost one) before it gives up: the API answers 503
   * DATABASE_UNAVAILABLE, `cancu ingest` stops. A slow query is not cut by it.
   */
  databaseTimeoutMs: number;
  /** CANCU_API_KEY: the key mutations require (x-api-key); unset, mutations are refused */
  apiKey: string | undefined;
  /** the answer cache and HTTP caching of `cancu serve` (#21, src/api/cache/) */
  cache: {
    /** CANCU_CACHE_BYTES: the most the kept answers may take (0: no cache, no version read, no ETag) */
    bytes: number;
    /** CANCU_HTTP_MAX_AGE: seconds a browser or proxy may reuse a read without asking (0: revalidate each time) */
    maxAgeSeconds: number;
  };
  /** NODE_ENV=development: stack traces in unexpected errors, source maps on */
  development: boolean;
  /** stack traces mapped to the TypeScript: NODE_ENV=development or CANCU_SOURCE_MAPS=1 */
  sourceMaps: boolean;
  /** CANCU_DEBUG: the CLI prints an unexpected error's stack */
  debug: boolean;
}

export class SettingsError extends UserFacingError {
  override name = "SettingsError";
}

/** Reads and checks every setting; a bad value is a SettingsError naming the variable. */
export function loadSettings(env: Env): Settings {
  const development = env.NODE_ENV === "development";
  return {
    http: { port: httpPort(env), host: httpHost(env), allowedHosts: allowedHosts(env) },
    neo4j: neo4jSettings(env),
    databaseTimeoutMs: databaseTimeoutMs(env),
    apiKey: env.CANCU_API_KEY || undefined,
    cache: {
      bytes: parseBytes("CANCU_CACHE_BYTES", env.CANCU_CACHE_BYTES, defaultCacheBytes),
      maxAgeSeconds: parseCount("CANCU_HTTP_MAX_AGE", env.CANCU_HTTP_MAX_AGE, 0),
    },
    development,
    sourceMaps: development || env.CANCU_SOURCE_MAPS === "1",
    debug: debugRequested(env),
  };
}

/** CANCU_DEBUG: read apart too, for the CLI's report of an error that may be a bad setting itself. */
export function debugRequested(env: Env): boolean {
  return given(env.CANCU_DEBUG);
}

function given(raw: string | undefined): raw is string {
  return raw !== undefined && raw !== "";
}

function parsePort(name: string, raw: string | undefined, fallback: number): number {
  if (!given(raw)) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SettingsError(`${name} must be a port number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/** A size in bytes: a whole number, or with a binary suffix (`64k`, `256m`, `1g`: KiB, MiB, GiB). */
function parseBytes(name: string, raw: string | undefined, fallback: number): number {
  if (!given(raw)) return fallback;
  const match = /^(\d+)\s*([kmg])?(?:i?b)?$/i.exec(raw.trim());
  if (!match) {
    throw new SettingsError(
      `${name} must be a size in bytes (a whole number, or with k, m or g), got "${raw}"`,
    );
  }
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? "").toLowerCase()] ?? 1;
  return Number(match[1]) * unit;
}

function parseCount(name: string, raw: string | undefined, fallback: number): number {
  if (!given(raw)) return fallback;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0) {
    throw new SettingsError(`${name} must be a whole number from 0, got "${raw}"`);
  }
  return count;
}

function parseMilliseconds(name: string, raw: string | undefined, fallback: number): number {
  if (!given(raw)) return fallback;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) {
    throw new SettingsError(`${name} must be a number of milliseconds from 100 to 600000, got "${raw}"`);
  }
  return ms;
}

/** A memory size: digits and a unit, as -Xmx (`2g`) and Neo4j (`512m`, `512MiB`) read it. */
function parseMemory(name: string, raw: string | undefined, fallback: string, pattern: RegExp): string {
  if (!given(raw)) return fallback;
  if (!pattern.test(raw.trim()))
    throw new SettingsError(`${name} must be a memory size such as 512m or 2g, got "${raw}"`);
  return raw.trim();
}
const jvmMemory = /^\d+[kmgt]?$/i;
const neo4jMemory = /^\d+(\.\d+)?\s*([kmgt](i?b)?)?$/i;

/** CANCU_NEO4J_JVM_OPTS: space-separated. */
export function splitJvmOptions(raw: string | undefined): string[] {
  return (raw ?? "").split(/\s+/).filter((option) => option !== "");
}

/** CANCU_NEO4J_SETTINGS="name=value;name=value" (or one per line). */
export function splitNeo4jSettings(raw: string | undefined): string[] {
  const pairs = (raw ?? "")
    .split(/[;\n]/)
    .map((pair) => pair.trim())
    .filter((pair) => pair !== "");
  const bad = pairs.find((pair) => !/^[^=\s]+=/.test(pair));
  if (bad !== undefined)
    throw new SettingsError(`CANCU_NEO4J_SETTINGS takes name=value pairs separated by ";", got "${bad}"`);
  return pairs;
}

/**
 * Where the graph lives. NEO4J_URI selects any server (Aura, self-hosted, a cluster through neo4j://);
 * without it cancu runs its own embedded Neo4j with its data under .cancu/ in the checkout.
 */
export function neo4jSettings(env: Env): Neo4jSettings {
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
  return localNeo4jSettings(env);
}

/** The local embedded Neo4j's settings, whether or not NEO4J_URI is set. */
export function localNeo4jSettings(env: Env): LocalNeo4jSettings {
  return {
    kind: "local",
    dataDir: path.resolve(env.CANCU_DATA_DIR || path.join(projectRoot, ".cancu", "neo4j")),
    port: parsePort("CANCU_NEO4J_PORT", env.CANCU_NEO4J_PORT, 0),
    database: env.NEO4J_DATABASE || "neo4j",
    heap: parseMemory("CANCU_NEO4J_HEAP", env.CANCU_NEO4J_HEAP, localNeo4jDefaults.heap, jvmMemory),
    pageCache: parseMemory(
      "CANCU_NEO4J_PAGE_CACHE",
      env.CANCU_NEO4J_PAGE_CACHE,
      localNeo4jDefaults.pageCache,
      neo4jMemory,
    ),
    jvmOptions: splitJvmOptions(env.CANCU_NEO4J_JVM_OPTS),
    extraSettings: splitNeo4jSettings(env.CANCU_NEO4J_SETTINGS),
    maxRestarts: parseCount("CANCU_NEO4J_RESTARTS", env.CANCU_NEO4J_RESTARTS, localNeo4jDefaults.maxRestarts),
    ...(given(env.JAVA_HOME) ? { javaHome: env.JAVA_HOME } : {}),
  };
}

export function httpPort(env: Env): number {
  return parsePort("PORT", env.PORT, 4000);
}

export function httpHost(env: Env): string {
  return env.HOST || "127.0.0.1";
}

export function databaseTimeoutMs(env: Env): number {
  return parseMilliseconds("CANCU_DB_TIMEOUT_MS", env.CANCU_DB_TIMEOUT_MS, defaultDatabaseTimeoutMs);
}

/**
 * CANCU_ALLOWED_HOSTS: host names (comma-separated, no port) the HTTP server answers besides
 * localhost, 127.0.0.1, [::1] and the address a request came in on; `.example.org` allows the
 * domain and its subdomains, `*` any host. For a deployment behind a proxy that keeps the public
 * Host header.
 */
export function allowedHosts(env: Env): string[] {
  return (env.CANCU_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== "");
}
