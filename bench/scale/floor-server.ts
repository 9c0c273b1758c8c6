/**
 * The floor: the physical limit of a Node service over this database. Each question runs the very
 * statements cancu's resolvers run for it (the same builders from src/graph/queries, the same
 * parameters, as many statements, through the same GraphExecutor: read transactions, same timeout)
 * behind a bare node:http handler, and answers the same JSON as cancu's response to the query in
 * query-mix.ts (`{"data": {...}}`, same shape). No GraphQL: no parsing, validation or resolvers.
 *
 *   GET /q/document?symbol=26-NQ/TW&year=2018
 *   GET /q/tasksImplementing?document=<key>&maxDepth=4&first=20
 *   GET /q/drivers?task=<key>&maxDepth=4
 *   GET /q/driversPage?task=<key>&maxDepth=6&first=50
 *   GET /q/neighborhood?document=<key>&depth=2&limit=50
 *   GET /q/search?text=chuyen+doi+so&first=20
 *   GET /q/path?from=<key>&to=<key>&maxDepth=6
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 PORT=0 node --import tsx bench/scale/floor-server.ts
 */
import http from "node:http";
import { GraphExecutor } from "../../src/graph/executor.js";
import {
  directivesDriving,
  directivesDrivingPages,
  documentsByKeys,
  documentsBySymbol,
  luceneQuery,
  neighborhood,
  noProperties,
  shortestPath,
  searchPage,
  tasksByKeys,
  tasksImplementingPages,
} from "../../src/graph/queries/index.js";
import { primaryLabel, type ChainFields } from "../../src/graph/queries/projections.js";
import { column, listOf, mapOf, type PlainValue } from "../../src/graph/record-mapping.js";
import { connect, READ_TIMEOUT_MS, sendJson, serveUntilStopped } from "./server-common.js";

type Plain = { [key: string]: PlainValue };
type Handler = (graph: GraphExecutor, params: URLSearchParams) => Promise<unknown>;

class BadRequest extends Error {}

function text(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === "") throw new BadRequest(`${name} is required`);
  return value;
}

function int(params: URLSearchParams, name: string): number {
  const value = Number(text(params, name));
  if (!Number.isInteger(value)) throw new BadRequest(`${name} must be an integer`);
  return value;
}

const plain = (value: PlainValue | undefined): Plain => mapOf(value) ?? {};

/** src/api/global-id.ts's toGlobalId (not imported: that module loads graphql for its errors). */
const globalId = (label: string, key: string): string =>
  Buffer.from(`${label}:${key}`, "utf8").toString("base64url");

// The pieces of cancu's answers that the query-mix selections ask for, with the defaults cancu's
// record mapping (src/api/services/graph-records.ts) gives missing properties.

const organization = (value: PlainValue | undefined) => {
  const o = mapOf(value);
  return o ? { key: o.key ?? null, name: o.name ?? o.key ?? null } : null;
};

const citation = (value: PlainValue) => {
  const c = plain(value);
  return { quote: c.quote ?? "", start: c.start ?? 0, end: c.end ?? 0 };
};

const taskSummary = (value: PlainValue | undefined) => {
  const t = plain(value);
  return { key: t.key ?? "", code: t.code ?? "", title: t.title ?? "" };
};

/** Document.ingested is false unless stored true, as cancu maps it. */
const documentFields = (value: PlainValue | undefined) => {
  const d = plain(value);
  return {
    key: d.key ?? null,
    symbol: d.symbol ?? null,
    year: d.year ?? null,
    title: d.title ?? null,
    issuedOn: d.issuedOn ?? null,
    ingested: d.ingested === true,
    issuer: organization(d.issuer),
  };
};

const driverDocument = (value: PlainValue | undefined) => {
  const d = plain(value);
  return {
    key: d.key ?? null,
    symbol: d.symbol ?? null,
    title: d.title ?? null,
    issuer: organization(d.issuer),
  };
};

/** A document search hit; its title under the alias the cancu query gives it. */
const documentSummary = (value: PlainValue | undefined) => {
  const d = plain(value);
  return { key: d.key ?? null, symbol: d.symbol ?? null, documentTitle: d.title ?? null };
};

const graphNode = (value: PlainValue) => {
  const n = plain(value);
  const label = primaryLabel(n.labels);
  const key = String(n.key ?? "");
  return { id: globalId(label, key), label, key };
};

const graphEdge = (value: PlainValue) => {
  const e = plain(value);
  const from = globalId(primaryLabel(e.fromLabels), String(e.fromKey ?? ""));
  const to = globalId(primaryLabel(e.toLabels), String(e.toKey ?? ""));
  return { type: e.type ?? null, from, to, quote: e.quote ?? null };
};

/**
 * What the benchmark's requests select of a chain's citations (`via { quote start end }`): cancu
 * reads no more than that, so neither does the floor.
 */
const askedVia: ChainFields = { ends: false, details: false };

