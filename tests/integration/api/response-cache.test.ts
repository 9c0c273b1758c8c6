import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { ingestText } from "../../../src/graph/ingest.js";
import { startCancuServer, type RunningServer } from "../../setup/cancu-process.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";
import { ensureSeed } from "../../setup/seed-graph.js";

// Answers cached per graph version (#21) on TWO `cancu serve` processes, each with its own cache,
// sharing the test Neo4j: an ingest made by a third party (this test, through its own driver)
// between two identical requests is seen by both at once. Then HTTP caching (ETag, 304,
// Cache-Control), GET with persisted-query hashes, mutations and errors never kept, and /metrics.

const apiKey = `test-key-${randomUUID()}`;
const driver = testDriver();
const executor = new GraphExecutor(driver, testNeo4j().database);
let a: RunningServer;
let b: RunningServer;
const written: string[] = [];
const stats = "{ stats { documents ingestedDocuments } }";

interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown>;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
}

async function post(
  server: RunningServer,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer["body"],
  };
}

async function get(
  server: RunningServer,
  params: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const url = new URL(server.url);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { "apollo-require-preflight": "true", ...headers } });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as Answer["body"] | undefined,
  };
}

// numbers no other test uses, new in each run
let counter = 10_000 + Math.floor(Math.random() * 8_000) * 10;
/** A new plan of the provincial Party committee, citing a new directive: +2 documents, +1 ingested. */
function newPlan(): string {
  counter += 1;
  return (
    `TỈNH ỦY QUẢNG NINH\nSố ${counter}-KH/TU\nQuảng Ninh, ngày 10 tháng 01 năm 2022\n\nKẾ HOẠCH\n` +
    `về kiểm thử bộ nhớ đệm lần ${counter}\n\nI- MỤC ĐÍCH\n1. Quán triệt\nThực hiện Chỉ thị số ${counter}-CT/TW ngày 15/9/2021 của Ban Bí thư.\n`
  );
}

async function ingestBetween(): Promise<void> {
  const result = await ingestText(executor, { text: newPlan(), sourceName: "cache-test.txt" });
  expect(result.status).toBe("created");
  written.push(result.documentKey);
}

const documentsOf = (answer: { body?: Answer["body"] }) =>
  (answer.body?.data?.stats as { documents: number; ingestedDocuments: number }).ingestedDocuments;

