import { randomUUID } from "node:crypto";
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CheckReferenceDocument,
  DocumentBySymbolDocument,
  DocumentCitedByDocument,
  DocumentsDocument,
  IngestDocumentDocument,
  IngestedDocumentsDocument,
  NeighborhoodDocument,
  NeighborhoodPropertiesDocument,
  NodeDocument,
  PathDocument,
  SearchDocument,
  TaskDriversDocument,
  TasksImplementingDocument,
  type IngestedDocumentsQuery,
} from "../../../src/generated/graphql.js";
import { postGraphQL, startCancuServer, type RunningServer } from "../../setup/cancu-process.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";
import { ensureSeed } from "../../setup/seed-graph.js";

// Every root field over HTTP against `cancu serve` on the real, seeded Neo4j; expectations come
// from the seed (seeds/quang-ninh-2022-phuong-huong-nhiem-vu.txt).

const apiKey = `test-key-${randomUUID()}`;
const driver = testDriver();
let server: RunningServer;
let seedDocument: NonNullable<IngestedDocumentsQuery["documents"]["edges"][number]["node"]>;

interface Answer<T> {
  status: number;
  data: T | null | undefined;
  errors: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }> | undefined;
}

async function run<T, V extends Record<string, unknown>>(
  document: TypedDocumentNode<T, V>,
  variables: V,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const { status, body } = await postGraphQL(server.url, print(document), variables, headers);
  return { status, data: body.data as T | null | undefined, errors: body.errors };
}

async function raw(query: string, variables: Record<string, unknown> = {}) {
  const { status, body } = await postGraphQL(server.url, query, variables);
  return {
    status,
    data: body.data,
    errors: body.errors,
    codes: (body.errors ?? []).map((e) => e.extensions?.code),
  };
}

function task(code: string) {
  const find = (tasks: typeof seedDocument.tasks): { id: string; code: string } | undefined => {
    for (const t of tasks) {
      if (t.code === code) return t;
      for (const child of t.children) {
        if (child.code === code) return child;
        const grandchild = child.children.find((g) => g.code === code);
        if (grandchild) return grandchild;
      }
    }
    return undefined;
  };
  const found = find(seedDocument.tasks);
  if (!found) throw new Error(`the seed has no task ${code}`);
  return found;
}

beforeAll(async () => {
  await ensureSeed();
  server = await startCancuServer({ CANCU_API_KEY: apiKey });
  const { data } = await run(IngestedDocumentsDocument, {});
  const seed = data?.documents.edges
    .map((e) => e.node)
    .find((d) => d.title?.includes("phương hướng, nhiệm vụ năm 2022"));
  if (!seed) throw new Error("the seed document is not in the graph");
  seedDocument = seed;
});

afterAll(async () => {
  await server?.stop();
  await driver.close();
});

