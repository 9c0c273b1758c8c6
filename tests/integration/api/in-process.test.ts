import { randomUUID } from "node:crypto";
import { print } from "graphql";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApi, type Api } from "../../../src/api/create-server.js";
import { graphiqlHandler } from "../../../src/api/graphiql.static.js";
import { createHttpServer, listen } from "../../../src/api/http-server.js";
import { toGlobalId } from "../../../src/api/global-id.js";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { DocumentTaskTreeDocument, TaskDriversDocument } from "../../../src/generated/graphql.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";

// The schema run in-process (apollo.executeOperation) over fixture nodes with unique keys, so the
// request-scoped executor can be inspected: round trips per request, traversal over chains and
// cycles, error masking.

const driver = testDriver();
const p = `zzapi-${randomUUID().slice(0, 8)}`;
let api: Api;

/**
 * A: ingested, heading I (cites C) over 50 tasks I.0 … I.49, each citing B and C.
 * B: ingested, its task B#1 cites D.  D: ingested, its task D#1 cites A (a cycle).  C: a stub.
 */
const fixture = `
CREATE (a:Document {key: $p + '|A', type: 'Nghị quyết', typeCode: 'NQ', symbol: $p + '-NQ/A', number: '01', year: 2022, issuedOn: '2022-01-05', title: 'fixture A', ingested: true, resolved: true})
CREATE (b:Document {key: $p + '|B', type: 'Nghị quyết', typeCode: 'NQ', symbol: $p + '-NQ/B', number: '02', year: 2021, ingested: true, resolved: true})
CREATE (c:Document {key: $p + '|C', type: 'Chỉ thị', typeCode: 'CT', symbol: $p + '-CT/C', number: '03', year: 2020, issuedOn: '2020-03-04', ingested: false, resolved: true})
CREATE (d:Document {key: $p + '|D', type: 'Kết luận', typeCode: 'KL', symbol: $p + '-KL/D', number: '04', year: 2019, ingested: true, resolved: true})
CREATE (b1:Task {key: $p + '|B#1', code: '1', title: 'B one', text: 'b', level: 1, order: 0, documentKey: $p + '|B'})
CREATE (b)-[:HAS_TASK {order: 0}]->(b1), (b1)-[:IN_DOCUMENT]->(b)
CREATE (b1)-[:IMPLEMENTS {quote: 'cites D', start: 10, end: 17, sourceKey: $p + '|B'}]->(d)
CREATE (d1:Task {key: $p + '|D#1', code: '1', title: 'D one', text: 'd', level: 1, order: 0, documentKey: $p + '|D'})
CREATE (d)-[:HAS_TASK {order: 0}]->(d1), (d1)-[:IN_DOCUMENT]->(d)
CREATE (d1)-[:IMPLEMENTS {quote: 'cites A', start: 3, end: 10, sourceKey: $p + '|D'}]->(a)
CREATE (head:Task {key: $p + '|A#I', code: 'I', title: 'heading', text: '', level: 1, order: 0, documentKey: $p + '|A'})
CREATE (a)-[:HAS_TASK {order: 0}]->(head), (head)-[:IN_DOCUMENT]->(a)
CREATE (head)-[:IMPLEMENTS {quote: 'heading cites C', start: 0, end: 15, sourceKey: $p + '|A'}]->(c)
WITH a, b, c, head
UNWIND range(0, 49) AS i
CREATE (t:Task {key: $p + '|A#I.' + i, code: 'I.' + i, title: 'task ' + i, text: 'text ' + i, level: 2, order: i, documentKey: $p + '|A', parentCode: 'I'})
CREATE (head)-[:HAS_TASK {order: i}]->(t), (t)-[:IN_DOCUMENT]->(a)
CREATE (t)-[:IMPLEMENTS {quote: 'cites B ' + i, start: 100 * i, end: 100 * i + 9, sourceKey: $p + '|A'}]->(b)
WITH t, c, i WHERE i > 0
CREATE (t)-[:IMPLEMENTS {quote: 'cites C ' + i, start: 100 * i + 20, end: 100 * i + 29, sourceKey: $p + '|A'}]->(c)
`;

const database = () => ({ database: testNeo4j().database });
const documentId = (name: string) => toGlobalId("Document", `${p}|${name}`);
const taskId = (key: string) => toGlobalId("Task", `${p}|${key}`);

async function execute<T>(query: string, variables: Record<string, unknown>, target: Api = api) {
  const contextValue = await target.contextFor({});
  const response = await target.apollo.executeOperation<T>({ query, variables }, { contextValue });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return { result: response.body.singleResult, roundTrips: contextValue.graph.roundTrips };
}

beforeAll(async () => {
  await driver.executeQuery(fixture, { p }, database());
  api = await createApi({ graph: new GraphExecutor(driver, testNeo4j().database) });
});