beforeAll(async () => {
  await ensureSeed();
  [a, b] = await Promise.all([
    startCancuServer({ CANCU_API_KEY: apiKey, CANCU_HTTP_MAX_AGE: "30" }),
    startCancuServer({ CANCU_API_KEY: apiKey }),
  ]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await driver.executeQuery(
    `MATCH (d:Document) WHERE d.key IN $keys
     OPTIONAL MATCH (d)<-[:IN_DOCUMENT]-(t:Task)
     OPTIONAL MATCH (t)-[:IMPLEMENTS]->(cited:Document {ingested: false})
     DETACH DELETE t, d, cited`,
    { keys: written },
  );
  await driver.close();
});

describe("answers cached per graph version, on two API processes", () => {
  it("serves a repeated question from each process's cache, and the new answer on both after an ingest", async () => {
    const before = { a: await post(a, { query: stats }), b: await post(b, { query: stats }) };
    expect(before.a.body.errors).toBeUndefined();
    expect(before.a.headers.get("x-cancu-cache")).toBe("miss");
    expect(before.b.headers.get("x-cancu-cache")).toBe("miss");
    const again = { a: await post(a, { query: stats }), b: await post(b, { query: stats }) };
    expect(again.a.headers.get("x-cancu-cache")).toBe("hit");
    expect(again.b.headers.get("x-cancu-cache")).toBe("hit");
    expect(again.a.body).toEqual(before.a.body);
    expect(again.b.body).toEqual(before.b.body);

    await ingestBetween();

    const after = { a: await post(a, { query: stats }), b: await post(b, { query: stats }) };
    expect(after.a.headers.get("x-cancu-cache")).toBe("miss");
    expect(after.b.headers.get("x-cancu-cache")).toBe("miss");
    expect(documentsOf(after.a)).toBe(documentsOf(before.a) + 1);
    expect(documentsOf(after.b)).toBe(documentsOf(before.b) + 1);
  });

  it("a mutation on one process is seen by the other at once; a mutation is never kept", async () => {
    const before = await post(b, { query: stats });
    await post(b, { query: stats }); // kept on b
    const mutation = await post(
      a,
      {
        query:
          'mutation($text: String!) { ingestDocument(text: $text, sourceName: "m.txt") { documentKey status } }',
        variables: { text: newPlan() },
      },
      { "x-api-key": apiKey },
    );
    expect(mutation.body.errors).toBeUndefined();
    const result = mutation.body.data?.ingestDocument as { documentKey: string; status: string };
    written.push(result.documentKey);
    expect(result.status).toBe("created");
    expect(mutation.headers.get("cache-control")).toBe("no-store");
    expect(mutation.headers.get("etag")).toBeNull();
    expect(mutation.headers.get("x-cancu-cache")).toBe("bypass");
    const after = await post(b, { query: stats });
    expect(after.headers.get("x-cancu-cache")).toBe("miss");
    expect(documentsOf(after)).toBe(documentsOf(before) + 1);
  });

  it("never keeps an answer with errors", async () => {
    const bad = { query: '{ node(id: "not-an-id") { id } }' };
    for (let i = 0; i < 2; i += 1) {
      const answer = await post(a, bad);
      expect(answer.body.errors?.length).toBeGreaterThan(0);
      expect(answer.headers.get("x-cancu-cache")).toBe("bypass");
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(answer.headers.get("etag")).toBeNull();
    }
  });
});

describe("HTTP caching", () => {
  it("GET answers a read with an ETag and Cache-Control, 304 for If-None-Match, a new ETag after an ingest", async () => {
    const first = await get(a, { query: stats });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=30");
    expect((await get(b, { query: stats })).headers.get("cache-control")).toBe(
      "public, max-age=0, must-revalidate",
    );
    const revalidated = await get(a, { query: stats }, { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBeUndefined();
    expect(revalidated.headers.get("etag")).toBe(etag);
    // the same tag on the other process: the version and the request make it, not the process
    expect((await get(b, { query: stats }, { "if-none-match": etag })).status).toBe(304);

    await ingestBetween();

    const changed = await get(a, { query: stats }, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(documentsOf(changed)).toBe(documentsOf(first) + 1);
  });

  it("GET takes a persisted query's hash in place of its text (Apollo's automatic persisted queries)", async () => {
    const query = `{ stats { tasks } } # ${randomUUID()}`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const unknown = await get(b, { extensions });
    expect(unknown.body?.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    const registered = await get(b, { query, extensions });
    expect(registered.body?.errors).toBeUndefined();
    const byHash = await get(b, { extensions });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(registered.body);
    expect(byHash.headers.get("x-cancu-cache")).toBe("hit");
    expect(byHash.headers.get("etag")).toMatch(/^W\//);
    expect(byHash.headers.get("etag")).toBe(registered.headers.get("etag"));
  });

  it("leaves Apollo's CSRF prevention in force: a GET without a preflight header is refused, cached or not", async () => {
    await get(a, { query: stats });
    const url = new URL(a.url);
    url.searchParams.set("query", stats);
    const response = await fetch(url);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Cross-Site Request Forgery");
  });
});

describe("/metrics", () => {
  it("shows requests, latencies, database time, the cache and the graph's version in Prometheus text", async () => {
    const response = await fetch(new URL("/metrics", a.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/cancu_graphql_requests_total\{operation="query",cache="hit"\} [1-9]/);
    expect(text).toMatch(/cancu_graphql_requests_total\{operation="mutation",cache="miss"\} 1/);
    expect(text).toMatch(
      /cancu_graphql_request_duration_seconds_count\{operation="query",cache="miss"\} [1-9]/,
    );
    expect(text).toMatch(/cancu_database_duration_seconds_count\{kind="read"\} [1-9]/);
    expect(text).toMatch(/cancu_database_duration_seconds_count\{kind="write"\} 1/);
    expect(text).toMatch(/cancu_database_duration_seconds_count\{kind="version"\} [1-9]/);
    expect(text).toMatch(/cancu_response_cache_hits_total [1-9]/);
    expect(text).toMatch(/cancu_response_cache_misses_total [1-9]/);
    expect(text).toMatch(/cancu_response_cache_evictions_total 0/);
    expect(text).toMatch(/cancu_response_cache_bytes [1-9]/);
    expect(text).toMatch(/cancu_response_cache_max_bytes 268435456/);
    expect(text).toMatch(/cancu_http_not_modified_total [1-9]/);
    const version = Number(/cancu_graph_version (\d+)/.exec(text)?.[1]);
    const [record] = (await driver.executeQuery("MATCH (v:GraphVersion {id: 'graph'}) RETURN v.version AS v"))
      .records;
    expect(version).toBe(Number(record?.get("v")));
  });

  it("answers only the hosts the other routes answer", async () => {
    const url = new URL("/metrics", a.url);
    const { status } = await new Promise<{ status: number }>((resolve, reject) => {
      import("node:http").then(({ default: http }) => {
        const request = http.get(
          { host: url.hostname, port: url.port, path: url.pathname, headers: { host: "evil.example" } },
          (response) => {
            response.resume();
            resolve({ status: response.statusCode ?? 0 });
          },
        );
        request.on("error", reject);
      }, reject);
    });
    expect(status).toBe(403);
  });
});

describe("the graph's version", () => {
  it("is raised in the ingest's transaction, and not by an ingest that changes nothing", async () => {
    const version = async () =>
      Number(
        (
          await driver.executeQuery("MATCH (v:GraphVersion {id: 'graph'}) RETURN v.version AS v")
        ).records[0]?.get("v"),
      );
    const text = newPlan();
    const start = await version();
    const created = await ingestText(executor, { text, sourceName: "v.txt" });
    written.push(created.documentKey);
    expect(await version()).toBe(start + 1);
    expect((await ingestText(executor, { text, sourceName: "v.txt" })).status).toBe("unchanged");
    expect(await version()).toBe(start + 1);
    // a failed ingest rolls the version back with everything else
    await expect(
      ingestText(
        executor,
        { text: newPlan(), sourceName: "broken.txt" },
        {
          afterStatement(name) {
            if (name === "bumpVersion") throw new Error("injected failure after the bump");
          },
        },
      ),
    ).rejects.toThrow("injected failure");
    expect(await version()).toBe(start + 1);
  });
});
