import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type Api } from "../../../src/api/create-server.js";
import { toGlobalId } from "../../../src/api/global-id.js";
import { projectRoot } from "../../../src/config/settings.js";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { ingestText } from "../../../src/graph/ingest.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";
import { ensureSeed } from "../../setup/seed-graph.js";

// Paged chains (#21): Task.directivesDrivingPage and Document.tasksImplementing ordered by depth,
// then date, then key, keyset-paged, on the seed and chain A of ../shared/corpus/chains (README
// there): 294-QĐ/TW ← 06-HD/TW ← 38-HD/BTCTW ← the Hà Nội city committee's guidance. (294-QĐ/TW's
// own text carries no year, so its node is not the one 06-HD/TW cites: chains are read from 06.)

const driver = testDriver();
const executor = new GraphExecutor(driver, testNeo4j().database);
const chains = path.resolve(projectRoot, "..", "shared", "corpus", "chains");
const chainA = [
  "294-QD-TW-2025.txt",
  "06-HD-TW-2025.txt",
  "38-HD-BTCTW-2025.txt",
  "HD-BTCTU-Ha-Noi-2025-11.txt",
];
let api: Api;

async function run<T>(source: string, variables: Record<string, unknown> = {}) {
  const contextValue = await api.contextFor({});
  const response = await api.apollo.executeOperation<T>({ query: source, variables }, { contextValue });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult;
}

async function query<T>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await run<T>(source, variables);
  expect(JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

interface Connection<Node> {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Node }[];
}
interface Driver {
  depth: number;
  document: { key: string; issuedOn: string | null };
  via: { quote: string }[];
}

const DRIVERS = `query ($id: ID!, $maxDepth: Int, $first: Int, $after: String) { node(id: $id) { ... on Task {
  directivesDriving(maxDepth: $maxDepth) { depth document { key issuedOn } via { quote } }
  directivesDrivingPage(maxDepth: $maxDepth, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { cursor node { depth document { key issuedOn } via { quote } } } } } } }`;
const DRIVERS_COUNTED = `query ($id: ID!, $maxDepth: Int, $first: Int) { node(id: $id) { ... on Task {
  directivesDrivingPage(maxDepth: $maxDepth, first: $first) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { depth document { key issuedOn } via { quote } } } } } } }`;
const IMPLEMENTING = `query ($symbol: String!, $maxDepth: Int, $first: Int, $after: String) { document(symbol: $symbol) {
  tasksImplementing(transitive: true, maxDepth: $maxDepth, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor depth node { key document { issuedOn } } } } } }`;

/** (depth, date with undated last, key) as the API orders them. */
function sortKey(depth: number, date: string | null, key: string): string {
  return `${String(depth).padStart(2, "0")}|${date ?? "~"}|${key}`;
}

function expectOrdered(keys: string[]): void {
  expect(keys).toEqual([...keys].sort());
}

async function pageThrough<Node>(
  read: (after: string | null) => Promise<Connection<Node>>,
): Promise<{ nodes: Node[]; pages: number }> {
  const nodes: Node[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await read(after);
    pages++;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return { nodes, pages };
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    after = page.pageInfo.endCursor;
    expect(pages).toBeLessThan(200);
  }
}

/** The Hà Nội guidance's task with the most citations (of 38-HD/BTCTW among them). */
let hanoiTask: string;

beforeAll(async () => {
  await ensureSeed();
  for (const name of chainA)
    await ingestText(executor, { text: fs.readFileSync(path.join(chains, name), "utf8"), sourceName: name });
  const { records } = await driver.executeQuery(
    `MATCH (d:Document {sourceName: $name})<-[:IN_DOCUMENT]-(t:Task)-[:IMPLEMENTS]->(:Document)
     RETURN t.key AS key, count(*) AS citations ORDER BY citations DESC, key LIMIT 1`,
    { name: "HD-BTCTU-Ha-Noi-2025-11.txt" },
    { database: testNeo4j().database },
  );
  hanoiTask = records[0]!.get("key") as string;
  api = await createApi({ graph: executor });
});

afterAll(async () => {
  await api?.apollo.stop();
  await driver.close();
});

