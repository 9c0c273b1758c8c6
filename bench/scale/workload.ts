/**
 * What one load run sends and how each answer is checked: a list of prepared requests (one per
 * question instance, hot and cold interleaved) and, for each, the canonical answer agreed on by the
 * three targets before the run.
 */
import type { BenchQuestion, HttpRequestSpec, QueryParams, TargetName } from "./contract.js";
import { firstDifference, stableJson } from "./verify.js";

export type Pool = "hot" | "cold";

export interface PreparedRequest {
  spec: HttpRequestSpec;
  pool: Pool;
  /** the canonical answer (stable JSON) that a correct response reduces to */
  expected: string;
}

export interface Instance {
  params: QueryParams;
  pool: Pool;
  /** stable JSON of the canonical answer, the same for all three targets (checked before any load) */
  expected: string;
}

/** Run-level counters and latencies of one target on one configuration in one trial. */
export interface TrialMeasurement {
  /** length of the measured window, seconds */
  seconds: number;
  /** responses received (any status) */
  responses: number;
  /** 2xx responses per second: the throughput figure */
  throughput: number;
  non2xx: number;
  /** socket errors and timeouts (no response at all) */
  errors: number;
  /** latency of 2xx responses, ms; all, and split by pool */
  latency: import("./stats.js").LatencySummary;
  hot: import("./stats.js").LatencySummary;
  cold: import("./stats.js").LatencySummary;
  /** sampled responses run through the question's `canonical` and compared with `expected` */
  bodyChecked: number;
  bodyFailed: number;
  firstBodyFailure: string | null;
  /**
   * CPU milliseconds per 2xx response, of the server process under test and of the Neo4j JVM
   * (from /proc, user + system, 10 ms ticks); null when not readable
   */
  serverCpuMsPerRequest?: number | null;
  neo4jCpuMsPerRequest?: number | null;
  /** open loop only: requests the schedule asked for, and how late the generator sent them (ms) */
  scheduled?: number;
  sendLagP99?: number;
}

/**
 * The request list for one target: hot and cold instances alternate, so half of all requests go to
 * the few hot instances (each asked many times) and half walk through the cold pool (each asked
 * about once per pass). Latencies are kept per pool, so both are reported from the same run.
 */
export function prepareRequests(
  question: BenchQuestion,
  target: TargetName,
  instances: readonly Instance[],
): PreparedRequest[] {
  const hot = instances.filter((i) => i.pool === "hot");
  const cold = instances.filter((i) => i.pool === "cold");
  const ordered: Instance[] = [];
  const rounds = Math.max(hot.length, cold.length);
  for (let i = 0; i < rounds; i++) {
    if (cold.length > 0) ordered.push(cold[i % cold.length]!);
    if (hot.length > 0) ordered.push(hot[i % hot.length]!);
  }
  return ordered.map((instance) => ({
    spec: question.request(target, instance.params),
    pool: instance.pool,
    expected: instance.expected,
  }));
}

/**
 * Which responses of a run are checked: the first 20 (so that a slow question, with few answers per
 * run, is checked too), then one in `every`.
 */
export function shouldCheck(responseNumber: number, every: number): boolean {
  return responseNumber <= 20 || responseNumber % every === 0;
}

/**
 * Checks one response body against the expected canonical answer; returns why it is wrong, or null.
 * Runs in the load generator, so it is sampled (every Nth response): parsing every body at c=32
 * would steal CPU from the servers on a small machine.
 */
export function checkBody(
  question: BenchQuestion,
  target: TargetName,
  request: PreparedRequest,
  status: number,
  body: string,
): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}: ${body.slice(0, 200)}`;
  try {
    const got = stableJson(question.canonical(target, JSON.parse(body)));
    if (got === request.expected) return null;
    const where = firstDifference(JSON.parse(got), JSON.parse(request.expected));
    return `answer differs${where ? ` at ${where}` : ""}: got ${got.slice(0, 200)}, expected ${request.expected.slice(0, 200)}`;
  } catch (error) {
    return `canonical() refused the body: ${error instanceof Error ? error.message : String(error)}: ${body.slice(0, 200)}`;
  }
}
