import type http from "node:http";
import { DatabaseUnavailableError, QueryTimeoutError } from "../../graph/graph-errors.js";
import type { Api } from "../create-server.js";
import { HttpError } from "../http-answers.js";
import { deadlinesIcs } from "./deadlines-ics.js";
import { dutiesCsv } from "./duties-csv.js";
import { readExport, type ExportSelection } from "./export-read.js";
import {
  ExportError,
  exportErrorStatus,
  exportLimits,
  parseExportRequest,
  type ExportLimits,
} from "./export-request.js";

/**
 * The exports over HTTP (#20), read-only, GET or HEAD:
 * - `GET /export/deadlines.ics?organization=<key>|document=<key or symbol>[&from=&to=]`
 * - `GET /export/duties.csv?…same…[&bom=1]`
 * Errors in the GraphQL error shape: 400 BAD_USER_INPUT, 404 NOT_FOUND, 413 EXPORT_TOO_LARGE,
 * 405, 503 DATABASE_UNAVAILABLE / QUERY_TIMEOUT.
 */

interface ExportRoute {
  /** the file name's stem: deadlines-<scope>.ics */
  stem: string;
  extension: string;
  contentType: string;
  /** query parameters besides the scope and range */
  extra: readonly string[];
  render(selection: ExportSelection, url: URL, caps: ExportLimits): string;
}

const routes: Record<string, ExportRoute> = {
  "/export/deadlines.ics": {
    stem: "deadlines",
    extension: "ics",
    contentType: "text/calendar; charset=utf-8",
    extra: [],
    render: (selection, _url, caps) => deadlinesIcs(selection, { caps }),
  },
  "/export/duties.csv": {
    stem: "duties",
    extension: "csv",
    contentType: "text/csv; charset=utf-8; header=present",
    extra: ["bom"],
    render: (selection, url, caps) => dutiesCsv(selection, { bom: bomWanted(url), caps }),
  },
};

const scopeParameters = ["organization", "document", "from", "to"] as const;

function bomWanted(url: URL): boolean {
  const value = url.searchParams.get("bom");
  if (value === null || value === "0") return false;
  if (value === "1") return true;
  throw new HttpError(
    400,
    "BAD_USER_INPUT",
    "bom is 1 (a byte order mark for Excel) or 0 (none, the default)",
  );
}

/** `deadlines-<scope>.ics`, in ASCII for the plain filename and as named for filename*. */
export function exportFileNames(stem: string, extension: string, selection: ExportSelection) {
  const scope = selection.scope;
  const key = scope.kind === "organization" ? scope.organization.key : scope.document.key;
  const shown =
    scope.kind === "organization" ? scope.organization.name : (scope.document.symbol ?? scope.document.key);
  const clean = (text: string) =>
    text
      .normalize("NFC")
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, "_")
      .slice(0, 120);
  const ascii = (text: string) =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
      .replace(/[^A-Za-z0-9._-]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 120);
  return {
    ascii: `${stem}-${ascii(key) || "export"}.${extension}`,
    utf8: `${stem}-${clean(shown)}.${extension}`,
  };
}

/** Handles /export/… routes; false when the path is not one of them. */
export async function handleExports(
  api: Api,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  caps: ExportLimits = exportLimits,
): Promise<boolean> {
  const route = routes[url.pathname];
  if (!route) {
    if (url.pathname === "/export" || url.pathname.startsWith("/export/"))
      throw new HttpError(
        404,
        "NOT_FOUND",
        `nothing at ${url.pathname}; the exports are ${Object.keys(routes).join(" and ")}`,
      );
    return false;
  }
  if (req.method !== "GET" && req.method !== "HEAD")
    throw new HttpError(405, "METHOD_NOT_ALLOWED", `GET ${url.pathname}: exports are read-only`);
  const known = new Set<string>([...scopeParameters, ...route.extra]);
  for (const name of new Set(url.searchParams.keys())) {
    if (!known.has(name))
      throw new HttpError(
        400,
        "BAD_USER_INPUT",
        `unknown parameter ${JSON.stringify(name.slice(0, 40))}; ${url.pathname} takes ${[...known].join(", ")}`,
      );
    if (url.searchParams.getAll(name).length > 1)
      throw new HttpError(400, "BAD_USER_INPUT", `${name} is given more than once`);
  }
  let body: string;
  let names: { ascii: string; utf8: string };
  try {
    const request = parseExportRequest({
      organization: url.searchParams.get("organization"),
      document: url.searchParams.get("document"),
      from: url.searchParams.get("from"),
      to: url.searchParams.get("to"),
    });
    const ctx = await api.contextFor(req.headers);
    const selection = await readExport(ctx.graph, request, caps);
    body = route.render(selection, url, caps);
    names = exportFileNames(route.stem, route.extension, selection);
  } catch (error) {
    if (error instanceof ExportError)
      throw new HttpError(exportErrorStatus[error.code], error.code, error.message);
    if (error instanceof DatabaseUnavailableError)
      throw new HttpError(503, "DATABASE_UNAVAILABLE", "the database is unavailable; try again in a moment");
    if (error instanceof QueryTimeoutError) throw new HttpError(503, "QUERY_TIMEOUT", error.message);
    throw error;
  }
  res.writeHead(200, {
    "content-type": route.contentType,
    "content-length": Buffer.byteLength(body),
    "content-disposition": `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.utf8)}`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "content-security-policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
