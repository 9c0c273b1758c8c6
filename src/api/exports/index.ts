/** Exports of deadlines (.ics) and duties (.csv) for an organization or a document (#20). */
export { deadlinesIcs } from "./deadlines-ics.js";
export { dutiesCsv, dutyColumns } from "./duties-csv.js";
export { readExport, documentLabel, type ExportSelection, type ExportTask } from "./export-read.js";
export {
  ExportError,
  exportErrorStatus,
  exportLimits,
  parseExportRequest,
  type ExportLimits,
  type ExportParameters,
  type ExportRequest,
} from "./export-request.js";
export { deadlineEvents, deadlineUid, dutyRows } from "./export-rows.js";
export { handleExports, exportFileNames } from "./export-routes.js";