afterAll(async () => {
  await api?.apollo.stop();
  await driver.executeQuery("MATCH (n) WHERE n.key STARTS WITH $p DETACH DELETE n", { p }, database());
  await driver.close();
});

describe("round trips per request (no N+1)", () => {
  it("a task tree of 50 tasks with their citations and cited documents takes one round trip per level", async () => {
    const { result, roundTrips } = await execute<{
      node: { tasks: Array<{ children: Array<{ citations: Array<{ document: { key: string } }> }> }> };
    }>(print(DocumentTaskTreeDocument), { id: documentId("A") });
    expect(result.errors).toBeUndefined();
    const children = result.data!.node.tasks[0]!.children;
    expect(children).toHaveLength(50);
    expect(children.flatMap((t) => t.citations)).toHaveLength(99);
    // documents by id, top tasks, their citations, children, the children's citations
    expect(roundTrips).toBeLessThanOrEqual(5);
  });

  it("lists of 50 siblings, their citations and drivers: one round trip per level of nesting", async () => {
    const query = `query ($id: ID!) { node(id: $id) { ... on Task { citations { quote document { key } task { code } }
      parent { children { code citations { quote } directivesDriving { depth document { key } } } } } } }`;
    const { result, roundTrips } = await execute<{ node: { parent: { children: unknown[] } } }>(query, {
      id: taskId("A#I.0"),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.node.parent.children).toHaveLength(50);
    // the task, its citations, its parent, the parent's children, their citations, their drivers
    expect(roundTrips).toBeLessThanOrEqual(6);
  });
});

describe("traversal over chains and cycles", () => {
  beforeAll(async () => {
    // E#1 cites F (at 50) and G (at 5); F#1 and G#1 both cite H: two chains of length 2 to H
    await driver.executeQuery(
      `CREATE (e:Document {key: $p + '|E', symbol: $p + '-E', ingested: true, resolved: true})
       CREATE (f:Document {key: $p + '|F', symbol: $p + '-F', ingested: true, resolved: true})
       CREATE (g:Document {key: $p + '|G', symbol: $p + '-G', ingested: true, resolved: true})
       CREATE (h:Document {key: $p + '|H', symbol: $p + '-H', ingested: false, resolved: true})
       CREATE (e1:Task {key: $p + '|E#1', code: '1', title: 'E one', documentKey: $p + '|E'})-[:IN_DOCUMENT]->(e)
       CREATE (f1:Task {key: $p + '|F#1', code: '1', title: 'F one', documentKey: $p + '|F'})-[:IN_DOCUMENT]->(f)
       CREATE (g1:Task {key: $p + '|G#1', code: '1', title: 'G one', documentKey: $p + '|G'})-[:IN_DOCUMENT]->(g)
       CREATE (e)-[:HAS_TASK {order: 0}]->(e1), (f)-[:HAS_TASK {order: 0}]->(f1), (g)-[:HAS_TASK {order: 0}]->(g1)
       CREATE (e1)-[:IMPLEMENTS {quote: 'E cites F', start: 50, end: 59}]->(f)
       CREATE (e1)-[:IMPLEMENTS {quote: 'E cites G', start: 5, end: 14}]->(g)
       CREATE (f1)-[:IMPLEMENTS {quote: 'F cites H', start: 1, end: 9}]->(h)
       CREATE (g1)-[:IMPLEMENTS {quote: 'G cites H', start: 1, end: 9}]->(h)`,
      { p },
      database(),
    );
  });

  it("directivesDriving follows citations into ingested documents, inherits the heading's, and stops at the cycle", async () => {
    type Drivers = {
      node: {
        directivesDriving: Array<{
          depth: number;
          document: { key: string };
          inheritedFrom: { code: string } | null;
          via: Array<{ quote: string }>;
        }>;
      };
    };
    const shallow = await execute<Drivers>(print(TaskDriversDocument), { id: taskId("A#I.0"), maxDepth: 1 });
    expect(
      shallow.result.data?.node.directivesDriving.map((d) => [
        d.document.key,
        d.depth,
        d.inheritedFrom?.code ?? null,
      ]),
    ).toEqual([
      [`${p}|B`, 1, null],
      [`${p}|C`, 1, "I"],
    ]);
    const deep = await execute<Drivers>(print(TaskDriversDocument), { id: taskId("A#I.0"), maxDepth: 6 });
    const drivers = deep.result.data!.node.directivesDriving;
    // A → B → D → A is a cycle: A itself (the task's own document) never drives it
    expect(drivers.map((d) => [d.document.key, d.depth])).toEqual([
      [`${p}|B`, 1],
      [`${p}|C`, 1],
      [`${p}|D`, 2],
    ]);
    expect(drivers[2]!.via.map((c) => c.quote)).toEqual(["cites B 0", "cites D"]);
  });

  it("a task's own citation wins over the inherited one", async () => {
    const { result } = await execute<{
      node: { directivesDriving: Array<{ document: { key: string }; inheritedFrom: unknown }> };
    }>(print(TaskDriversDocument), { id: taskId("A#I.7"), maxDepth: 1 });
    expect(
      result.data?.node.directivesDriving.find((d) => d.document.key === `${p}|C`)?.inheritedFrom,
    ).toBeNull();
  });

  it("tasksImplementing, direct and transitive, pages by depth, then date, then task key", async () => {
    // fixture symbols are not real symbols, so the document is fetched by id
    const query = `query ($id: ID!, $transitive: Boolean, $first: Int, $after: String) { node(id: $id) { ... on Document {
      tasksImplementing(transitive: $transitive, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { depth node { code document { key } } } } } } }`;
    type Implementing = {
      node: {
        tasksImplementing: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: Array<{ depth: number; node: { code: string; document: { key: string } } }>;
        };
      };
    };
    const direct = await execute<Implementing>(query, { id: documentId("D"), first: 10 });
    expect(direct.result.errors).toBeUndefined();
    expect(direct.result.data?.node.tasksImplementing.edges.map((e) => e.node.document.key)).toEqual([
      `${p}|B`,
    ]);
    const transitive = await execute<Implementing>(query, {
      id: documentId("D"),
      transitive: true,
      first: 10,
    });
    const connection = transitive.result.data!.node.tasksImplementing;
    // B#1 directly, and the 50 tasks of A through B
    expect(connection.totalCount).toBe(51);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    // by depth: B#1 (depth 1) before A's tasks (through B, depth 2)
    expect(connection.edges.map((e) => e.depth)).toEqual([1, ...Array(9).fill(2)]);
    expect(connection.edges[0]).toMatchObject({ depth: 1, node: { code: "1", document: { key: `${p}|B` } } });
    const next = await execute<Implementing>(query, {
      id: documentId("D"),
      transitive: true,
      first: 100,
      after: connection.pageInfo.endCursor,
    });
    const rest = next.result.data!.node.tasksImplementing.edges;
    expect(rest).toHaveLength(41);
    expect(rest.every((e) => e.depth === 2 && e.node.document.key === `${p}|A`)).toBe(true);
    // nothing repeated, nothing skipped
    const codes = [...connection.edges, ...rest].map((e) => `${e.node.document.key}#${e.node.code}`);
    expect(new Set(codes).size).toBe(51);
  });

  it("at equal depth the chain starts at the earlier citation, and a document reached twice is listed once", async () => {
    const drivers = await execute<{
      node: {
        directivesDriving: Array<{ depth: number; document: { key: string }; via: Array<{ quote: string }> }>;
      };
    }>(print(TaskDriversDocument), { id: taskId("E#1"), maxDepth: 4 });
    expect(
      drivers.result.data?.node.directivesDriving.map((d) => [
        d.document.key,
        d.depth,
        d.via.map((c) => c.quote),
      ]),
    ).toEqual([
      [`${p}|F`, 1, ["E cites F"]],
      [`${p}|G`, 1, ["E cites G"]],
      [`${p}|H`, 2, ["E cites G", "G cites H"]],
    ]);
    const implementing = await execute<{
      node: {
        tasksImplementing: {
          totalCount: number;
          edges: Array<{ depth: number; node: { key: string }; via: Array<{ quote: string }> }>;
        };
      };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Document {
        tasksImplementing(transitive: true, maxDepth: 4, first: 10) { totalCount edges { depth node { key } via { quote } } } } } }`,
      { id: documentId("H") },
    );
    expect(implementing.result.errors).toBeUndefined();
    const connection = implementing.result.data!.node.tasksImplementing;
    expect(connection.totalCount).toBe(3);
    expect(connection.edges.map((e) => [e.node.key, e.depth, e.via.map((c) => c.quote)])).toEqual([
      [`${p}|F#1`, 1, ["F cites H"]],
      [`${p}|G#1`, 1, ["G cites H"]],
      [`${p}|E#1`, 2, ["E cites G", "G cites H"]],
    ]);
  });
  it("reads of a chain's citations only what is selected, and resolves what is", async () => {
    const read = vi.spyOn(GraphExecutor.prototype, "read");
    try {
      const lean = await execute<{ node: { directivesDriving: Array<{ via: Array<{ quote: string }> }> } }>(
        `query ($id: ID!) { node(id: $id) { ... on Task { directivesDriving(maxDepth: 2) { via { quote start } } } } }`,
        { id: taskId("E#1") },
      );
      expect(lean.result.errors).toBeUndefined();
      expect(lean.result.data?.node.directivesDriving.at(-1)?.via.map((c) => c.quote)).toEqual([
        "E cites G",
        "G cites H",
      ]);
      const leanStatement = read.mock.calls
        .map(([query]) => query.cypher)
        .find((c) => c.includes("frontier"));
      expect(leanStatement).toContain("via: [r IN e.via | { quote: r.quote, start: r.start, end: r.end }]");

      read.mockClear();
      const full = await execute<{
        node: {
          directivesDriving: Array<{
            via: Array<{
              task: { code: string };
              document: { key: string };
              relation: string | null;
              warnings: string[];
            }>;
          }>;
        };
      }>(
        `query ($id: ID!) { node(id: $id) { ... on Task { directivesDriving(maxDepth: 2) {
          via { task { code } document { key } relation warnings } } } } }`,
        { id: taskId("E#1") },
      );
      expect(full.result.errors).toBeUndefined();
      expect(full.result.data?.node.directivesDriving.at(-1)?.via).toEqual([
        { task: { code: "1" }, document: { key: `${p}|G` }, relation: null, warnings: [] },
        { task: { code: "1" }, document: { key: `${p}|H` }, relation: null, warnings: [] },
      ]);
      const fullStatement = read.mock.calls
        .map(([query]) => query.cypher)
        .find((c) => c.includes("frontier"));
      expect(fullStatement).toContain("taskKey: startNode(r).key");
      expect(fullStatement).toContain("relation: r.relation");

      read.mockClear();
      const implementing = await execute<{
        node: { tasksImplementing: { edges: Array<{ via: Array<{ document: { key: string } }> }> } };
      }>(
        `query ($id: ID!) { node(id: $id) { ... on Document {
          tasksImplementing(transitive: true, first: 3) { edges { via { document { key } } } } } } }`,
        { id: documentId("H") },
      );
      expect(
        implementing.result.data?.node.tasksImplementing.edges.at(-1)?.via.map((c) => c.document.key),
      ).toEqual([`${p}|G`, `${p}|H`]);
      const implementingStatement = read.mock.calls
        .map(([query]) => query.cypher)
        .find((c) => c.includes("frontier"));
      expect(implementingStatement).toContain("documentKey: endNode(r).key");
      expect(implementingStatement).not.toContain("r.relation");
    } finally {
      read.mockRestore();
    }
  });
});

