/**
 * The questions of the scale benchmark (issue #6): what is asked, of which instances (hot and cold
 * pools drawn from the loaded graph), how each target is asked (the exact HTTP request), and how each
 * target's answer is reduced to one comparable value.
 *
 * - cancu: POST /graphql, the public API as a client would use it (`node(id:)` for keys it holds).
 * - floor: GET /q/<route>?…, the same statements cancu runs (floor-server.ts), answering cancu's JSON.
 * - peer: POST /graphql to @neo4j/graphql with peer-typedefs.graphql: its generated filters and
 *   relationship fields where it has them (document lookup, direct citations), its @cypher fields
 *   where it has no traversal of its own (transitive chains, neighbourhood, shortest path, full-text).
 *
 * All three send and receive comparable data: each request selects the same facts (keys, titles,
 * depths, citations and their spans). Canonical answers keep what all three can say and what the
 * question defines; where something is left out, the canonicaliser says why.
 */
import neo4j from "neo4j-driver";
import { toGlobalId } from "../../src/api/global-id.js";
import { symbolFromText } from "../../src/api/services/document.service.js";
import { foldVietnamese } from "../../src/extract/index.js";
import { luceneQuery } from "../../src/graph/queries/index.js";
import { primaryLabel } from "../../src/graph/queries/projections.js";
import { toPlain, type PlainValue } from "../../src/graph/record-mapping.js";
import type { BenchQuestion, HttpRequestSpec, ParamPools, PoolContext, QueryParams } from "./contract.js";

// ---------------------------------------------------------------------------------------------
// Requests

/**
 * A GraphQL request. Apollo's CSRF prevention (on in cancu and in the peer) accepts it: a POST whose
 * content-type is application/json is never a CORS "simple" request.
 */
function graphqlPost(query: string, variables: Record<string, unknown>): HttpRequestSpec {
  return {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  };
}

function floorGet(route: string, params: Record<string, string | number>): HttpRequestSpec {
  const search = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
  );
  return { method: "GET", path: `/q/${route}?${search}` };
}

const documentId = (key: string) => toGlobalId("Document", key);
const taskId = (key: string) => toGlobalId("Task", key);

function str(params: QueryParams, name: string): string {
  const value = params[name];
  if (typeof value !== "string") throw new Error(`parameter ${name} must be a string`);
  return value;
}

function int(params: QueryParams, name: string): number {
  const value = params[name];
  if (typeof value !== "number" || !Number.isInteger(value))
    throw new Error(`parameter ${name} must be an integer`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Reading answers

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function record(value: unknown, what: string): Json {
  if (!isRecord(value))
    throw new Error(`${what}: expected an object, got ${JSON.stringify(value)?.slice(0, 120)}`);
  return value;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value))
    throw new Error(`${what}: expected a list, got ${JSON.stringify(value)?.slice(0, 120)}`);
  return value;
}

/** `data` of a GraphQL-shaped body; any error (GraphQL, HTTP handler) or a missing `data` throws. */
function dataOf(body: unknown): Json {
  const b = record(body, "response body");
  if (Array.isArray(b.errors) && b.errors.length > 0)
    throw new Error(`the answer is an error: ${JSON.stringify(b.errors).slice(0, 300)}`);
  return record(b.data, "data");
}

/** The single element of a peer list answer (a lookup by key or symbol), or null. */
function single(value: unknown, what: string): Json | null {
  const items = list(value, what);
  if (items.length > 1) throw new Error(`${what}: ${items.length} matches where one was expected`);
  return items.length === 0 ? null : record(items[0], what);
}

/** A cancu global id back to its key (ids are base64url of `Label:key`). */
function keyOfId(id: unknown): string {
  const decoded = Buffer.from(String(id), "base64url").toString("utf8");
  return decoded.slice(decoded.indexOf(":") + 1);
}

/** The label that names a node in cancu; the labels must be a list. */
const labelOf = (labels: unknown): string => primaryLabel(list(labels, "labels"));

