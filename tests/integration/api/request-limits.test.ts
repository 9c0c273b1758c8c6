import { randomUUID } from "node:crypto";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limits } from "../../../src/api/limits.js";
import { ExplorerDocumentDocument, ExplorerTaskDocument } from "../../../src/generated/graphql.js";
import { startCancuServer, type RunningServer } from "../../setup/cancu-process.js";
import { ensureSeed } from "../../setup/seed-graph.js";

// The request limits of issue #15 through `cancu serve` over HTTP, on the seeded Neo4j: what an
// attacker can send in a few KB must be refused at once, without running anything, while the
// server keeps answering everyone else.

const apiKey = `test-key-${randomUUID()}`;
let server: RunningServer;
let seedId: string;

interface Answer {
  status: number;
  errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
  data: Record<string, unknown> | null | undefined;
  codes: unknown[];
  bytes: number;
}

async function post(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: Answer["errors"] };
  return {
    status: response.status,
    errors: body.errors ?? [],
    data: body.data,
    codes: (body.errors ?? []).map((e) => e.extensions?.code),
    bytes: text.length,
  };
}

async function health(): Promise<number> {
  return (await fetch(new URL("/health", server.url))).status;
}

beforeAll(async () => {
  await ensureSeed();
  server = await startCancuServer({ CANCU_API_KEY: apiKey });
  const { data } = await post(
    "{ documents(filter: { ingested: true }, first: 50) { edges { node { id title } } } }",
  );
  const edges = (data?.documents as { edges: Array<{ node: { id: string; title: string | null } }> }).edges;
  const seed = edges.find((e) => e.node.title?.includes("phương hướng, nhiệm vụ năm 2022"));
  if (!seed) throw new Error("the seed document is not in the graph");
  seedId = seed.node.id;
});

afterAll(async () => {
  await server?.stop();
});

