import type http from "node:http";
import { performance } from "node:perf_hooks";
import type { VersionRead } from "../../graph/graph-version.js";
import type { ApiMetrics } from "../metrics.js";
import type { GraphVersionReader } from "./graph-version-reader.js";
import { requestKey } from "./request-key.js";
import { entityTag, ifNoneMatchHits, type CachedAnswer, type ResponseCache } from "./response-cache.js";

/** The answer cache and HTTP caching of one API (create-server.ts builds it, http-server.ts uses it). */
export interface HttpCaching {
  cache: ResponseCache;
  versions: GraphVersionReader<VersionRead>;
  /** CANCU_HTTP_MAX_AGE: how long a browser or proxy may reuse a read without asking (seconds) */
  maxAgeSeconds: number;
}

/** How a request met the cache before Apollo: answered from it, or to be answered by Apollo. */
export type Lookup =
  | { kind: "answered" }
  /** bookmarks: the version read's, which the request's own reads start from (graph-version.ts) */
  | { kind: "miss"; version: string; key: string; bookmarks: readonly string[] }
  | { kind: "bypass" };

/** Cache-Control of a kept read: public, reused for max-age seconds, then revalidated by its ETag. */
export function readCacheControl(maxAgeSeconds: number): string {
  return maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}` : "public, max-age=0, must-revalidate";
}

/** Cache-Control of everything else: mutations, errors, answers without a key. */
export const noStore = "no-store";

function send(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  answer: CachedAnswer,
  caching: HttpCaching,
  metrics: ApiMetrics,
  result: "hit" | "miss",
): void {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of answer.headers) headers[name] = value;
  headers.etag = answer.etag;
  headers["cache-control"] = readCacheControl(caching.maxAgeSeconds);
  headers["x-cancu-cache"] = result;
  // 304 only to a GET: for a POST, If-None-Match is a precondition of a change (RFC 9110 13.1.2)
  if (req.method === "GET" && ifNoneMatchHits(req.headers["if-none-match"], answer.etag)) {
    metrics.notModified.inc();
    delete headers["content-type"];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers["content-length"] = answer.body.byteLength;
  res.writeHead(200, headers);
  res.end(answer.body);
}

/**
 * Before Apollo: a request with a key (request-key.ts) reads the graph's version (one small read,
 * graph-version-reader.ts) and is answered from the cache when an answer of that version is kept,
 * `304 Not Modified` when a GET names its ETag. A DatabaseUnavailableError of the version read is
 * thrown: the caller answers 503 as Apollo would.
 */
export async function answerFromCache(
  caching: HttpCaching,
  metrics: ApiMetrics,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  body: unknown,
): Promise<Lookup> {
  const key = requestKey(req, url, body);
  if (!key) return { kind: "bypass" };
  const start = performance.now();
  const { version, bookmarks } = await caching.versions.current();
  metrics.observeDatabase("version", (performance.now() - start) / 1000);
  const kept = caching.cache.get(version, key.key);
  if (!kept) return { kind: "miss", version, key: key.key, bookmarks };
  metrics.cacheHits.inc();
  send(req, res, kept, caching, metrics, "hit");
  return { kind: "answered" };
}

/**
 * After Apollo, for a miss: a query answered without errors (answer-outcome.plugin.ts) is kept
 * under the version read before it ran, and sent with its ETag: an ingest that commits while it
 * runs makes that version old at once, so the answer, whichever graph it saw, is never served after
 * the commit. Its reads started from the version read's bookmarks, so in a cluster it saw at least
 * that version's graph, never an older one. Returns false for anything else (a mutation, an error), which the caller sends as
 * Apollo made it, `no-store`.
 */
export function keepAndSend(
  caching: HttpCaching,
  metrics: ApiMetrics,
  lookup: { version: string; key: string },
  outcome: { operationType: string | undefined; clean: boolean } | undefined,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  apollo: { status: number; headers: Iterable<[string, string]>; body: string | undefined },
): boolean {
  // only queries count as misses: a mutation is never looked for in the cache's hit rate
  if (outcome?.operationType === "query") metrics.cacheMisses.inc();
  if (
    outcome?.operationType !== "query" ||
    !outcome.clean ||
    apollo.status !== 200 ||
    apollo.body === undefined
  )
    return false;
  const answer: CachedAnswer = {
    body: Buffer.from(apollo.body, "utf8"),
    headers: [...apollo.headers].filter(([name]) => name.toLowerCase() !== "content-length"),
    etag: entityTag(lookup.version, lookup.key),
  };
  caching.cache.set(lookup.version, lookup.key, answer);
  send(req, res, answer, caching, metrics, "miss");
  return true;
}
