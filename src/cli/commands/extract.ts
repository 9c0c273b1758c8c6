import { extractDocument } from "../../extract/index.js";
import { renderExtractionTable } from "../extraction-table.js";
import { UsageError, type Command } from "../command.js";
import { readSourceFile } from "../source-files.js";

export const extractCommand: Command = {
  name: "extract",
  summary: "print what the extractor finds in a file (table, or --json)",
  usage: "cancu extract <file> [--json]",
  help: `Runs the extractor on one file (text, JSON with a full_text field, HTML, PDF, DOCX, or a
PNG/JPEG/TIFF scan through OCR; the format is read from the content) and prints the source (format,
how the text was obtained, pages, OCR confidence), the document header, the task tree, targets, citations, named references, responsibilities and
warnings: a readable table by default, the JSON contract with --json (see the README). Touches no
database.`,
  async run(args, io) {
    const files = args.filter((a) => !a.startsWith("--"));
    const unknown = args.filter((a) => a.startsWith("--") && a !== "--json");
    if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}; see cancu extract --help`);
    if (files.length !== 1) throw new UsageError("name exactly one file: cancu extract <file> [--json]");
    const file = files[0]!;
    const read = await readSourceFile(file, (message) => io.err(`${file}: ${message}`));
    const parsed = extractDocument(read.text, { sourceName: file });
    const { bytes: _bytes, ...source } = read.file;
    if (args.includes("--json")) {
      io.out(JSON.stringify({ ...parsed, source }, null, 2));
    } else {
      const facts = [
        source.mediaType,
        source.method,
        source.pageCount === null ? null : `${source.pageCount} page${source.pageCount === 1 ? "" : "s"}`,
        source.ocrEngine ? `OCR ${source.ocrEngine}, confidence ${source.ocrConfidence}` : null,
      ].filter(Boolean);
      io.out(`SOURCE  ${source.name}: ${facts.join(", ")}\n\n${renderExtractionTable(parsed)}`);
    }
    return 0;
  },
};
