import type http from "node:http";
import { describe, expect, it } from "vitest";
import { GraphVersionReader } from "../../../src/api/cache/graph-version-reader.js";
import { passesCsrfPrevention, requestKey } from "../../../src/api/cache/request-key.js";
import { entityTag, ifNoneMatchHits, ResponseCache } from "../../../src/api/cache/response-cache.js";
import { ApiMetrics } from "../../../src/api/metrics.js";
import { versionNumber } from "../../../src/graph/graph-version.js";

// The answer cache's parts without a database (#21); the cache across two API processes and an
// ingest is tests/integration/api/response-cache.test.ts.

function request(method: string, headers: Record<string, string> = {}): http.IncomingMessage {
  return { method, headers } as unknown as http.IncomingMessage;
}
const json = { "content-type": "application/json" };
const url = (search = "") => new URL(`http://localhost/graphql${search}`);
const answer = (bytes: number) => ({ body: Buffer.alloc(bytes, 120), headers: [], etag: 'W/"x"' });

describe("request keys", () => {
  const query = "{ stats { documents } }";

  it("are the same for the same operation, variables and Accept, whatever the method", () => {
    const post = requestKey(request("POST", json), url(), { query, variables: { a: 1 } });
    const get = requestKey(
      request("GET", { "apollo-require-preflight": "true" }),
      url(`?query=${encodeURIComponent(query)}&variables=${encodeURIComponent('{"a":1}')}`),
      undefined,
    );
    expect(post?.key).toMatch(/^[0-9a-f]{64}$/);
    expect(get?.key).toBe(post?.key);
  });

  it("differ by variables, operation name and Accept", () => {
    const key = (body: Record<string, unknown>, headers: Record<string, string> = json) =>
      requestKey(request("POST", headers), url(), body)?.key;
    const base = key({ query, variables: { a: 1 } });
    expect(key({ query, variables: { a: 2 } })).not.toBe(base);
    expect(key({ query, variables: { a: 1 }, operationName: "Q" })).not.toBe(base);
    expect(
      key({ query, variables: { a: 1 } }, { ...json, accept: "application/graphql-response+json" }),
    ).not.toBe(base);
  });

  it("take a persisted query's hash for its text: the hash is the SHA-256 of the text", async () => {
    const { createHash } = await import("node:crypto");
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const byHash = requestKey(
      request("GET", { "apollo-require-preflight": "true" }),
      url(`?extensions=${encodeURIComponent(extensions)}`),
      undefined,
    );
    expect(byHash?.key).toBe(requestKey(request("POST", json), url(), { query })?.key);
    // a hash sent beside another text is not trusted: the text's own hash counts
    const lying = requestKey(request("POST", json), url(), {
      query: "{ __typename }",
      extensions: { persistedQuery: { version: 1, sha256Hash } },
    });
    expect(lying?.key).not.toBe(byHash?.key);
  });

  it("are none for what Apollo answers uncached: CSRF-prone requests, batches, bad JSON, no operation", () => {
    const search = `?query=${encodeURIComponent(query)}`;
    expect(requestKey(request("GET"), url(search), undefined)).toBeUndefined();
    expect(
      requestKey(request("GET", { "content-type": "text/plain" }), url(search), undefined),
    ).toBeUndefined();
    expect(requestKey(request("POST", json), url(), [{ query }])).toBeUndefined();
    expect(requestKey(request("POST", json), url(), { variables: {} })).toBeUndefined();
    expect(requestKey(request("POST", json), url(), { query, variables: [1] })).toBeUndefined();
    expect(
      requestKey(request("GET", { "x-apollo-operation-name": "Q" }), url(`${search}&variables={`), undefined),
    ).toBe(undefined);
    expect(passesCsrfPrevention(request("POST", { "content-type": "application/json; charset=utf-8" }))).toBe(
      true,
    );
    expect(passesCsrfPrevention(request("POST", { "content-type": "multipart/form-data; boundary=x" }))).toBe(
      false,
    );
  });
});