/** By key, in code-unit order (not the locale's): the same order in every process. */
function byKey(a: { key: unknown }, b: { key: unknown }): number {
  const [x, y] = [String(a.key), String(b.key)];
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Pools

async function rows(ctx: PoolContext, cypher: string, params: Record<string, unknown> = {}) {
  const { records } = await ctx.driver.executeQuery(cypher, params, {
    database: ctx.database,
    routing: neo4j.routing.READ,
  });
  return records.map((r) => Object.fromEntries(r.keys.map((k) => [k, toPlain(r.get(k))]))) as Array<
    Record<string, PlainValue>
  >;
}

/** Fisher–Yates with the context's seeded RNG: the same candidates and seed give the same order. */
function shuffled<T>(ctx: PoolContext, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(ctx.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Hot: the first `hotSize` instances (asked over and over); cold: the next `coldSize`, all distinct
 * from the hot ones. On a graph too small for both, cold repeats hot.
 */
function hotAndCold(ctx: PoolContext, ordered: readonly QueryParams[]): ParamPools {
  const hot = ordered.slice(0, ctx.hotSize);
  const cold = ordered.slice(hot.length, hot.length + ctx.coldSize);
  return { hot, cold: cold.length > 0 ? cold : [...hot] };
}

/** Pools from candidates in a deterministic order: shuffled with the seeded RNG, then split. */
function split(ctx: PoolContext, candidates: readonly QueryParams[]): ParamPools {
  return hotAndCold(ctx, shuffled(ctx, candidates));
}

/** One column of string values, in the query's (deterministic) order. */
async function keys(ctx: PoolContext, cypher: string): Promise<string[]> {
  return (await rows(ctx, cypher)).map((r) => String(r.key));
}

// ---------------------------------------------------------------------------------------------
// The questions

const PAGE = 20;

const documentLookup: BenchQuestion = {
  name: "document",
  traversal: false,
  async pools(ctx) {
    // (symbol, year) pairs naming exactly one document, whose symbol cancu reads back as itself
    // (cancu reads what a person types with the extractor's grammar; the floor and the peer match it verbatim)
    const found = await rows(
      ctx,
      `MATCH (d:Document) WHERE d.symbol IS NOT NULL AND d.year IS NOT NULL
       WITH d.symbol AS symbol, d.year AS year, collect(d.key) AS keys WHERE size(keys) = 1
       RETURN symbol, year ORDER BY keys[0]`,
    );
    const candidates: QueryParams[] = [];
    for (const r of found) {
      const symbol = String(r.symbol);
      if ((await symbolFromText(symbol))?.symbol === symbol)
        candidates.push({ symbol, year: Number(r.year) });
    }
    return split(ctx, candidates);
  },
  request(target, params) {
    const symbol = str(params, "symbol");
    const year = int(params, "year");
    if (target === "floor") return floorGet("document", { symbol, year });
    if (target === "cancu")
      return graphqlPost(
        `query Document($symbol: String!, $year: Int) {
  document(symbol: $symbol, year: $year) { key symbol year title issuedOn ingested issuer { key name } }
}`,
        { symbol, year },
      );
    return graphqlPost(
      `query Document($symbol: String!, $year: Int!) {
  documents(where: { symbol: { eq: $symbol }, year: { eq: $year } }) { key symbol year title issuedOn ingested issuer { key name } }
}`,
      { symbol, year },
    );
  },
  canonical(target, body) {
    const data = dataOf(body);
    if (target !== "peer")
      return data.document === null ? null : documentFacts(record(data.document, "document"));
    // the peer's ISSUED_BY is a list of at most one organization
    const document = single(data.documents, "documents");
    if (!document) return null;
    return documentFacts({ ...document, issuer: single(document.issuer, "issuer") });
  },
};

function documentFacts(d: Json) {
  const issuer = d.issuer === null || d.issuer === undefined ? null : record(d.issuer, "issuer");
  return {
    key: d.key,
    symbol: d.symbol ?? null,
    year: d.year ?? null,
    title: d.title ?? null,
    issuedOn: d.issuedOn ?? null,
    // cancu answers false for a missing flag (graph-records.ts); the peer passes the stored value
    ingested: d.ingested === true,
    issuer: issuer ? { key: issuer.key, name: issuer.name } : null,
  };
}

/**
 * Tasks implementing a document: the first page (by task key) of the tasks whose citations reach it
 * within `maxDepth` hops, each with its depth and the chain of citations.
 */
function tasksImplementing(name: string, maxDepth: number): BenchQuestion {
  const transitive = maxDepth > 1;
  return {
    name,
    // direct citations are one relationship hop, the peer's home ground: not a traversal question
    traversal: transitive,
    async pools(ctx) {
      // documents with at least one implementing task at the deepest level asked for (from another document)
      const reach = transitive
        ? "(t:Task)-[:IMPLEMENTS]->(:Document)<-[:IN_DOCUMENT]-(:Task)-[:IMPLEMENTS]->(d)"
        : "(t:Task)-[:IMPLEMENTS]->(d)";
      const found = await keys(
        ctx,
        `MATCH (d:Document) WHERE EXISTS { MATCH ${reach} WHERE NOT (t)-[:IN_DOCUMENT]->(d) }
         RETURN d.key AS key ORDER BY key`,
      );
      return split(
        ctx,
        found.map((document) => ({ document, maxDepth, first: PAGE })),
      );
    },
    request(target, params) {
      const document = str(params, "document");
      const first = int(params, "first");
      if (target === "floor") return floorGet("tasksImplementing", { document, maxDepth, first });
      if (target === "cancu")
        return graphqlPost(
          `query TasksImplementing($id: ID!, $transitive: Boolean!, $maxDepth: Int!, $first: Int!) {
  node(id: $id) {
    ... on Document {
      tasksImplementing(transitive: $transitive, maxDepth: $maxDepth, first: $first) {
        edges { depth node { key code title } via { quote start end } }
      }
    }
  }
}`,
          { id: documentId(document), transitive, maxDepth, first },
        );
      if (!transitive)
        // the generated relationship field (DISTINCT tasks, sorted, limited), and per task its citations of the document
        return graphqlPost(
          `query TasksImplementing($key: String!, $first: Int!) {
  documents(where: { key: { eq: $key } }) {
    implementedBy(where: { NOT: { documentKey: { eq: $key } } }, sort: [{ key: ASC }], limit: $first) {
      key code title
      implementsConnection(where: { node: { key: { eq: $key } } }) { edges { properties { quote start end } } }
    }
  }
}`,
          { key: document, first },
        );
      return graphqlPost(
        `query TasksImplementing($key: String!, $maxDepth: Int!, $first: Int!) {
  documents(where: { key: { eq: $key } }) {
    tasksImplementing(maxDepth: $maxDepth, first: $first) { depth task { key code title } via { quote start end } }
  }
}`,
        { key: document, maxDepth, first },
      );
    },
    /**
     * The tasks (key, code, title) and their depths, by key. The citations themselves are left out:
     * when a task reaches the document by several equally short chains (or, directly, cites it twice)
     * cancu reports one of them without defining which, and the peer's direct answer lists every
     * citation. The requests still fetch them, so all three do the same work.
     */
    canonical(target, body) {
      const data = dataOf(body);
      if (target !== "peer") {
        if (data.node === null) return null;
        const connection = record(record(data.node, "node").tasksImplementing, "tasksImplementing");
        return list(connection.edges, "edges")
          .map((e) => record(e, "edge"))
          .map((e) => ({ ...taskFacts(record(e.node, "task")), depth: e.depth }))
          .sort(byKey);
      }
      const document = single(data.documents, "documents");
      if (!document) return null;
      const found = transitive
        ? list(document.tasksImplementing, "tasksImplementing")
            .map((r) => record(r, "row"))
            .map((r) => ({ ...taskFacts(record(r.task, "task")), depth: r.depth }))
        : list(document.implementedBy, "implementedBy").map((t) => ({
            ...taskFacts(record(t, "task")),
            depth: 1,
          }));
      return found.sort(byKey);
    },
  };
}

// cancu maps a missing title to "" (graph-records.ts); the peer passes the stored value through
const taskFacts = (t: Json) => ({ key: t.key, code: t.code ?? "", title: t.title ?? "" });

/** Directives driving a task, up to `maxDepth` hops: each document once, at its shortest chain. */
/** The first page of a task's drivers (#21): as many as directivesDrivingPage answers by default on a screen. */
const DRIVERS_PAGE = 50;

/**
 * A task's drivers to `maxDepth`: all of them (`directivesDriving`), or with `paged` only the first
 * DRIVERS_PAGE in cancu's page order, depth, then the document's date (undated last), then key
 * (`directivesDrivingPage`; the peer's @cypher field orders and limits the same way).
 */
function drivers(maxDepth: number, paged = false): BenchQuestion {
  return {
    name: paged ? `drivers.d${maxDepth}.page` : `drivers.d${maxDepth}`,
    traversal: true,
    async pools(ctx) {
      // tasks with a driver at depth 2 at least: they, or a heading above them, cite an ingested
      // document whose own tasks cite further
      const found = await keys(
        ctx,
        `MATCH (t:Task) WHERE EXISTS {
           MATCH (origin:Task)-[:HAS_TASK*0..]->(t)
           WHERE EXISTS { (origin)-[:IMPLEMENTS]->(:Document)<-[:IN_DOCUMENT]-(:Task)-[:IMPLEMENTS]->(:Document) }
         }
         RETURN t.key AS key ORDER BY key`,
      );
      return split(
        ctx,
        found.map((task) => ({ task, maxDepth })),
      );
    },
    request(target, params) {
      const task = str(params, "task");
      const selection = "depth document { key symbol title issuer { key name } } via { quote start end }";
      if (paged) {
        if (target === "floor") return floorGet("driversPage", { task, maxDepth, first: DRIVERS_PAGE });
        if (target === "cancu")
          return graphqlPost(
            `query DriversPage($id: ID!, $maxDepth: Int!, $first: Int!) {
  node(id: $id) { ... on Task { directivesDrivingPage(maxDepth: $maxDepth, first: $first) { edges { node { ${selection} } } } } }
}`,
            { id: taskId(task), maxDepth, first: DRIVERS_PAGE },
          );
        return graphqlPost(
          `query DriversPage($key: String!, $maxDepth: Int!, $first: Int!) {
  tasks(where: { key: { eq: $key } }) { directivesDrivingPage(maxDepth: $maxDepth, first: $first) { ${selection} } }
}`,
          { key: task, maxDepth, first: DRIVERS_PAGE },
        );
      }
      if (target === "floor") return floorGet("drivers", { task, maxDepth });
      if (target === "cancu")
        return graphqlPost(
          `query Drivers($id: ID!, $maxDepth: Int!) {
  node(id: $id) { ... on Task { directivesDriving(maxDepth: $maxDepth) { ${selection} } } }
}`,
          { id: taskId(task), maxDepth },
        );
      return graphqlPost(
        `query Drivers($key: String!, $maxDepth: Int!) {
  tasks(where: { key: { eq: $key } }) { directivesDriving(maxDepth: $maxDepth) { ${selection} } }
}`,
        { key: task, maxDepth },
      );
    },
    /**
     * Each driving document with its depth, the length of its chain, and the chain's first citation
     * (the task's own, or its heading's: cancu defines which, the earliest own one first). Later links
     * are left out: when several chains of the same length lead on, cancu does not define which one it
     * reports. Sorted by depth, then key (cancu's own order). `inheritedFrom` is not asked for: it would
     * cost cancu one more statement (a task lookup) that neither other target needs.
     */
    canonical(target, body) {
      const data = dataOf(body);
      let rows: unknown;
      if (target === "peer") {
        const task = single(data.tasks, "tasks");
        if (!task) return null;
        rows = paged ? task.directivesDrivingPage : task.directivesDriving;
      } else {
        if (data.node === null) return null;
        const node = record(data.node, "node");
        rows = paged
          ? list(record(node.directivesDrivingPage, "directivesDrivingPage").edges, "edges").map(
              (edge) => record(edge, "edge").node,
            )
          : node.directivesDriving;
      }
      const answered = list(rows, "directivesDriving")
        .map((r) => record(r, "driver"))
        .map((r) => {
          const via = list(r.via, "via").map((c) => record(c, "citation"));
          const first = via[0];
          const document = record(r.document, "document");
          return {
            key: document.key,
            symbol: document.symbol ?? null,
            title: document.title ?? null,
            issuer: document.issuer ? record(document.issuer, "issuer").key : null,
            depth: r.depth,
            links: via.length,
            first: first ? { quote: first.quote, start: first.start, end: first.end } : null,
          };
        });
      // a page is in its own order (depth, date, key), which is part of the answer; the whole list is
      // compared by depth, then key
      return paged ? answered : answered.sort((a, b) => Number(a.depth) - Number(b.depth) || byKey(a, b));
    },
  };
}

const NEIGHBORHOOD = { depth: 2, limit: 50 };

const neighbourhood: BenchQuestion = {
  name: "neighborhood",
  traversal: true,
  async pools(ctx) {
    const found = await keys(ctx, "MATCH (d:Document) RETURN d.key AS key ORDER BY key");
    return split(
      ctx,
      found.map((document) => ({ document, ...NEIGHBORHOOD })),
    );
  },
  request(target, params) {
    const document = str(params, "document");
    const depth = int(params, "depth");
    const limit = int(params, "limit");
    if (target === "floor") return floorGet("neighborhood", { document, depth, limit });
    if (target === "cancu")
      return graphqlPost(
        `query Neighborhood($id: ID!, $depth: Int!, $limit: Int!) {
  neighborhood(id: $id, depth: $depth, limit: $limit) { truncated nodes { id label key } edges { type from to quote } }
}`,
        { id: documentId(document), depth, limit },
      );
    return graphqlPost(
      `query Neighborhood($key: String!, $depth: Int!, $limit: Int!) {
  documentNeighborhood(key: $key, depth: $depth, limit: $limit) { truncated nodes { labels key } edges { type fromKey toKey quote } }
}`,
      { key: document, depth, limit },
    );
  },
  /**
   * Nodes as `Label:key` in the answer's order (nearest first, each ring by key: part of the
   * question); edges as `TYPE from -> to "quote"`, sorted (they come in no defined order).
   */
  canonical(target, body) {
    const data = dataOf(body);
    const subgraph = record(
      target === "peer" ? data.documentNeighborhood : data.neighborhood,
      "neighborhood",
    );
    const nodes = list(subgraph.nodes, "nodes").map((n) => record(n, "node"));
    const edges = list(subgraph.edges, "edges").map((e) => record(e, "edge"));
    const edge = (type: unknown, from: string, to: string, quote: unknown) =>
      `${String(type)} ${from} -> ${to} ${JSON.stringify(quote ?? null)}`;
    return {
      truncated: subgraph.truncated,
      nodes:
        target === "peer"
          ? nodes.map((n) => `${labelOf(n.labels)}:${String(n.key)}`)
          : nodes.map((n) => `${String(n.label)}:${String(n.key)}`),
      edges: (target === "peer"
        ? edges.map((e) => edge(e.type, String(e.fromKey), String(e.toKey), e.quote))
        : edges.map((e) => edge(e.type, keyOfId(e.from), keyOfId(e.to), e.quote))
      ).sort(),
    };
  },
};

/** Words the index's analyzer drops (English stop words): a phrase of these alone finds nothing. */
const STOP_WORDS = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

/** Two or three consecutive words of a title, folded as a person types them without diacritics. */
function phraseFrom(ctx: PoolContext, title: string): string | null {
  const words = foldVietnamese(title)
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  if (words.length < 2) return null;
  const size = Math.min(words.length, 2 + Math.floor(ctx.random() * 2));
  const start = Math.floor(ctx.random() * (words.length - size + 1));
  return words.slice(start, start + size).join(" ");
}

const search: BenchQuestion = {
  name: "search",
  traversal: false,
  async pools(ctx) {
    // phrases cut from task titles ("chuyen doi so"), so each finds at least the task it came from
    const titles = (
      await rows(ctx, "MATCH (t:Task) WHERE t.title <> '' RETURN DISTINCT t.title AS title ORDER BY title")
    ).map((r) => String(r.title));
    const phrases = new Set<string>();
    for (const title of shuffled(ctx, titles)) {
      const phrase = phraseFrom(ctx, title);
      if (phrase) phrases.add(phrase);
      if (phrases.size >= ctx.hotSize + ctx.coldSize) break;
    }
    // the set's insertion order is already random: split without shuffling again
    return hotAndCold(
      ctx,
      [...phrases].map((text) => ({ text, first: PAGE })),
    );
  },
  request(target, params) {
    const text = str(params, "text");
    const first = int(params, "first");
    if (target === "floor") return floorGet("search", { text, first });
    // Task.title is non-null and Document.title nullable: GraphQL needs an alias to select both
    if (target === "cancu")
      return graphqlPost(
        `query Search($text: String!, $first: Int!) {
  search(text: $text, first: $first) {
    edges { score node { __typename ... on Task { key code title } ... on Document { key symbol documentTitle: title } } }
  }
}`,
        { text, first },
      );
    // the peer takes a Lucene phrase, as its own @fulltext queries do: the client turns the words
    // into cancu's Lucene query (every word, the exact phrase boosted)
    return graphqlPost(
      `query Search($phrase: String!, $first: Int!) {
  search(phrase: $phrase, first: $first) { score task { key code title } document { key symbol title } }
}`,
      { phrase: luceneQuery(text), first },
    );
  },
  /** Hits in rank order (score, then key: part of the question) as kind, key and score. */
  canonical(target, body) {
    const data = dataOf(body);
    const score = (value: unknown) => Number(Number(value).toPrecision(6));
    if (target === "peer")
      return list(data.search, "search")
        .map((h) => record(h, "hit"))
        .map((h) =>
          h.task
            ? { kind: "Task", key: record(h.task, "task").key, score: score(h.score) }
            : { kind: "Document", key: record(h.document, "document").key, score: score(h.score) },
        );
    return list(record(data.search, "search").edges, "edges")
      .map((e) => record(e, "edge"))
      .map((e) => {
        const node = record(e.node, "node");
        return { kind: node.__typename, key: node.key, score: score(e.score) };
      });
  },
};

const PATH_DEPTH = 6;

const path: BenchQuestion = {
  name: "path",
  traversal: true,
  async pools(ctx) {
    // pairs of distinct ingested documents, kept when a path of at most PATH_DEPTH edges joins them
    const documents = await keys(ctx, "MATCH (d:Document {ingested: true}) RETURN d.key AS key ORDER BY key");
    if (documents.length < 2) return { hot: [], cold: [] };
    const pick = () => documents[Math.floor(ctx.random() * documents.length)]!;
    const wanted = ctx.hotSize + ctx.coldSize;
    const pairs = new Map<string, { from: string; to: string }>();
    for (let i = 0; i < 2 * wanted; i++) {
      const from = pick();
      const to = pick();
      if (from !== to) pairs.set(`${from}\n${to}`, { from, to });
    }
    const drawn = [...pairs.values()];
    const joined = await rows(
      ctx,
      `UNWIND range(0, size($pairs) - 1) AS i
       WITH i, $pairs[i] AS pair
       MATCH (a:Document {key: pair.from}), (b:Document {key: pair.to})
       WHERE EXISTS { MATCH shortestPath((a)-[*..${PATH_DEPTH}]-(b)) }
       RETURN i ORDER BY i`,
      { pairs: drawn },
    );
    // the pairs were drawn at random: split without shuffling again
    return hotAndCold(
      ctx,
      joined.map((r) => ({ ...drawn[Number(r.i)]!, maxDepth: PATH_DEPTH })),
    );
  },
  request(target, params) {
    const from = str(params, "from");
    const to = str(params, "to");
    const maxDepth = int(params, "maxDepth");
    if (target === "floor") return floorGet("path", { from, to, maxDepth });
    if (target === "cancu")
      return graphqlPost(
        `query Path($from: ID!, $to: ID!, $maxDepth: Int!) {
  path(from: $from, to: $to, maxDepth: $maxDepth) { length nodes { id label key } edges { type from to } }
}`,
        { from: documentId(from), to: documentId(to), maxDepth },
      );
    return graphqlPost(
      `query Path($from: String!, $to: String!, $maxDepth: Int!) {
  documentPath(fromKey: $from, toKey: $to, maxDepth: $maxDepth) { length nodes { labels key } edges { type fromKey toKey } }
}`,
      { from, to, maxDepth },
    );
  },
  /**
   * The length and both ends. Which of several equally short paths comes back is not defined (a
   * breadth-first search meets the first), so the nodes in between are not compared.
   */
  canonical(target, body) {
    const data = dataOf(body);
    const found = target === "peer" ? data.documentPath : data.path;
    if (found === null) return null;
    const p = record(found, "path");
    const nodes = list(p.nodes, "nodes").map((n) => record(n, "node"));
    return { length: p.length, from: nodes[0]?.key ?? null, to: nodes.at(-1)?.key ?? null };
  },
};

export const questions: BenchQuestion[] = [
  documentLookup,
  tasksImplementing("tasksImplementing.direct", 1),
  tasksImplementing("tasksImplementing.transitive", 4),
  drivers(2),
  drivers(4),
  drivers(6),
  drivers(6, true),
  neighbourhood,
  search,
  path,
];
