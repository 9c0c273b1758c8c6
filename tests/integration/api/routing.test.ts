import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { print } from "graphql";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type Api } from "../../../src/api/create-server.js";
import { toGlobalId } from "../../../src/api/global-id.js";
import { createHttpServer, listen } from "../../../src/api/http-server.js";
import { cancuVersion } from "../../../src/config/version.js";
import { driverTimeouts } from "../../../src/graph/driver-config.js";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { readGraphVersion } from "../../../src/graph/graph-version.js";
import {
  DocumentBySymbolDocument,
  DocumentCitedByDocument,
  SearchDocument,
  TasksImplementingDocument,
} from "../../../src/generated/graphql.js";
import { postGraphQL } from "../../setup/cancu-process.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";
import { ensureSeed } from "../../setup/seed-graph.js";

// Routing exercised (#21, docs/DEPLOY.md): the API on a `neo4j://` driver, as a Neo4j cluster or
// Aura deployment runs it, against the test Neo4j's single-member routing table. The driver must
// really route (it fetches a routing table through the resolver, reads go to a reader and writes to
// a writer of that table), and through it the API answers reads as the direct `bolt://` driver
// does, ingests, and keeps and drops answers by the graph's version. One file, not the whole suite
// twice: the other files stay on the direct driver.

const { uri, user, password, database } = testNeo4j();
/** bolt://host:port → neo4j://host:port (bolt+s → neo4j+s); a neo4j:// NEO4J_URI is kept. */
const routedUri = uri.replace(/^bolt(\+s|\+ssc)?:/, "neo4j$1:");
const apiKey = `test-key-${randomUUID()}`;
const resolved: string[] = [];
const driverLog: string[] = [];
let routed: Driver;
const direct = testDriver();
let routedApi: { api: Api; server: http.Server; url: string };
let directApi: { api: Api; server: http.Server; url: string };
const written: string[] = [];