describe("error masking", () => {
  // an unexpected error (a bug, a statement the database rejects) that names what must not leak
  const boom = () =>
    vi
      .spyOn(GraphExecutor.prototype, "read")
      .mockRejectedValue(new Error("boom in MATCH (n:Secret {key: 'k'}) RETURN n"));

  it("hides an unexpected error behind INTERNAL_SERVER_ERROR, without stack or details", async () => {
    const read = boom();
    try {
      const { result } = await execute("{ stats { documents } }", {});
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: "Internal server error",
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        }),
      ]);
      expect(JSON.stringify(result)).not.toContain("Secret");
    } finally {
      read.mockRestore();
    }
  });

  it("keeps the stack trace in development mode", async () => {
    const development = await createApi({
      graph: new GraphExecutor(driver, testNeo4j().database),
      development: true,
    });
    const read = boom();
    try {
      const { result } = await execute("{ stats { documents } }", {}, development);
      expect(result.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      expect(result.errors?.[0]?.extensions?.stacktrace).toEqual(expect.any(Array));
    } finally {
      read.mockRestore();
      await development.apollo.stop();
    }
  });

  it("answers a database out of reach as DATABASE_UNAVAILABLE, naming no address", async () => {
    const closed = neo4j.driver("bolt://127.0.0.1:1", neo4j.auth.basic("neo4j", ""), {
      connectionTimeout: 500,
    });
    const broken = await createApi({
      graph: new GraphExecutor(closed, "neo4j", { unavailableRetryMs: 500 }),
    });
    try {
      const { result } = await execute("{ stats { documents } }", {}, broken);
      expect(result.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|http/);
    } finally {
      await broken.apollo.stop();
      await closed.close();
    }
  });
});

describe("GraphiQL handler", () => {
  it("redirects / to /graphiql unless told not to (the explorer takes / when installed before it)", async () => {
    for (const [redirectRoot, expected] of [
      [true, 302],
      [false, 404],
    ] as const) {
      const server = createHttpServer(api, [graphiqlHandler({ redirectRoot })]);
      const port = await listen(server, 0, "127.0.0.1");
      try {
        const root = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" });
        expect(root.status).toBe(expected);
        if (redirectRoot) expect(root.headers.get("location")).toBe("/graphiql");
        expect((await fetch(`http://127.0.0.1:${port}/graphiql`)).status).toBe(200);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });
});
