import { extractDocument } from "../../extract/index.js";
import { renderExtractionTable } from "../extraction-table.js";
import { UsageError, type Command } from "../command.js";
import { readSourceText } from "../source-files.js";

export const extractCommand: Command = {
  name: "extract",
  summary: "print what the extractor finds in a file (table, or --json)",
  usage: "cancu extract <file> [--json]",
  help: `Runs the extractor on one file (UTF-8 text, or JSON with a full_text field) and prints the
document header, the task tree, targets, citations, named references, responsibilities and
warnings: a readable table by default, the JSON contract with --json (see the README). Touches no
database.`,
  async run(args, io) {
    const files = args.filter((a) => !a.startsWith("--"));
    const unknown = args.filter((a) => a.startsWith("--") && a !== "--json");
    if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}; see cancu extract --help`);
    if (files.length !== 1) throw new UsageError("name exactly one file: cancu extract <file> [--json]");
    const file = files[0]!;
    const parsed = extractDocument(readSourceText(file), { sourceName: file });
    io.out(args.includes("--json") ? JSON.stringify(parsed, null, 2) : renderExtractionTable(parsed));
    return 0;
  },
};
