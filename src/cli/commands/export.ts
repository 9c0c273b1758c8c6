import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import {
  deadlinesIcs,
  dutiesCsv,
  ExportError,
  parseExportRequest,
  readExport,
  type ExportParameters,
} from "../../api/exports/index.js";
import { UserFacingError } from "../../config/user-facing-error.js";
import { connectGraph } from "../../graph/connection.js";
import { GraphExecutor } from "../../graph/executor.js";
import { DatabaseUnavailableError, QueryTimeoutError } from "../../graph/graph-errors.js";
import { UsageError, type Command } from "../command.js";

type ExportFormat = "ics" | "csv";

interface ExportArgs {
  format: ExportFormat;
  parameters: ExportParameters;
  out: string | null;
  bom: boolean;
}

const valueOptions = {
  "--organization": "organization",
  "--document": "document",
  "--from": "from",
  "--to": "to",
} as const;

/** The command line, read without touching anything: every mistake is a coded UsageError. */
export function parseExportArgs(args: string[]): ExportArgs {
  const parameters: Record<string, string> = {};
  const formats: string[] = [];
  let out: string | null = null;
  let bom = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] =
      arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const takeValue = () => {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--")))
        throw new UsageError(`BAD_USER_INPUT: ${name} needs a value; see cancu export --help`);
      return value;
    };
    if (name! in valueOptions) {
      const key = valueOptions[name as keyof typeof valueOptions];
      if (key in parameters) throw new UsageError(`BAD_USER_INPUT: ${name} is given more than once`);
      parameters[key] = takeValue();
    } else if (name === "--out") {
      out = takeValue();
    } else if (name === "--bom" && inline === undefined) {
      bom = true;
    } else if (name!.startsWith("--")) {
      throw new UsageError(`BAD_USER_INPUT: unknown option ${name}; see cancu export --help`);
    } else {
      formats.push(arg);
    }
  }
  if (formats.length !== 1 || (formats[0] !== "ics" && formats[0] !== "csv"))
    throw new UsageError(
      "BAD_USER_INPUT: name the format, ics (deadlines) or csv (duties): cancu export ics|csv --organization K | --document K",
    );
  const format = formats[0];
  if (bom && format !== "csv") throw new UsageError("BAD_USER_INPUT: --bom is for csv only");
  return { format, parameters, out, bom };
}

/**
 * Writes `text` to `file` whole or not at all: into a temporary file beside it, then renamed over
 * it (a rename within one folder is atomic), so a reader never sees half an export.
 */
export function writeWhole(file: string, text: string): void {
  const target = path.resolve(file);
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    fs.writeFileSync(temporary, text, { flag: "wx" });
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new UserFacingError(`cannot write ${file}: ${(error as Error).message}`);
  }
}

export const exportCommand: Command = {
  name: "export",
  summary: "write deadlines (.ics) or duties (.csv) of an organization or a document",
  usage:
    "cancu export ics|csv --organization KEY | --document KEY|SYMBOL [--from DATE] [--to DATE] [--out FILE] [--bom]",
  help: `Writes what the graph knows about who must do what, by when (#20), as a file staff open in
their calendar or spreadsheet:
  ics  the deadlines as iCalendar: one all-day event per deadline, on the last day it allows (a
       period, "đến hết Quý III/2022", on its last day, 2022-09-30, and the description says so),
       with the task, the document, the bodies and their duties, and the quote. Each event keeps
       its UID from one export to the next: importing again updates instead of duplicating.
  csv  the duties as CSV (RFC 4180, UTF-8): one row per task and body, with columns
       document, task_code, task_title, body, duty, deadlines (yyyy-mm-dd; several joined by "; "),
       quote, document_key, task_key, body_key. --bom starts it with a byte order mark, which
       Excel needs to read Vietnamese correctly (default: none).
Scope, one of:
  --organization KEY   what an organization is assigned (its key, e.g. ban-tuyen-giao-tinh-uy-quang-ninh):
                       the deadlines of the passages that assign it
  --document KEY       every task of a document, by its key or its symbol (26-NQ/TW)
--from/--to DATE (yyyy-mm-dd) keep the deadlines due in that range (csv: the rows with one).
Writes to stdout, or with --out FILE to that file, whole or not at all. Exit code 2 with a coded
message (BAD_USER_INPUT, NOT_FOUND, EXPORT_TOO_LARGE, DATABASE_UNAVAILABLE) when nothing was written.
Reads only. Uses NEO4J_URI when set, else the local Neo4j (started if needed).`,
  async run(args, io) {
    const { format, parameters, out, bom } = parseExportArgs(args);
    let request;
    try {
      request = parseExportRequest(parameters);
    } catch (error) {
      if (error instanceof ExportError) throw new UsageError(`${error.code}: ${error.message}`);
      throw error;
    }
    const settings = io.settings();
    const connection = await connectGraph(settings.neo4j, io.err, "serve", settings.databaseTimeoutMs);
    let text: string;
    try {
      const executor = new GraphExecutor(connection.driver, connection.database, {
        unavailableRetryMs: settings.databaseTimeoutMs,
      });
      const selection = await readExport(executor, request);
      text = format === "ics" ? deadlinesIcs(selection) : dutiesCsv(selection, { bom });
    } catch (error) {
      if (error instanceof ExportError) throw new UserFacingError(`${error.code}: ${error.message}`);
      if (error instanceof DatabaseUnavailableError || error instanceof QueryTimeoutError)
        throw new UserFacingError(`DATABASE_UNAVAILABLE: ${error.message}; nothing was written`);
      throw error;
    } finally {
      await connection.close();
    }
    if (out) {
      writeWhole(out, text);
      io.err(`cancu: wrote ${out} (${Buffer.byteLength(text)} bytes)`);
    } else {
      io.write(text);
    }
    return 0;
  },
};
