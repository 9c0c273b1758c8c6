import { neo4jSettings } from "../../config/settings.js";
import { startLocalNeo4j } from "../../neo4j/local-neo4j.js";
import type { Command } from "../command.js";

export const neo4jCommand: Command = {
  name: "neo4j",
  summary: "start only the local Neo4j (embedded, Bolt on 127.0.0.1) and wait",
  usage: "cancu neo4j",
  help: `Starts the local Neo4j Community 5.26 that cancu uses by default, with its data in
CANCU_DATA_DIR (default .cancu/neo4j in the checkout), Bolt on 127.0.0.1 (CANCU_NEO4J_PORT, default: a
free port), no authentication. Prints the Bolt URI and runs until Ctrl-C, then shuts the store down
cleanly. Point other tools at the printed URI, or run \`cancu serve\` alongside: it connects to this
server instead of starting a second one.`,
  async run(_args, io) {
    const settings = neo4jSettings();
    if (settings.kind === "remote") {
      io.err(
        `NEO4J_URI is set (${settings.uri}): cancu starts no local Neo4j. Unset it to run the local one.`,
      );
      return 2;
    }
    const handle = await startLocalNeo4j(settings, io.err);
    io.out(handle.uri);
    if (!handle.owned) {
      io.err("cancu: that server belongs to another process; nothing to do here.");
      return 0;
    }
    io.err("cancu: press Ctrl-C to stop Neo4j");
    const signal = await io.untilStopped();
    io.err(`cancu: ${signal}, stopping Neo4j cleanly…`);
    await handle.stop();
    io.err("cancu: Neo4j stopped");
    return 0;
  },
};
