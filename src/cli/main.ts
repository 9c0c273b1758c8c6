import { LocalNeo4jError } from "../neo4j/local-neo4j.js";
import { SettingsError } from "../config/settings.js";
import { UsageError, wantsHelp, type Command, type CommandIO } from "./command.js";
import { neo4jCommand } from "./commands/neo4j.js";
import { serveCommand } from "./commands/serve.js";
import { schemaCommand } from "./commands/schema.js";

const commands: Command[] = [serveCommand, neo4jCommand, schemaCommand];

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
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    untilStopped() {
      stopping ??= new Promise((resolve) => {
        let seen = false;
        const onSignal = (signal: NodeJS.Signals) => {
          if (seen) {
            process.stderr.write("cancu: still shutting down cleanly, please wait…\n");
            return;
          }
          seen = true;
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
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`cancu: unknown command "${name}"\n\n${mainHelp()}\n`);
    return 2;
  }
  if (wantsHelp(args)) {
    process.stdout.write(`usage: ${command.usage}\n\n${command.help}\n`);
    return 0;
  }
  return command.run(args, processIO());
}

// The only place that ends the process: every command returns an exit code instead.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    const known =
      error instanceof UsageError || error instanceof SettingsError || error instanceof LocalNeo4jError;
    process.stderr.write(`cancu: ${known ? error.message : (error.stack ?? error.message)}\n`);
    process.exit(known ? 2 : 1);
  },
);
