import { limits } from "../../config/limits.js";

/**
 * What an export is asked for, from the HTTP routes (query parameters) and from `cancu export`
 * (options) alike: one scope, an optional range of deadlines, checked here once with the same
 * coded errors.
 */

/** Caps of one export: tasks read from the graph for a scope, rows (events, CSV lines) written. */
export interface ExportLimits {
  maxTasks: number;
  maxRows: number;
}

export const exportLimits: ExportLimits = { maxTasks: 5_000, maxRows: 10_000 };

export type ExportErrorCode = "BAD_USER_INPUT" | "NOT_FOUND" | "EXPORT_TOO_LARGE";

/** A refusal that the caller may act on; HTTP answers it with `exportErrorStatus[code]`. */
export class ExportError extends Error {
  override name = "ExportError";
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const exportErrorStatus: Record<ExportErrorCode, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  EXPORT_TOO_LARGE: 413,
};

export type ExportScopeRequest =
  | { kind: "organization"; key: string }
  /** a document's key, or its symbol as a person types it (26-NQ/TW) */
  | { kind: "document"; keyOrSymbol: string };

export interface ExportRequest {
  scope: ExportScopeRequest;
  /** deadlines due on or after this day (yyyy-mm-dd) */
  from: string | null;
  /** deadlines due on or before this day */
  to: string | null;
}

export interface ExportParameters {
  organization?: string | null;
  document?: string | null;
  from?: string | null;
  to?: string | null;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day yyyy-mm-dd that exists (2022-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const parts = isoDate.exec(value);
  if (!parts) return false;
  const day = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
  return day.toISOString().slice(0, 10) === value;
}

function shown(value: string): string {
  const max = limits.quotedChars;
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

function date(name: "from" | "to", value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!isCalendarDate(value))
    throw new ExportError(
      "BAD_USER_INPUT",
      `${name} must be a calendar date yyyy-mm-dd (got ${shown(value)})`,
    );
  return value;
}

function named(name: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === "") throw new ExportError("BAD_USER_INPUT", `${name} is empty`);
  if (trimmed.length > max)
    throw new ExportError("BAD_USER_INPUT", `${name} is longer than ${max} characters`);
  return trimmed;
}

/** The request, or an ExportError BAD_USER_INPUT that says what is wrong. */
export function parseExportRequest(parameters: ExportParameters): ExportRequest {
  const organization = named("organization", parameters.organization, limits.maxIdChars);
  const document = named("document", parameters.document, Math.max(limits.maxIdChars, limits.maxSymbolChars));
  if (organization && document)
    throw new ExportError("BAD_USER_INPUT", "name one scope: organization or document, not both");
  if (!organization && !document)
    throw new ExportError(
      "BAD_USER_INPUT",
      "name a scope: organization=<organization key> or document=<document key or symbol>",
    );
  const from = date("from", parameters.from);
  const to = date("to", parameters.to);
  if (from && to && from > to) throw new ExportError("BAD_USER_INPUT", `from (${from}) is after to (${to})`);
  return {
    scope: organization
      ? { kind: "organization", key: organization }
      : { kind: "document", keyOrSymbol: document! },
    from,
    to,
  };
}
