import { applySourceMapPolicy } from "../../config/source-maps.js";
import { httpHost, httpPort, neo4jSettings } from "../../config/settings.js";
import { connectGraph } from "../../graph/connection.js";
import { GraphExecutor } from "../../graph/executor.js";
import { createApi } from "../../api/create-server.js";
import { createHttpServer, listen } from "../../api/http-server.js";
import { graphiqlHandler } from "../../api/graphiql.static.js";
import { explorerHandler } from "../../api/explorer.static.js";
import type { Command } from "../command.js";
import { prepareGraph } from "../seed-if-empty.js";

export const serveCommand: Command = {
  name: "serve",
  summary: "start the GraphQL API (and the local Neo4j unless NEO4J_URI is set)",
  usage: "cancu serve",
  help: `Starts the local Neo4j (or connects to NEO4J_URI), applies migrations, ingests seeds/ when the
database holds no document yet, and serves the GraphQL API at http://HOST:PORT/graphql, the
explorer page at / (built by \`npm run build:web\`; npm start builds it) and GraphiQL at /graphiql
(HOST default 127.0.0.1, PORT default 4000).
Environment: PORT, HOST, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, CANCU_DATA_DIR,
CANCU_NEO4J_PORT, CANCU_API_KEY (enables the ingestDocument mutation), NODE_ENV=development, CANCU_SOURCE_MAPS=1
(stack traces in errors).`,
  async run(_args, io) {
    const settings = neo4jSettings();
    const port = httpPort();
    const host = httpHost();
    applySourceMapPolicy();
    const connection = await connectGraph(settings, io.err);
    try {
      const graph = new GraphExecutor(connection.driver, connection.database);
      await prepareGraph(graph, io);
      const api = await createApi({
        graph,
        apiKey: process.env.CANCU_API_KEY,
        development: process.env.NODE_ENV === "development",
      });
      // the explorer takes / and app routes; /graphql, /graphiql and /health stay the API's
      const server = createHttpServer(api, [explorerHandler(), graphiqlHandler()]);
      const bound = await listen(server, port, host);
      io.out(`cancu: GraphQL API ready at http://${host}:${bound}/graphql (Neo4j ${connection.uri})`);
      io.err(`cancu: explorer at http://${host}:${bound}/ · GraphiQL at http://${host}:${bound}/graphiql`);
      const signal = await io.untilStopped();
      io.err(`cancu: ${signal}, shutting down…`);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.apollo.stop();
    } finally {
      await connection.close();
    }
    io.err("cancu: stopped");
    return 0;
  },
};