describe("the response cache", () => {
  it("keeps answers per version: another version does not see them", () => {
    const cache = new ResponseCache({ maxBytes: 1_000_000 });
    cache.set("e:1", "k", answer(10));
    expect(cache.get("e:1", "k")).toBeDefined();
    expect(cache.get("e:2", "k")).toBeUndefined();
    expect(cache.get("other:1", "k")).toBeUndefined();
  });

  it("is bounded in bytes: the least recently used go, each eviction reported", () => {
    let evicted = 0;
    const cache = new ResponseCache({ maxBytes: 40_000, onEvict: () => (evicted += 1) });
    for (let i = 0; i < 20; i += 1) cache.set("v", `k${i}`, answer(2_000));
    expect(cache.bytes).toBeLessThanOrEqual(40_000);
    expect(cache.entries).toBeGreaterThan(10);
    expect(cache.entries).toBeLessThan(20);
    expect(evicted).toBe(20 - cache.entries);
    expect(cache.get("v", "k19")).toBeDefined();
    expect(cache.get("v", "k0")).toBeUndefined();
  });

  it("does not keep an answer larger than an eighth of its bound", () => {
    const cache = new ResponseCache({ maxBytes: 80_000 });
    cache.set("v", "big", answer(20_000));
    expect(cache.get("v", "big")).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it("tags answers by version and request, and matches If-None-Match weakly, lists and * too", () => {
    const tag = entityTag("e:1", "k");
    expect(tag).toMatch(/^W\/"[\w-]{32}"$/);
    expect(entityTag("e:2", "k")).not.toBe(tag);
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(tag.slice(2), tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits("*", tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
  });
});

describe("the graph version reader", () => {
  it("never hands a request the answer of a read that was already running when it arrived", async () => {
    const reads: Array<{ resolve: (version: string) => void }> = [];
    const reader = new GraphVersionReader(() => new Promise<string>((resolve) => reads.push({ resolve })));
    const first = reader.current();
    expect(reads).toHaveLength(1);
    // arrives while read 1 runs: waits for a read that starts after it
    const second = reader.current();
    const third = reader.current();
    expect(reads).toHaveLength(1);
    reads[0]!.resolve("e:1");
    expect(await first).toBe("e:1");
    await new Promise((r) => setImmediate(r));
    expect(reads).toHaveLength(2);
    reads[1]!.resolve("e:2");
    expect(await second).toBe("e:2");
    expect(await third).toBe("e:2");
    expect(reader.latest).toBe("e:2");
    expect(versionNumber("e:2")).toBe(2);
    expect(versionNumber("none")).toBe(0);
  });

  it("passes a failed read on to its requests, and reads again for the next", async () => {
    let calls = 0;
    const reader = new GraphVersionReader(async () => {
      calls += 1;
      if (calls === 1) throw new Error("gone");
      return "e:3";
    });
    await expect(reader.current()).rejects.toThrow("gone");
    expect(await reader.current()).toBe("e:3");
  });
});

describe("metrics", () => {
  it("are Prometheus text: requests, latency, database time, cache counters and size, the version", async () => {
    const cache = new ResponseCache({ maxBytes: 1_000_000 });
    cache.set("e:7", "k", answer(100));
    const versions = new GraphVersionReader(async () => "e:7");
    await versions.current();
    const metrics = new ApiMetrics({ cache, versions });
    metrics.observeRequest("query", "hit", 0.002);
    metrics.observeRequest(undefined, "bypass", 0.01);
    metrics.observeDatabase("read", 0.004);
    metrics.cacheHits.inc();
    const { contentType, text } = await metrics.exposition();
    expect(contentType).toMatch(/^text\/plain/);
    expect(text).toContain('cancu_graphql_requests_total{operation="query",cache="hit"} 1');
    expect(text).toContain('cancu_graphql_requests_total{operation="unknown",cache="bypass"} 1');
    expect(text).toContain(
      'cancu_graphql_request_duration_seconds_bucket{le="0.0025",operation="query",cache="hit"} 1',
    );
    expect(text).toContain('cancu_database_duration_seconds_count{kind="read"} 1');
    expect(text).toContain("cancu_response_cache_hits_total 1");
    expect(text).toContain("cancu_response_cache_misses_total 0");
    expect(text).toContain("cancu_response_cache_evictions_total 0");
    expect(text).toMatch(/cancu_response_cache_bytes [1-9]\d*/);
    expect(text).toContain("cancu_response_cache_entries 1");
    expect(text).toContain("cancu_graph_version 7");
    expect(text).toContain("cancu_process_cpu_user_seconds_total");
  });
});
