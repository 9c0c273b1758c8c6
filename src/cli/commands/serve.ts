import { applySourceMapPolicy } from "../../config/source-maps.js";
import { connectGraph } from "../../graph/connection.js";
import { GraphExecutor } from "../../graph/executor.js";
import { prepareGraph } from "../../graph/prepare-graph.js";
import { createApi } from "../../api/create-server.js";
import { createHttpServer, listen } from "../../api/http-server.js";
import { graphiqlHandler } from "../../api/graphiql.static.js";
import { explorerHandler } from "../../api/explorer.static.js";
import type { Command } from "../command.js";
import { seedSources } from "../source-files.js";

export const serveCommand: Command = {
  name: "serve",
  summary: "start the GraphQL API (and the local Neo4j unless NEO4J_URI is set)",
  usage: "cancu serve",
  help: `Starts the local Neo4j (or connects to NEO4J_URI), applies migrations, ingests seeds/ when the
database holds no document yet, and serves the GraphQL API at http://HOST:PORT/graphql, the
explorer page at / (built by \`npm run build:web\`; npm start builds it) and GraphiQL at /graphiql
(HOST default 127.0.0.1, PORT default 4000).
Environment: PORT, HOST, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, CANCU_DATA_DIR,
CANCU_NEO4J_PORT, CANCU_NEO4J_RESTARTS, CANCU_API_KEY (enables the ingestDocument mutation),
CANCU_CACHE_BYTES (answers kept per graph version, default 256m; 0: none), CANCU_HTTP_MAX_AGE,
NODE_ENV=development, CANCU_SOURCE_MAPS=1 (stack traces in errors).
The local Neo4j is watched: when its JVM dies it is started again on the same port and store (up to
CANCU_NEO4J_RESTARTS times, default 3, within 5 minutes). When it cannot be brought back, the API
shuts down and the command exits with code 1, so that a supervisor (systemd, Docker) can act.`,
  async run(_args, io) {
    const settings = io.settings();
    const { port, host, allowedHosts } = settings.http;
    applySourceMapPolicy(settings.sourceMaps);
    const connection = await connectGraph(settings.neo4j, io.err, "serve", settings.databaseTimeoutMs);
    // the local Neo4j this process owns is restarted when it dies (the watch logs it); when it
    // stays down, the API goes too
    const lost = new Promise<string>((resolve) =>
      connection.local?.once("gaveUp", ({ reason }) => resolve(reason)),
    );
    let exitCode = 0;
    try {
      const graph = new GraphExecutor(connection.driver, connection.database, {
        unavailableRetryMs: settings.databaseTimeoutMs,
      });
      const prepared = prepareGraph(graph, { seedSources, log: io.err });
      const ready = await Promise.race([prepared.then(() => true), lost.then(() => false)]);
      if (!ready) {
        io.err("cancu: the local Neo4j is gone; not starting the API");
        return 1;
      }
      const api = await createApi({
        graph,
        apiKey: settings.apiKey,
        development: settings.development,
        cache: settings.cache,
      });
      // the explorer takes / and app routes; /graphql, /graphiql and /health stay the API's
      const server = createHttpServer(api, [explorerHandler(), graphiqlHandler()], {
        log: io.err,
        allowedHosts,
      });
      const bound = await listen(server, port, host);
      io.out(`cancu: GraphQL API ready at http://${host}:${bound}/graphql (Neo4j ${connection.uri})`);
      io.err(`cancu: explorer at http://${host}:${bound}/ · GraphiQL at http://${host}:${bound}/graphiql`);
      const stop = await Promise.race([
        io.untilStopped().then((signal) => `${signal}, shutting down…`),
        lost.then(() => {
          exitCode = 1;
          return "the local Neo4j is gone and could not be restarted; shutting the API down (exit code 1)";
        }),
      ]);
      io.err(`cancu: ${stop}`);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.apollo.stop();
    } finally {
      await connection.close();
    }
    io.err("cancu: stopped");
    return exitCode;
  },
};