describe("node(id:)", () => {
  it("refetches a document and a task by global id", async () => {
    const document = await run(NodeDocument, { id: seedDocument.id });
    expect(document.data?.node).toMatchObject({
      __typename: "Document",
      key: seedDocument.key,
      type: "Nghị quyết",
    });
    const ii1 = await run(NodeDocument, { id: task("II.1").id });
    expect(ii1.data?.node).toMatchObject({ __typename: "Task", code: "II.1" });
  });

  it("answers null for a well-formed unknown id and BAD_USER_INPUT for a malformed one", async () => {
    const unknown = Buffer.from("Document:NQ|0-NQ/XX|1900").toString("base64url");
    expect((await run(NodeDocument, { id: unknown })).data).toEqual({ node: null });
    const malformed = await run(NodeDocument, { id: "not-an-id!" });
    expect(malformed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(malformed.data).toEqual({ node: null });
  });
});

describe("document(symbol:, year:)", () => {
  it.each([["128/NQ-CP"], ["NQ 128/NQ-CP"], ["Nghị quyết số 128/NQ-CP ngày 11/10/2021"], ["128/nq-cp"]])(
    "reads %j as 128/NQ-CP",
    async (symbol) => {
      const { data } = await run(DocumentBySymbolDocument, { symbol });
      expect(data?.document).toMatchObject({
        key: "NQ|128/NQ-CP|2021",
        symbol: "128/NQ-CP",
        issuedOn: "2021-10-11",
        ingested: false,
        issuer: { key: "chinh-phu" },
      });
    },
  );

  it("answers null for an unknown symbol or year, BAD_USER_INPUT for text without a symbol", async () => {
    expect((await run(DocumentBySymbolDocument, { symbol: "999/NQ-CP" })).data).toEqual({ document: null });
    expect((await run(DocumentBySymbolDocument, { symbol: "26-NQ/TW", year: 1999 })).data).toEqual({
      document: null,
    });
    const nonsense = await run(DocumentBySymbolDocument, { symbol: "hello" });
    expect(nonsense.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("documents(filter:, first:, after:)", () => {
  it("filters by type code and ingested, with totalCount", async () => {
    const directives = await run(DocumentsDocument, { type: "CT", first: 50 });
    const symbols = directives.data?.documents.edges.map((e) => e.node.symbol);
    expect(symbols).toContain("18-CT/TU");
    expect(directives.data?.documents.totalCount).toBe(symbols?.length);
    const ingested = await run(DocumentsDocument, { ingested: true, first: 100 });
    expect(ingested.data?.documents.edges.every((e) => e.node.ingested)).toBe(true);
    expect(ingested.data?.documents.edges.map((e) => e.node.key)).toContain(seedDocument.key);
  });

  it("filters by issuer and year range", async () => {
    const { data } = await run(DocumentsDocument, { issuer: "chinh-phu", yearFrom: 2021, yearTo: 2021 });
    expect(data?.documents.edges.map((e) => e.node.symbol)).toContain("128/NQ-CP");
    expect(
      data?.documents.edges.every((e) => e.node.year === 2021 && e.node.issuer?.key === "chinh-phu"),
    ).toBe(true);
  });

  it("pages with keyset cursors: consecutive pages continue in key order without overlap", async () => {
    const first = await run(DocumentsDocument, { first: 3 });
    const page1 = first.data!.documents;
    expect(page1.edges).toHaveLength(3);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await run(DocumentsDocument, { first: 3, after: page1.pageInfo.endCursor });
    const page2 = second.data!.documents;
    expect(page2.pageInfo.hasPreviousPage).toBe(true);
    const keys = [...page1.edges, ...page2.edges].map((e) => e.node.key);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(6);
  });

  it("rejects a bad cursor and a negative page size with BAD_USER_INPUT", async () => {
    expect((await run(DocumentsDocument, { after: "bm90LWEtY3Vyc29y" })).errors?.[0]?.extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
    expect((await run(DocumentsDocument, { first: -1 })).errors?.[0]?.extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
    expect(
      (await run(DocumentsDocument, { yearFrom: 2022, yearTo: 2020 })).errors?.[0]?.extensions?.code,
    ).toBe("BAD_USER_INPUT");
  });
});

describe("Document.citedBy and Document.tasksImplementing", () => {
  it("26-NQ/TW is cited by II.2.2, with the quote and its span", async () => {
    const { data } = await run(DocumentCitedByDocument, { symbol: "26-NQ/TW" });
    const edges = data?.document?.citedBy.edges ?? [];
    expect(data?.document?.citedBy.totalCount).toBe(edges.length);
    expect(edges.map((e) => e.node.task.code)).toEqual(["II.2.2"]);
    expect(edges[0]?.node.quote).toMatch(/^Nghị quyết 26-NQ\/TW ngày\s+19\/5\/2018/);
    expect(edges[0]!.node.end - edges[0]!.node.start).toBe(edges[0]!.node.quote.length);
  });

  it("26-NQ/TW is implemented by II.2.2", async () => {
    const { data } = await run(TasksImplementingDocument, { symbol: "26-NQ/TW", transitive: true });
    const edges = data?.document?.tasksImplementing.edges ?? [];
    expect(edges.map((e) => [e.node.code, e.depth])).toEqual([["II.2.2", 1]]);
    expect(edges[0]?.via.map((c) => c.quote)).toEqual([expect.stringContaining("26-NQ/TW")]);
  });
});

describe("Task.directivesDriving", () => {
  it("drivers of II.1 are 128/NQ-CP and 18-CT/TU, each with its citation", async () => {
    const { data } = await run(TaskDriversDocument, { id: task("II.1").id });
    const node = data?.node;
    if (node?.__typename !== "Task") throw new Error("expected a task");
    const drivers = node.directivesDriving.map((d) => [d.document.symbol, d.depth, d.inheritedFrom]);
    expect(drivers.sort()).toEqual([
      ["128/NQ-CP", 1, null],
      ["18-CT/TU", 1, null],
    ]);
    const nq128 = node.directivesDriving.find((d) => d.document.symbol === "128/NQ-CP");
    expect(nq128?.via).toEqual([
      expect.objectContaining({
        quote: expect.stringMatching(/^Nghị quyết số 128\/NQ-CP ngày/),
        task: { code: "II.1" },
      }),
    ]);
  });

  it("rejects maxDepth 0 with BAD_USER_INPUT", async () => {
    const { errors } = await run(TaskDriversDocument, { id: task("II.1").id, maxDepth: 0 });
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("search(text:)", () => {
  it.each([["chuyen doi so"], ["chuyển đổi số"], ["CHUYỂN ĐỔI SỐ"]])("%j finds II.4.3", async (text) => {
    const { data } = await run(SearchDocument, { text, first: 10 });
    const codes = data?.search.edges.map((e) => (e.node.__typename === "Task" ? e.node.code : e.node.symbol));
    expect(codes).toContain("II.4.3");
    const scores = data?.search.edges.map((e) => e.score) ?? [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("finds documents by symbol and pages on", async () => {
    const { data } = await run(SearchDocument, { text: "128/NQ-CP", first: 1 });
    expect(data?.search.edges[0]?.node).toMatchObject({ __typename: "Document", symbol: "128/NQ-CP" });
    const all = await run(SearchDocument, { text: "chuyen doi so", first: 2 });
    const next = await run(SearchDocument, {
      text: "chuyen doi so",
      first: 2,
      after: all.data?.search.pageInfo.endCursor,
    });
    const ids = [...(all.data?.search.edges ?? []), ...(next.data?.search.edges ?? [])].map((e) => e.cursor);
    expect(new Set(ids).size).toBe(4);
  });

  it("rejects empty text with BAD_USER_INPUT", async () => {
    expect((await run(SearchDocument, { text: "  " })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("path(from:, to:) and neighborhood(id:)", () => {
  it("finds the one-hop path from II.1 to 128/NQ-CP", async () => {
    const nq = await run(DocumentBySymbolDocument, { symbol: "128/NQ-CP" });
    const { data } = await run(PathDocument, { from: task("II.1").id, to: nq.data!.document!.id });
    expect(data?.path?.length).toBe(1);
    expect(data?.path?.nodes.map((n) => n.caption)).toEqual([expect.stringMatching(/^II\.1 /), "128/NQ-CP"]);
    expect(data?.path?.edges[0]).toMatchObject({
      type: "IMPLEMENTS",
      from: task("II.1").id,
      to: nq.data!.document!.id,
      quote: expect.stringContaining("128/NQ-CP"),
    });
  });

  it("answers null when no path is short enough", async () => {
    const nq = await run(DocumentBySymbolDocument, { symbol: "128/NQ-CP" });
    const ct = await run(DocumentBySymbolDocument, { symbol: "18-CT/TU" });
    const { data } = await run(PathDocument, {
      from: nq.data!.document!.id,
      to: ct.data!.document!.id,
      maxDepth: 1,
    });
    expect(data).toEqual({ path: null });
  });

  it("draws the neighbourhood of 26-NQ/TW: its citing task and the edge between", async () => {
    const nq26 = await run(DocumentBySymbolDocument, { symbol: "26-NQ/TW" });
    const { data } = await run(NeighborhoodDocument, { id: nq26.data!.document!.id, depth: 1 });
    const nodes = data?.neighborhood.nodes ?? [];
    expect(nodes[0]?.caption).toBe("26-NQ/TW");
    expect(nodes.map((n) => n.id)).toContain(task("II.2.2").id);
    expect(data?.neighborhood.edges).toContainEqual(
      expect.objectContaining({ type: "IMPLEMENTS", from: task("II.2.2").id, to: nq26.data!.document!.id }),
    );
    const ids = new Set(nodes.map((n) => n.id));
    expect(data?.neighborhood.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
    // edge ids are read only when selected (here through the fragment): one each, all distinct
    const edgeIds = (data?.neighborhood.edges ?? []).map((e) => e.id);
    expect(edgeIds.length).toBeGreaterThan(0);
    expect(edgeIds.every((id) => /^[A-Za-z0-9_-]{8,}$/.test(id))).toBe(true);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
  });

  it("fetches stored properties only when they are selected, and then all but the source text", async () => {
    const nq26 = await run(DocumentBySymbolDocument, { symbol: "26-NQ/TW" });
    const drawn = await run(NeighborhoodDocument, { id: seedDocument.id, depth: 1, limit: 20 });
    const full = await run(NeighborhoodPropertiesDocument, { id: seedDocument.id, depth: 1, limit: 20 });
    const nodes = full.data!.neighborhood.nodes;
    // the same drawing either way: keys, labels and captions do not depend on the properties
    expect(nodes.map((n) => [n.label, n.key, n.caption])).toEqual(
      drawn.data!.neighborhood.nodes.map((n) => [n.label, n.key, n.caption]),
    );
    const seed = nodes.find((n) => n.key === seedDocument.key)!;
    expect(seed.properties).toMatchObject({ key: seedDocument.key, ingested: true });
    expect(seed.properties).not.toHaveProperty("sourceText");
    const around26 = await run(NeighborhoodPropertiesDocument, { id: nq26.data!.document!.id, depth: 1 });
    const task = around26.data!.neighborhood.nodes.find((n) => n.label === "Task")!;
    expect(typeof (task.properties as Record<string, unknown>).text).toBe("string");
    const link = around26.data!.neighborhood.edges.find((e) => e.type === "IMPLEMENTS")!;
    expect(link.quote).toContain("26-NQ/TW");
    expect(link.properties).toMatchObject({ quote: link.quote, sourceKey: seedDocument.key });
    expect(typeof (link.properties as Record<string, unknown>).start).toBe("number");
  });

  it("cuts at limit and says so", async () => {
    const { data } = await run(NeighborhoodDocument, { id: seedDocument.id, depth: 2, limit: 5 });
    expect(data?.neighborhood.nodes).toHaveLength(5);
    expect(data?.neighborhood.truncated).toBe(true);
  });
});

describe("checkReference(text:)", () => {
  it("reports the date conflict of 26-NQ/TW ngày 19/5/2019 with the quote that says 19/5/2018", async () => {
    const { data } = await run(CheckReferenceDocument, { text: "Nghị quyết số 26-NQ/TW ngày 19/5/2019" });
    const check = data!.checkReference;
    expect(check).toMatchObject({ found: true, correct: false, ambiguous: false });
    expect(check.parsed).toMatchObject({ symbol: "26-NQ/TW", date: "2019-05-19" });
    expect(check.documents.map((d) => d.key)).toEqual(["NQ|26-NQ/TW|2018"]);
    expect(check.conflicts).toEqual([
      expect.objectContaining({
        field: "date",
        given: "2019-05-19",
        known: "2018-05-19",
        quote: expect.stringMatching(/26-NQ\/TW ngày\s+19\/5\/2018/),
        citation: expect.objectContaining({ task: { code: "II.2.2" } }),
      }),
    ]);
  });

  it("accepts the correct reference", async () => {
    const { data } = await run(CheckReferenceDocument, { text: "Nghị quyết số 26-NQ/TW ngày 19/5/2018" });
    expect(data?.checkReference).toMatchObject({ found: true, correct: true, conflicts: [] });
  });

  it("suggests the document a mistyped number means", async () => {
    const { data } = await run(CheckReferenceDocument, { text: "Nghị quyết số 27-NQ/TW ngày 19/5/2018" });
    expect(data?.checkReference.found).toBe(false);
    expect(data?.checkReference.suggestions[0]).toMatchObject({
      reason: "symbol-typo",
      document: { key: "NQ|26-NQ/TW|2018" },
    });
  });

  it("notices a day and month swapped", async () => {
    const { data } = await run(CheckReferenceDocument, { text: "Nghị quyết số 128/NQ-CP ngày 10/11/2021" });
    expect(data?.checkReference.conflicts.map((c) => c.field)).toEqual(["date"]);
    expect(data?.checkReference.suggestions).toEqual([
      expect.objectContaining({ reason: "day-month-swapped", document: { key: "NQ|128/NQ-CP|2021" } }),
    ]);
  });

  it("says when nothing is recognised", async () => {
    const { data } = await run(CheckReferenceDocument, { text: "xin chào" });
    expect(data?.checkReference).toMatchObject({ parsed: null, found: false, notes: [expect.any(String)] });
  });
});

describe("ingestDocument(text:, sourceName:)", () => {
  const marker = `zzapi${randomUUID().slice(0, 8)}`;
  const text = `NGHỊ QUYẾT
CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH

về thử nghiệm giao diện ${marker}

I- NHIỆM VỤ
1. Triển khai thực hiện
Tiếp tục thực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương về cán bộ.
2. Kiểm tra
Thực hiện Chỉ thị số 18-CT/TU ngày 18/10/2021 của Ban Thường vụ Tỉnh ủy.
`;
  const written = async () => {
    const { records } = await driver.executeQuery(
      "MATCH (d:Document) WHERE d.title CONTAINS $marker RETURN d.key AS key",
      { marker },
      { database: testNeo4j().database },
    );
    return records.map((r) => String(r.get("key")));
  };
  afterAll(async () => {
    await driver.executeQuery(
      `MATCH (d:Document) WHERE d.title CONTAINS $marker
       OPTIONAL MATCH (t:Task)-[:IN_DOCUMENT]->(d)
       DETACH DELETE t, d`,
      { marker },
      { database: testNeo4j().database },
    );
    // an issuer only the probe named
    await driver.executeQuery(
      "MATCH (o:Organization) WHERE NOT (o)--() DELETE o",
      {},
      { database: testNeo4j().database },
    );
  });

  it("answers UNAUTHENTICATED without a key or with a wrong one, and writes nothing", async () => {
    const attempts: Record<string, string>[] = [{}, { "x-api-key": "wrong" }];
    for (const headers of attempts) {
      const { errors, data } = await run(IngestDocumentDocument, { text, sourceName: "probe.txt" }, headers);
      expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(data).toBeNull();
    }
    expect(await written()).toEqual([]);
  });

  it("ingests with the key; bad text is BAD_USER_INPUT", async () => {
    const { data } = await run(
      IngestDocumentDocument,
      { text, sourceName: "probe.txt" },
      { "x-api-key": apiKey },
    );
    expect(data?.ingestDocument).toMatchObject({
      status: "created",
      tasks: expect.any(Number),
      citations: 2,
    });
    expect(await written()).toEqual([data?.ingestDocument.documentKey]);
    const empty = await run(IngestDocumentDocument, { text: "   " }, { "x-api-key": apiKey });
    expect(empty.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("errors and protections", () => {
  it("a malformed query is GRAPHQL_PARSE_FAILED", async () => {
    const answer = await raw("{ documents { edges ");
    expect(answer.status).toBe(400);
    expect(answer.codes).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });

  it("an over-deep query is refused before it runs, with a clear message", async () => {
    const answer = await raw(
      `{ search(text: "x", first: 1) { edges { node { ... on Task { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } }`,
    );
    expect(answer.status).toBe(400);
    expect(answer.codes).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(answer.errors?.[0]?.message).toMatch(/nested 11 levels deep; at most 10/);
  });

  it("an over-costly query is refused", async () => {
    const answer = await raw(
      "{ documents(first: 100) { edges { node { citedBy(first: 100) { edges { node { quote task { children { code } } } } } } } } }",
    );
    expect(answer.codes).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(answer.errors?.[0]?.message).toMatch(/would cost about/);
  });

  it("wrong argument values: a literal of the wrong type, a variable of the wrong type", async () => {
    expect((await raw('{ documents(first: "ten") { totalCount } }')).codes).toEqual([
      "GRAPHQL_VALIDATION_FAILED",
    ]);
    expect(
      (await raw("query ($n: Int) { documents(first: $n) { totalCount } }", { n: "ten" })).codes,
    ).toEqual(["BAD_USER_INPUT"]);
    expect((await raw("{ noSuchField }")).codes).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("keeps CSRF prevention on: a simple GET without a preflight header is refused", async () => {
    const url = `${server.url}?query=${encodeURIComponent("{ __typename }")}`;
    expect((await fetch(url)).status).toBe(400);
    const allowed = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(await allowed.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("serves GraphiQL offline at /graphiql, its assets from node_modules", async () => {
    const origin = new URL(server.url).origin;
    const page = await fetch(`${origin}/graphiql`);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('src="/graphiql/graphiql.min.js"');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    for (const asset of [
      "graphiql.min.js",
      "graphiql.min.css",
      "react.production.min.js",
      "react-dom.production.min.js",
    ]) {
      const response = await fetch(`${origin}/graphiql/${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
  });
});