/** One statement per question, or two where cancu's `node(id:)` first loads the node by key. */
const handlers: Record<string, Handler> = {
  async document(graph, params) {
    const year = params.has("year") ? int(params, "year") : null;
    const [record] = await graph.read(documentsBySymbol(text(params, "symbol"), year));
    return { document: record ? documentFields(column(record, "document")) : null };
  },

  async tasksImplementing(graph, params) {
    const key = text(params, "document");
    const first = int(params, "first");
    const [found] = await graph.read(documentsByKeys([key]));
    if (!found) return { node: null };
    const page = { first, after: null, withTotal: false, maxDepth: int(params, "maxDepth"), via: askedVia };
    const [record] = await graph.read(tasksImplementingPages([key], page));
    const rows = listOf(record ? column(record, "rows") : []).slice(0, first);
    const edges = rows.map((value) => {
      const row = plain(value);
      return { depth: row.depth ?? 1, node: taskSummary(row.task), via: listOf(row.via).map(citation) };
    });
    return { node: { tasksImplementing: { edges } } };
  },

  async drivers(graph, params) {
    const key = text(params, "task");
    const [found] = await graph.read(tasksByKeys([key]));
    if (!found) return { node: null };
    const [record] = await graph.read(directivesDriving([key], int(params, "maxDepth"), askedVia));
    const drivers = listOf(record ? column(record, "drivers") : []).map((value) => {
      const row = plain(value);
      return {
        depth: row.depth ?? 1,
        document: driverDocument(row.document),
        via: listOf(row.via).map(citation),
      };
    });
    return { node: { directivesDriving: drivers } };
  },

  async driversPage(graph, params) {
    const key = text(params, "task");
    const first = int(params, "first");
    const [found] = await graph.read(tasksByKeys([key]));
    if (!found) return { node: null };
    const page = { first, after: null, withTotal: false, maxDepth: int(params, "maxDepth"), via: askedVia };
    const [record] = await graph.read(directivesDrivingPages([key], page));
    const edges = listOf(record ? column(record, "rows") : [])
      .slice(0, first)
      .map((value) => {
        const row = plain(value);
        const node = {
          depth: row.depth ?? 1,
          document: driverDocument(row.document),
          via: listOf(row.via).map(citation),
        };
        return { node };
      });
    return { node: { directivesDrivingPage: { edges } } };
  },

  async neighborhood(graph, params) {
    const center = { label: "Document" as const, key: text(params, "document") };
    const [record] = await graph.read(
      neighborhood(center, int(params, "depth"), int(params, "limit"), noProperties),
    );
    if (!record) return { neighborhood: { truncated: false, nodes: [], edges: [] } };
    return {
      neighborhood: {
        truncated: column(record, "truncated") === true,
        nodes: listOf(column(record, "nodes")).map(graphNode),
        edges: listOf(column(record, "edges")).map(graphEdge),
      },
    };
  },

  async search(graph, params) {
    const lucene = luceneQuery(text(params, "text"));
    if (!lucene) throw new BadRequest("text holds no word");
    const first = int(params, "first");
    const [record] = await graph.read(searchPage(lucene, { first, after: null, withTotal: false }));
    const edges = listOf(record ? column(record, "rows") : [])
      .slice(0, first)
      .map((value) => {
        const row = plain(value);
        const node = row.task
          ? { __typename: "Task", ...taskSummary(row.task) }
          : { __typename: "Document", ...documentSummary(row.document) };
        return { score: row.score ?? 0, node };
      });
    return { search: { edges } };
  },

  async path(graph, params) {
    const from = { label: "Document" as const, key: text(params, "from") };
    const to = { label: "Document" as const, key: text(params, "to") };
    const [record] = await graph.read(shortestPath(from, to, int(params, "maxDepth"), noProperties));
    if (!record) return { path: null };
    const edges = listOf(column(record, "edges")).map(graphEdge);
    return {
      path: {
        length: edges.length,
        nodes: listOf(column(record, "nodes")).map(graphNode),
        edges: edges.map(({ type, from: a, to: b }) => ({ type, from: a, to: b })),
      },
    };
  },
};

function floorServer(graph: GraphExecutor): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const handler = /^\/q\/(\w+)$/.exec(url.pathname)?.[1];
    const handle = handler ? handlers[handler] : undefined;
    if (!handle) return sendJson(res, 404, { errors: [{ message: `nothing at ${url.pathname}` }] });
    handle(graph, url.searchParams).then(
      (data) => sendJson(res, 200, { data }),
      (error: Error) =>
        sendJson(res, error instanceof BadRequest ? 400 : 500, { errors: [{ message: error.message }] }),
    );
  });
}

await serveUntilStopped(async () => {
  const connection = await connect();
  const graph = new GraphExecutor(connection.driver, connection.database, { readTimeoutMs: READ_TIMEOUT_MS });
  return { server: floorServer(graph), close: () => connection.close() };
});
