/**
 * The contract between the parts of the scale benchmark (`npm run bench`, issue #6):
 * - query-mix.ts: the questions, their parameter pools, and how each of the three targets is asked
 *   and how its answer is reduced to a canonical form (so answers can be compared);
 * - servers: cancu (the real API), the floor (neo4j-driver behind bare node:http), the peer
 *   (@neo4j/graphql 7 behind Apollo Server), each started as its own child process so that its peak
 *   RSS is its own;
 * - run.ts: loads the synthetic graph, starts the servers, checks answers, drives autocannon.
 */

export type TargetName = "cancu" | "floor" | "peer";
export const TARGETS: readonly TargetName[] = ["cancu", "floor", "peer"];

/** One HTTP request exactly as autocannon will send it (POST with a JSON body, or GET). */
export interface HttpRequestSpec {
  method: "GET" | "POST";
  /** path and query string, e.g. "/graphql" or "/q/drivers?task=…&depth=4" */
  path: string;
  headers?: Record<string, string>;
  /** JSON text for POST */
  body?: string;
}

/** Parameters of one question instance: plain JSON values (keys, symbols, search words, depths). */
export type QueryParams = Record<string, string | number | boolean | null>;

export interface ParamPools {
  /** a few instances asked over and over (cache-friendly) */
  hot: QueryParams[];
  /** many distinct instances, each asked rarely (cold) */
  cold: QueryParams[];
}

export interface BenchQuestion {
  /** stable id used in reports: "document", "tasksImplementing.direct", "drivers.d4", … */
  name: string;
  /** traversal questions are the ones the ≥1.5× peer goal and the 1.25× floor goal are about */
  traversal: boolean;
  /** draws the pools from the loaded graph with a seeded RNG (same seed and graph → same pools) */
  pools(ctx: PoolContext): Promise<ParamPools>;
  /** the request each target gets for one instance */
  request(target: TargetName, params: QueryParams): HttpRequestSpec;
  /**
   * The answer reduced to a canonical JSON-able value (sorted where order is not part of the
   * question) from the parsed response body; throws when the body is an error. Equal canonical
   * answers across the three targets = same answer.
   */
  canonical(target: TargetName, body: unknown): unknown;
}

export interface PoolContext {
  /** neo4j-driver Driver on the benchmark database */
  driver: import("neo4j-driver").Driver;
  database: string;
  /** seeded RNG in [0, 1) */
  random: () => number;
  hotSize: number;
  coldSize: number;
}

/** How run.ts starts a target: a child process that prints one line `READY <port>` on stdout. */
export interface ServerLaunch {
  target: TargetName;
  /** argv for `node`, e.g. ["--import", "tsx", "bench/scale/floor-server.ts"] */
  nodeArgs: string[];
  /** env added to process.env: NEO4J_URI, NEO4J_DATABASE and PORT=0 are always set by run.ts */
  env?: Record<string, string>;
}