describe("validation in linear time", () => {
  it("answers a fan-out of fragments at once, and /health meanwhile", async () => {
    // 26 fragments each spreading the next twice: 2^26 expansions, about a kilobyte
    const lines = ["query FanOut { ...F0 }"];
    for (let i = 0; i < 26; i++) lines.push(`fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    lines.push("fragment F26 on Query { stats { documents } }");
    const started = Date.now();
    const [answer, status] = await Promise.all([post(lines.join("\n")), health()]);
    // a bound that only catches exponential work (it took 44 s at 24 levels, doubling each level)
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(status).toBe(200);
    expect(answer.status).toBe(400);
    expect(answer.codes).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(answer.errors[0]?.message).toMatch(/^Operation FanOut reads the database in \d+ fields or more/);
    expect(await health()).toBe(200);
  });

  it("refuses 2,000 aliased searches before any runs, and the most a document can hold", async () => {
    const alias = (i: number) => `s${i}: search(text: "chuyen doi so", first: 1) { totalCount }`;
    const all = await post(`{ ${Array.from({ length: 2_000 }, (_, i) => alias(i)).join(" ")} }`);
    expect(all.status).toBe(400);
    expect(all.codes).toEqual(["GRAPHQL_PARSE_FAILED"]);
    expect(all.errors[0]?.message).toMatch(/more that? 2000 tokens/);
    const fit = await post(`{ ${Array.from({ length: 100 }, (_, i) => alias(i)).join(" ")} }`);
    expect(fit.status).toBe(400);
    expect(fit.codes).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(fit.errors[0]?.extensions).toMatchObject({ limit: "databaseFields", maxDatabaseFields: 30 });
    const few = await post(`{ ${Array.from({ length: 3 }, (_, i) => alias(i)).join(" ")} }`);
    expect(few.errors).toEqual([]);
  });

  it("counts a size given as a variable at its value: $l = 500 is refused as limit: 500 is", async () => {
    const selection =
      "{ nodes { id key label caption properties } edges { id type from to quote properties } }";
    const inline = await post(
      `{ ${["a", "b", "c", "d"].map((a) => `${a}: neighborhood(id: "${seedId}", depth: 3, limit: 500) ${selection}`).join(" ")} }`,
    );
    expect(inline.status).toBe(400);
    expect(inline.codes).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    const query = `query ($l: Int) { ${["a", "b", "c", "d"].map((a) => `${a}: neighborhood(id: "${seedId}", depth: 3, limit: $l) ${selection}`).join(" ")} }`;
    const variable = await post(query, { l: 500 });
    expect(variable.status).toBe(400);
    expect(variable.codes).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(variable.errors[0]?.extensions).toMatchObject({ limit: "cost", maxCost: limits.maxQueryCost });
    expect(variable.errors[0]?.message).toMatch(/would cost about \d+/);
    const small = await post(query, { l: 5 });
    expect(small.errors).toEqual([]);
  });

  it("accepts what the explorer sends", async () => {
    const document = await post(print(ExplorerDocumentDocument), { id: seedId });
    expect(document.errors).toEqual([]);
    const tasks = (document.data?.node as { tasks: Array<{ id: string }> }).tasks;
    const task = await post(print(ExplorerTaskDocument), {
      id: tasks[0]!.id,
      maxDepth: limits.maxTraversalDepth,
    });
    expect(task.errors).toEqual([]);
  });
});

describe("what the parser and validation refuse", () => {
  it("answers a subscription with 400 BAD_REQUEST", async () => {
    const answer = await post("subscription { x }");
    expect(answer.status).toBe(400);
    expect(answer.codes).toEqual(["BAD_REQUEST"]);
    expect(answer.errors[0]?.message).toMatch(/no subscriptions/);
  });

  it("refuses a 100,000-deep nesting and a 1 MB query at once, and keeps answering", async () => {
    const deep = `${"{ a ".repeat(100_000)}${"}".repeat(100_000)}`;
    const megabyte = `{ ${"stats { documents } ".repeat(55_000)}}`;
    expect(megabyte.length).toBeGreaterThan(1_000_000);
    for (const query of [deep, megabyte]) {
      const answer = await post(query);
      expect(answer.status).toBe(400);
      expect(answer.codes).toEqual(["GRAPHQL_PARSE_FAILED"]);
      expect(answer.errors[0]?.message).toMatch(/more that? 2000 tokens/);
    }
    expect(await health()).toBe(200);
    expect((await post("{ version }")).data).toEqual({ version: expect.any(String) });
  });
});

describe("string arguments", () => {
  it("refuses an over-long argument before any work, quoting none of it", async () => {
    const huge = "Ā".repeat(1_000_000);
    for (const [query, variables] of [
      ["query ($id: ID!) { node(id: $id) { id } }", { id: huge }],
      [`{ neighborhood(id: "${huge}") { truncated } }`, {}],
      ["query ($t: String!) { checkReference(text: $t) { found } }", { t: huge }],
      ["query ($s: String!) { document(symbol: $s) { key } }", { s: huge }],
      ['query ($a: String) { search(text: "x", after: $a) { totalCount } }', { a: huge }],
      ["query ($f: DocumentFilter) { documents(filter: $f) { totalCount } }", { f: { type: huge } }],
    ] as const) {
      const answer = await post(query, variables);
      expect(answer.status, query.slice(0, 50)).toBe(400);
      expect(answer.codes).toEqual(["BAD_USER_INPUT"]);
      expect(answer.errors[0]?.message).toMatch(
        /is limited to [\d]+ characters \(got 1000000\); nothing was run/,
      );
      expect(answer.bytes).toBeLessThan(1_000);
    }
  });

  it("quotes at most a short prefix of an argument it cannot read", async () => {
    const id = "x".repeat(limits.maxIdChars - 10);
    const answer = await post("query ($id: ID!) { node(id: $id) { id } }", { id });
    expect(answer.codes).toEqual(["BAD_USER_INPUT"]);
    expect(answer.errors[0]?.message).toContain(`"${"x".repeat(limits.quotedChars)}…"`);
    expect(answer.bytes).toBeLessThan(1_000);
  });

  it("reads the API key from x-api-key and Authorization: Bearer", async () => {
    const mutation = 'mutation { ingestDocument(text: "  ") { status } }';
    expect((await post(mutation, {}, { "x-api-key": apiKey })).codes).toEqual(["BAD_USER_INPUT"]);
    expect((await post(mutation, {}, { authorization: `Bearer ${apiKey}` })).codes).toEqual([
      "BAD_USER_INPUT",
    ]);
    expect((await post(mutation, {}, { authorization: `Bearer ${apiKey}x` })).codes).toEqual([
      "UNAUTHENTICATED",
    ]);
  });
});
