import { debugRequested, loadSettings, type Settings } from "../config/settings.js";
import { UserFacingError } from "../config/user-facing-error.js";
import { wantsHelp, type CommandEntry, type CommandIO } from "./command.js";

// Listed here, loaded on use: `cancu neo4j` never loads the API or the extractor.
const commands: CommandEntry[] = [
  {
    name: "serve",
    summary: "start the GraphQL API (and the local Neo4j unless NEO4J_URI is set)",
    load: async () => {
      // a service runs in production mode unless told otherwise: graphql-js then checks types with
      // a plain instanceof instead of its costlier development check. Set before graphql is first
      // loaded, which reads it once.
      process.env.NODE_ENV ??= "production";
      return (await import("./commands/serve.js")).serveCommand;
    },
  },
  {
    name: "ingest",
    summary: "extract documents from text files and load them into Neo4j",
    load: async () => (await import("./commands/ingest.js")).ingestCommand,
  },
  {
    name: "extract",
    summary: "print what the extractor finds in a file (table, or --json)",
    load: async () => (await import("./commands/extract.js")).extractCommand,
  },
  {
    name: "neo4j",
    summary: "start only the local Neo4j (embedded, Bolt on 127.0.0.1) and wait",
    load: async () => (await import("./commands/neo4j.js")).neo4jCommand,
  },
  {
    name: "export",
    summary: "write deadlines (.ics) or duties (.csv) of an organization or a document",
    load: async () => (await import("./commands/export.js")).exportCommand,
  },
  {
    name: "schema",
    summary: "print the GraphQL schema (SDL); --write updates schema/schema.graphql",
    load: async () => (await import("./commands/schema.js")).schemaCommand,
  },
];

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "cancu: Vietnamese policy documents and the documents they cite, as a Neo4j graph behind GraphQL",
    "",
    "usage: cancu <command> [options]   (cancu <command> --help for details)",
    "",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join("\n");
}

function processIO(): CommandIO {
  let stopping: Promise<string> | null = null;
  let settings: Settings | null = null;
  return {
    // the one place the environment is read: commands get the typed settings
    settings: () => (settings ??= loadSettings(process.env)),
    out: (line) => process.stdout.write(`${line}\n`),
    write: (text) => process.stdout.write(text),
    err: (line) => process.stderr.write(`${line}\n`),
    untilStopped() {
      stopping ??= new Promise((resolve) => {
        let firstAt = 0;
        const onSignal = (signal: NodeJS.Signals) => {
          if (firstAt > 0) {
            // npm forwards the terminal's Ctrl-C too: only a later, deliberate one deserves an answer
            if (Date.now() - firstAt > 1000)
              process.stderr.write("cancu: still shutting down cleanly, please wait…\n");
            return;
          }
          firstAt = Date.now();
          resolve(signal);
        };
        process.on("SIGINT", onSignal);
        process.on("SIGTERM", onSignal);
      });
      return stopping;
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${mainHelp()}\n`);
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`cancu: unknown command "${name}"\n\n${mainHelp()}\n`);
    return 2;
  }
  const command = await entry.load();
  if (wantsHelp(args)) {
    process.stdout.write(`usage: ${command.usage}\n\n${command.help}\n`);
    return 0;
  }
  return command.run(args, processIO());
}

/**
 * Ends the process once stdout and stderr have handed everything to the OS. Writes to a pipe are
 * asynchronous: `process.exit` right after a large write drops what the reader has not yet taken.
 * A write's callback runs once the writes queued before it are flushed; the explicit exit then ends
 * whatever handle a command left open.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const flushed = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write("", flushed);
  process.stderr.write("", flushed);
}

// A reader that goes away (`cancu extract f --json | head`) is not an error of ours: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The only place that ends the process: every command returns an exit code instead.
main(process.argv.slice(2)).then(exitWhenFlushed, (error: Error) => {
  const known = error instanceof UserFacingError;
  // an unexpected error is a bug: its stack helps only with CANCU_DEBUG set
  const detail = !known && debugRequested(process.env) ? (error.stack ?? error.message) : error.message;
  process.stderr.write(`cancu: ${known ? "" : "unexpected error: "}${detail}\n`);
  exitWhenFlushed(known ? 2 : 1);
});
