import { passwordFilePath, startLocalNeo4j } from "../../neo4j/local-neo4j.js";
import type { Command } from "../command.js";

export const neo4jCommand: Command = {
  name: "neo4j",
  summary: "start only the local Neo4j (embedded, Bolt on 127.0.0.1) and wait",
  usage: "cancu neo4j",
  help: `Starts the local Neo4j Community 5.26 that cancu uses by default, with its data in
CANCU_DATA_DIR (default .cancu/neo4j in the checkout) and Bolt on 127.0.0.1 (CANCU_NEO4J_PORT,
default: a free port). Prints the Bolt URI and runs until Ctrl-C, then shuts the store down cleanly.
Run \`cancu serve\` alongside: it connects to this server instead of starting a second one.

Authentication is on: the user is neo4j, the password is random per store and lives in
<data dir>/cancu-neo4j-password (readable by you only; also in <data dir>/cancu-neo4j.json while the
server runs). Connect other tools with it, e.g.
  cypher-shell -a bolt://127.0.0.1:PORT -u neo4j -p "$(cat .cancu/neo4j/cancu-neo4j-password)"
LOAD CSV cannot read local files nor fetch URLs.

When the JVM dies (killed, crashed), Neo4j is started again on the same port and store, up to
CANCU_NEO4J_RESTARTS times (default 3) within 5 minutes. When it cannot be brought back, the command
prints the reason and exits with code 1.`,
  async run(_args, io) {
    const { neo4j: settings } = io.settings();
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
    io.err(`cancu: user neo4j, password in ${passwordFilePath(settings.dataDir)}`);
    io.err("cancu: press Ctrl-C to stop Neo4j");
    const lost = new Promise<string>((resolve) => handle.once("gaveUp", ({ reason }) => resolve(reason)));
    const outcome = await Promise.race([
      io.untilStopped().then((signal) => ({ signal })),
      lost.then((reason) => ({ reason })),
    ]);
    if ("reason" in outcome) {
      io.err(`cancu: Neo4j stopped and could not be restarted: ${outcome.reason}`);
      await handle.stop();
      return 1;
    }
    io.err(`cancu: ${outcome.signal}, stopping Neo4j cleanly…`);
    await handle.stop();
    io.err("cancu: Neo4j stopped");
    return 0;
  },
};
