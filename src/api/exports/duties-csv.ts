import { stringify } from "csv-stringify/sync";
import { documentLabel, type ExportSelection } from "./export-read.js";
import { exportLimits, type ExportLimits } from "./export-request.js";
import { dutyRows, plainText } from "./export-rows.js";

/**
 * Tasks with their bodies and duties as CSV (RFC 4180: comma, CRLF, quotes doubled), written by
 * csv-stringify. UTF-8; with `bom` it starts with a byte order mark, which Excel needs to read
 * Vietnamese as UTF-8 instead of the system's code page.
 */

export const dutyColumns = [
  "document",
  "task_code",
  "task_title",
  "body",
  "duty",
  "deadlines",
  "quote",
  "document_key",
  "task_key",
  "body_key",
] as const;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, a tab or carriage return first) is
 * written with a leading apostrophe: text from ingested documents must not become a formula.
 */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function dutiesCsv(
  selection: ExportSelection,
  options: { bom?: boolean; caps?: ExportLimits } = {},
): string {
  const records = dutyRows(selection, options.caps ?? exportLimits).map(({ item, body, deadlines }) => {
    const quote = body?.quote ?? deadlines.map((d) => d.quote).join("; ");
    return [
      documentLabel(item.document),
      item.task.code,
      plainText(item.task.title),
      body?.organization.name ?? "",
      body ? plainText(body.duty) : "",
      deadlines.flatMap((d) => (d.due ? [d.due] : [])).join("; "),
      plainText(quote),
      item.document.key,
      item.task.key,
      body?.organization.key ?? "",
    ].map(inert);
  });
  return stringify(records, {
    header: true,
    columns: [...dutyColumns],
    record_delimiter: "windows",
    bom: options.bom ?? false,
  });
}
