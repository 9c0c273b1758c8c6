/**
 * The peer: @neo4j/graphql 7 (Neo4jGraphQL) over the same database, with cancu's graph model as type
 * definitions (peer-typedefs.graphql), served by Apollo Server 5 behind the same bare node:http
 * plumbing as cancu (so the HTTP layer costs both the same). Configured as its documentation says:
 * one schema built once at start, the driver passed per request in the context
 * (`executionContext`, with `sessionConfig.database`), no debug logging, the same server-side
 * transaction timeout as cancu's reads.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 PORT=0 node --import tsx bench/scale/peer-server.ts
 */
import http from "node:http";
import { ApolloServer, HeaderMap, type BaseContext } from "@apollo/server";
import { Neo4jGraphQL, type Neo4jGraphQLContext } from "@neo4j/graphql";
import { peerTypeDefs } from "./peer-typedefs.js";
import { connect, READ_TIMEOUT_MS, readBody, sendJson, serveUntilStopped } from "./server-common.js";

/**
 * The generated schema without the fields the library itself marks deprecated (old `_EQ`-style
 * filters, aggregation filters outside connections): a smaller schema, the same queries.
 */
function peerSchema() {
  return new Neo4jGraphQL({
    typeDefs: peerTypeDefs(),
    features: {
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  }).getSchema();
}

/**
 * POST/GET /graphql to Apollo the way src/api/http-server.ts serves cancu: same body reading, same
 * header map, same response writing.
 */
function apolloHttpServer<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: () => Promise<TContext>,
): http.Server {
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/graphql") return sendJson(res, 404, { error: `nothing at ${url.pathname}` });
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    let body: unknown;
    if (req.method === "POST") {
      const raw = await readBody(req);
      body = (headers.get("content-type") ?? "").includes("application/json") && raw ? JSON.parse(raw) : raw;
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body },
      context,
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (res.headersSent) res.end();
      else sendJson(res, 500, { errors: [{ message: error.message }] });
    });
  });
}

await serveUntilStopped(async () => {
  const connection = await connect();
  try {
    const apollo = new ApolloServer<Neo4jGraphQLContext>({
      schema: await peerSchema(),
      includeStacktraceInErrorResponses: false,
      // this process stops Apollo itself (serveUntilStopped), after the HTTP server
      stopOnTerminationSignals: false,
    });
    await apollo.start();
    // a fresh context object per request, as Apollo's context function gives one
    const context = async (): Promise<Neo4jGraphQLContext> => ({
      executionContext: connection.driver,
      sessionConfig: { database: connection.database },
      transaction: { timeout: READ_TIMEOUT_MS },
    });
    return {
      server: apolloHttpServer(apollo, context),
      close: async () => {
        await apollo.stop();
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
});
