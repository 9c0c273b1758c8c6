import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../config/settings.js";
import { schemaFile, schemaSdl } from "../../api/schema-sdl.js";
import type { Command } from "../command.js";

export const schemaCommand: Command = {
  name: "schema",
  summary: "print the GraphQL schema (SDL); --write updates schema/schema.graphql",
  usage: "cancu schema [--write]",
  help: `Prints the schema built from the type-graphql classes. With --write, writes it to
${schemaFile}, the committed copy that codegen and clients read (a test fails when it is stale).`,
  async run(args, io) {
    const sdl = await schemaSdl();
    if (args.includes("--write")) {
      fs.writeFileSync(path.join(projectRoot, schemaFile), sdl);
      io.err(`cancu: wrote ${schemaFile}`);
    } else {
      io.out(sdl);
    }
    return 0;
  },
};