async function serve(driver: Driver): Promise<{ api: Api; server: http.Server; url: string }> {
  const api = await createApi({
    graph: new GraphExecutor(driver, database),
    apiKey,
    cache: { bytes: 8 * 1024 * 1024 },
  });
  const server = createHttpServer(api);
  await listen(server, 0, "127.0.0.1");
  return { api, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

async function close(running: { api: Api; server: http.Server } | undefined): Promise<void> {
  if (!running) return;
  running.server.closeAllConnections();
  await new Promise((resolve) => running.server.close(resolve));
  await running.api.apollo.stop();
}

/** The last routing table the driver logged, as its lists of addresses. */
function lastRoutingTable(): { routers: string[]; readers: string[]; writers: string[] } {
  const line = driverLog.filter((l) => l.includes("Updated routing table")).at(-1);
  if (!line) throw new Error(`the driver logged no routing table:\n${driverLog.join("\n")}`);
  const list = (name: string) =>
    (new RegExp(`${name}=\\[([^\\]]*)\\]`).exec(line)?.[1] ?? "").split(",").filter((a) => a !== "");
  return { routers: list("routers"), readers: list("readers"), writers: list("writers") };
}

beforeAll(async () => {
  await ensureSeed();
  // the driver as connectGraph makes it for `cancu serve` (src/graph/connection.ts), on neo4j://,
  // plus a resolver and a log that show it routing
  routed = neo4j.driver(routedUri, neo4j.auth.basic(user, password), {
    userAgent: `cancu/${cancuVersion}`,
    ...driverTimeouts("serve", 5_000),
    resolver: (address: string) => {
      resolved.push(address);
      return [address];
    },
    logging: { level: "info", logger: (_level, message) => driverLog.push(message) },
  });
  await routed.verifyConnectivity({ database });
  [routedApi, directApi] = await Promise.all([serve(routed), serve(direct)]);
});

afterAll(async () => {
  await Promise.all([close(routedApi), close(directApi)]);
  if (written.length > 0) {
    await direct.executeQuery(
      `MATCH (d:Document) WHERE d.key IN $keys
       OPTIONAL MATCH (d)<-[:IN_DOCUMENT]-(t:Task)
       OPTIONAL MATCH (t)-[:IMPLEMENTS]->(cited:Document {ingested: false})
       DETACH DELETE t, d, cited`,
      { keys: written },
      { database },
    );
  }
  await routed?.close();
  await direct.close();
});

describe("the API on a neo4j:// (routing) driver", () => {
  it("routes: a routing table fetched from the server, reads on a reader, writes on a writer", async () => {
    expect(routedUri).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
    const seed = routedUri.replace(/^neo4j(\+s|\+ssc)?:\/\//, "").replace(/\/.*$/, "");
    // a routing driver resolves its seed router; a direct one never calls the resolver
    expect(resolved).toContain(seed.includes(":") ? seed : `${seed}:7687`);
    const table = lastRoutingTable();
    expect(table.routers.length).toBeGreaterThan(0);
    expect(table.readers.length).toBeGreaterThan(0);
    expect(table.writers.length).toBeGreaterThan(0);

    // the server's own routing table for the database agrees (single member: one address, three roles)
    const { records } = await routed.executeQuery(
      "CALL dbms.routing.getRoutingTable({}, $database) YIELD servers RETURN servers",
      { database },
      { database, routing: neo4j.routing.READ },
    );
    const servers = records[0]!.get("servers") as Array<{ role: string; addresses: string[] }>;
    expect(servers.map((s) => s.role).sort()).toEqual(["READ", "ROUTE", "WRITE"]);
    const roleOf = (role: string) => servers.find((s) => s.role === role)!.addresses;

    const readSession = routed.session({ database, defaultAccessMode: neo4j.session.READ });
    const writeSession = routed.session({ database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const read = await readSession.executeRead((tx) => tx.run("RETURN 1 AS one"));
      const write = await writeSession.executeWrite((tx) => tx.run("RETURN 1 AS one"));
      expect(roleOf("READ")).toContain(read.summary.server.address);
      expect(table.readers).toContain(read.summary.server.address);
      expect(roleOf("WRITE")).toContain(write.summary.server.address);
      expect(table.writers).toContain(write.summary.server.address);
    } finally {
      await readSession.close();
      await writeSession.close();
    }
  });

  it("reads the version where writes commit, and a request's reads start from that read's bookmarks", async () => {
    // in a cluster a secondary may lag: the version is read on the writer, and the request's own
    // reads (on a reader) wait for the bookmarks of that read, so an answer is never older than the
    // version it is kept under
    const executor = new GraphExecutor(routed, database);
    const before = await readGraphVersion(executor);
    expect(before.version).toMatch(/^[0-9a-f-]{36}:\d+$/);
    expect(before.bookmarks.length).toBeGreaterThan(0);
    const context = await routedApi.api.contextFor({}, before.bookmarks);
    expect(context.graph.bookmarks).toEqual(before.bookmarks);
    const [row] = await context.graph.read({ cypher: "RETURN 1 AS one", params: {} });
    expect(Number(row?.get("one"))).toBe(1);
    // a request without a version read (the cache bypassed) starts from none
    expect((await routedApi.api.contextFor({})).graph.bookmarks).toEqual([]);
    // a commit moves the bookmark on
    await new GraphExecutor(direct, database).write({
      cypher: "MERGE (v:GraphVersion {id: 'graph'}) SET v.version = v.version + 1 RETURN v.version",
      params: {},
    });
    const after = await readGraphVersion(executor);
    expect(after.version).not.toBe(before.version);
    expect(after.bookmarks).not.toEqual(before.bookmarks);
  });

  it("answers the representative reads exactly as on the direct bolt:// driver", async () => {
    const reads: Array<[string, Record<string, unknown>]> = [
      [print(DocumentBySymbolDocument), { symbol: "128/NQ-CP" }],
      [print(DocumentCitedByDocument), { symbol: "26-NQ/TW" }],
      [print(TasksImplementingDocument), { symbol: "26-NQ/TW", transitive: true }],
      [print(SearchDocument), { text: "chuyen doi so", first: 10 }],
      ["{ stats { documents ingestedDocuments } }", {}],
    ];
    for (const [query, variables] of reads) {
      const [viaRouting, viaBolt] = await Promise.all([
        postGraphQL(routedApi.url, query, variables),
        postGraphQL(directApi.url, query, variables),
      ]);
      expect(viaRouting.status).toBe(200);
      expect(viaRouting.body.errors).toBeUndefined();
      expect(viaRouting.body).toEqual(viaBolt.body);
    }
    const document = await postGraphQL(routedApi.url, print(DocumentBySymbolDocument), {
      symbol: "128/NQ-CP",
    });
    expect(document.body.data?.document).toMatchObject({ symbol: "128/NQ-CP" });
  });

  it("ingests through the writer; kept answers are dropped by the new graph version", async () => {
    const stats = "{ stats { documents ingestedDocuments } }";
    const ingested = (answer: Awaited<ReturnType<typeof postGraphQL>>) =>
      (answer.body.data?.stats as { ingestedDocuments: number }).ingestedDocuments;
    const post = (
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) =>
      fetch(routedApi.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });

    const first = await post(stats);
    const before = (await first.json()) as { data: { stats: { ingestedDocuments: number } } };
    const again = await post(stats);
    expect(again.headers.get("x-cancu-cache")).toBe("hit");
    expect(await again.json()).toEqual(before);

    const number = 20_000 + Math.floor(Math.random() * 8_000) * 10;
    const text =
      `TỈNH ỦY QUẢNG NINH\nSố ${number}-KH/TU\nQuảng Ninh, ngày 10 tháng 01 năm 2022\n\nKẾ HOẠCH\n` +
      `về kiểm thử định tuyến lần ${number}\n\nI- MỤC ĐÍCH\n1. Quán triệt\nThực hiện Chỉ thị số ${number}-CT/TW ngày 15/9/2021 của Ban Bí thư.\n`;
    const mutation = await postGraphQL(
      routedApi.url,
      'mutation($text: String!) { ingestDocument(text: $text, sourceName: "routing.txt") { documentKey status } }',
      { text },
      { "x-api-key": apiKey },
    );
    expect(mutation.body.errors).toBeUndefined();
    const result = mutation.body.data?.ingestDocument as { documentKey: string; status: string };
    written.push(result.documentKey);
    expect(result.status).toBe("created");

    const after = await post(stats);
    expect(after.headers.get("x-cancu-cache")).toBe("miss");
    const afterBody = (await after.json()) as { data: { stats: { ingestedDocuments: number } } };
    expect(afterBody.data.stats.ingestedDocuments).toBe(before.data.stats.ingestedDocuments + 1);
    // the direct driver's API sees the same graph
    expect(ingested(await postGraphQL(directApi.url, stats))).toBe(afterBody.data.stats.ingestedDocuments);
    // the new document is read back through the routing driver
    const readBack = await postGraphQL(
      routedApi.url,
      "query($id: ID!) { node(id: $id) { id ... on Document { ingested } } }",
      { id: toGlobalId("Document", result.documentKey) },
    );
    expect(readBack.body.data?.node).toEqual({
      id: toGlobalId("Document", result.documentKey),
      ingested: true,
    });
  });
});
