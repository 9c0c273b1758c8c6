import { performance } from "node:perf_hooks";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { GraphExecutor } from "../graph/executor.js";
import { versionNumber } from "../graph/graph-version.js";
import type { GraphVersionReader } from "./cache/graph-version-reader.js";
import type { ResponseCache } from "./cache/response-cache.js";

/** How a GraphQL request met the answer cache. */
export type CacheResult = "hit" | "miss" | "bypass" | "off";

/** Seconds: from 1 ms (a cache hit) to 15 s (the read time limit). */
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

/**
 * What GET /metrics shows, in Prometheus' text format (prom-client, one registry per API so that
 * two APIs in one process keep apart): GraphQL requests by operation type and cache result, their
 * latency, the database's time per round trip, the answer cache's hits, misses, evictions, size and
 * entries, the graph's version, and Node's own process metrics (`cancu_process_…`, `cancu_nodejs_…`).
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"operation" | "cache">;
  private readonly requestSeconds: Histogram<"operation" | "cache">;
  private readonly databaseSeconds: Histogram<"kind">;
  readonly cacheHits: Counter;
  readonly cacheMisses: Counter;
  readonly cacheEvictions: Counter;
  readonly notModified: Counter;

  constructor(
    sources: {
      cache?: ResponseCache | undefined;
      versions?: Pick<GraphVersionReader<unknown>, "latest"> | undefined;
    } = {},
  ) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: "cancu_graphql_requests_total",
      help: "GraphQL requests answered, by operation type (query, mutation, unknown: not parsed or not valid) and answer-cache result (hit, miss, bypass: not cacheable, off: no cache)",
      labelNames: ["operation", "cache"],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: "cancu_graphql_request_duration_seconds",
      help: "Time from a GraphQL request's arrival to its answer, by operation type and answer-cache result",
      labelNames: ["operation", "cache"],
      buckets: latencyBuckets,
      registers,
    });
    this.databaseSeconds = new Histogram({
      name: "cancu_database_duration_seconds",
      help: "Time of each database round trip made for a request: read, write (a transaction), version (the graph's version, read per request for the answer cache)",
      labelNames: ["kind"],
      buckets: latencyBuckets,
      registers,
    });
    this.cacheHits = new Counter({
      name: "cancu_response_cache_hits_total",
      help: "Answers served from the answer cache",
      registers,
    });
    this.cacheMisses = new Counter({
      name: "cancu_response_cache_misses_total",
      help: "Cacheable requests whose answer was not in the cache (computed, then kept if it is a query without errors)",
      registers,
    });
    this.cacheEvictions = new Counter({
      name: "cancu_response_cache_evictions_total",
      help: "Answers pushed out of the answer cache to make room",
      registers,
    });
    this.notModified = new Counter({
      name: "cancu_http_not_modified_total",
      help: "GraphQL requests answered 304 Not Modified (If-None-Match named the current ETag)",
      registers,
    });
    const cache = sources.cache;
    new Gauge({
      name: "cancu_response_cache_bytes",
      help: "Bytes taken by the kept answers (bodies, keys, headers, bookkeeping)",
      registers,
      collect() {
        this.set(cache?.bytes ?? 0);
      },
    });
    new Gauge({
      name: "cancu_response_cache_max_bytes",
      help: "The answer cache's bound in bytes (CANCU_CACHE_BYTES; 0: no cache)",
      registers,
      collect() {
        this.set(cache?.options.maxBytes ?? 0);
      },
    });
    new Gauge({
      name: "cancu_response_cache_entries",
      help: "Answers kept in the answer cache",
      registers,
      collect() {
        this.set(cache?.entries ?? 0);
      },
    });
    const versions = sources.versions;
    new Gauge({
      name: "cancu_graph_version",
      help: "The graph's version as last read (raised by every ingest that changes the graph); 0 before the first read",
      registers,
      collect() {
        this.set(versions?.latest ? versionNumber(versions.latest) : 0);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: "cancu_" });
  }

  observeRequest(operation: string | undefined, cache: CacheResult, seconds: number): void {
    const labels = { operation: operation ?? "unknown", cache };
    this.requests.inc(labels);
    this.requestSeconds.observe(labels, seconds);
  }

  observeDatabase(kind: "read" | "write" | "version", seconds: number): void {
    this.databaseSeconds.observe({ kind }, seconds);
  }

  /**
   * The request's executor, its reads and write transactions timed into
   * cancu_database_duration_seconds (the instance's methods are wrapped; it is the request's own).
   */
  timeDatabase(executor: GraphExecutor): GraphExecutor {
    // (a test's stand-in executor may have only some of the methods)
    if (typeof executor.read === "function") {
      const read = executor.read.bind(executor);
      executor.read = async (query) => {
        const start = performance.now();
        try {
          return await read(query);
        } finally {
          this.observeDatabase("read", (performance.now() - start) / 1000);
        }
      };
    }
    if (typeof executor.writeTransaction === "function") {
      const writeTransaction = executor.writeTransaction.bind(executor);
      executor.writeTransaction = async (work) => {
        const start = performance.now();
        try {
          return await writeTransaction(work);
        } finally {
          this.observeDatabase("write", (performance.now() - start) / 1000);
        }
      };
    }
    return executor;
  }

  /** The text GET /metrics answers, and its content type. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}