describe("Task.directivesDrivingPage", () => {
  it("pages through the same directives as the list, by depth, date, key, none repeated or skipped", async () => {
    const id = toGlobalId("Task", hanoiTask);
    type Answer = { node: { directivesDriving: Driver[]; directivesDrivingPage: Connection<Driver> } };
    const whole = await query<Answer>(DRIVERS, { id, maxDepth: 3, first: 100 });
    const all = whole.node.directivesDriving;
    // the chain reaches 294-QĐ/TW through 38-HD/BTCTW and 06-HD/TW
    expect(all.length).toBeGreaterThan(4);
    expect(Math.max(...all.map((d) => d.depth))).toBeGreaterThanOrEqual(2);
    const expected = all
      .map((d) => ({ sort: sortKey(d.depth, d.document.issuedOn, d.document.key), d }))
      .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
      .map((e) => e.d);
    expect(whole.node.directivesDrivingPage.edges.map((e) => e.node)).toEqual(expected);

    const { nodes, pages } = await pageThrough(async (after) => {
      const answer = await query<Answer>(DRIVERS, { id, maxDepth: 3, first: 2, after });
      return answer.node.directivesDrivingPage;
    });
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(nodes).toEqual(expected);
    expectOrdered(nodes.map((d) => sortKey(d.depth, d.document.issuedOn, d.document.key)));
    expect(new Set(nodes.map((d) => d.document.key)).size).toBe(all.length);
  });

  it("counts only when asked, and the first page is the same with or without the count", async () => {
    const id = toGlobalId("Task", hanoiTask);
    type Answer = { node: { directivesDriving: Driver[]; directivesDrivingPage: Connection<Driver> } };
    const counted = await query<{ node: { directivesDrivingPage: Connection<Driver> } }>(DRIVERS_COUNTED, {
      id,
      maxDepth: 3,
      first: 3,
    });
    const lean = await query<Answer>(DRIVERS, { id, maxDepth: 3, first: 3 });
    expect(counted.node.directivesDrivingPage.totalCount).toBe(lean.node.directivesDriving.length);
    expect(lean.node.directivesDrivingPage.edges).toEqual(counted.node.directivesDrivingPage.edges);
    expect(lean.node.directivesDrivingPage.pageInfo).toEqual(counted.node.directivesDrivingPage.pageInfo);
  });

  it("a task citing nothing has an empty page", async () => {
    const { records } = await driver.executeQuery(
      `MATCH (t:Task) WHERE NOT EXISTS { (t)-[:IMPLEMENTS]->() } AND NOT EXISTS { (:Task)-[:HAS_TASK]->(t) }
       RETURN t.key AS key ORDER BY key LIMIT 1`,
      {},
      { database: testNeo4j().database },
    );
    const answer = await query<{ node: { directivesDrivingPage: Connection<Driver> } }>(DRIVERS_COUNTED, {
      id: toGlobalId("Task", records[0]!.get("key") as string),
      maxDepth: 3,
      first: 5,
    });
    expect(answer.node.directivesDrivingPage).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
  });
});

describe("Document.tasksImplementing (transitive), paged", () => {
  it("06-HD/TW: its implementing tasks by depth, date, key across pages of 2, none repeated or skipped", async () => {
    type Answer = {
      document: {
        tasksImplementing: Omit<Connection<never>, "edges"> & {
          edges: {
            cursor: string;
            depth: number;
            node: { key: string; document: { issuedOn: string | null } };
          }[];
        };
      };
    };
    const whole = await query<Answer>(IMPLEMENTING, { symbol: "06-HD/TW", maxDepth: 3, first: 100 });
    const all = whole.document.tasksImplementing;
    expect(all.pageInfo.hasNextPage).toBe(false);
    expect(all.totalCount).toBe(all.edges.length);
    // several pages of 2 (here every task reaching it cites it itself: depth 1, ordered by date, key)
    expect(all.edges.length).toBeGreaterThan(3);
    expect(all.edges.every((e) => e.depth >= 1)).toBe(true);
    const keys = all.edges.map((e) => sortKey(e.depth, e.node.document.issuedOn, e.node.key));
    expectOrdered(keys);

    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const answer: Answer = await query<Answer>(IMPLEMENTING, {
        symbol: "06-HD/TW",
        maxDepth: 3,
        first: 2,
        after,
      });
      const page = answer.document.tasksImplementing;
      expect(page.totalCount).toBe(all.totalCount);
      paged.push(...page.edges.map((e) => sortKey(e.depth, e.node.document.issuedOn, e.node.key)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(keys);
  });
});

describe("bad cursors are BAD_USER_INPUT naming the argument", () => {
  const cursors = {
    "not base64 JSON": "%%%",
    "another list's cursor (a document key)": Buffer.from(JSON.stringify(["NQ|26-NQ/TW|2018"])).toString(
      "base64url",
    ),
    "a depth below 1": Buffer.from(JSON.stringify([0, "2025-01-01", "k"])).toString("base64url"),
    "a fractional depth": Buffer.from(JSON.stringify([1.5, "2025-01-01", "k"])).toString("base64url"),
  };
  for (const [what, after] of Object.entries(cursors)) {
    it(what, async () => {
      const drivers = await run(DRIVERS, { id: toGlobalId("Task", hanoiTask), maxDepth: 2, first: 2, after });
      const implementing = await run(IMPLEMENTING, { symbol: "06-HD/TW", maxDepth: 2, first: 2, after });
      for (const result of [drivers, implementing]) {
        expect(result.errors?.[0]?.extensions).toMatchObject({
          code: "BAD_USER_INPUT",
          argumentName: "after",
        });
      }
    });
  }
});
