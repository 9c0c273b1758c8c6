import type http from "node:http";
import busboy from "busboy";
import { sourceLimits } from "../config/limits.js";
import { extractDocument } from "../extract/index.js";
import { IngestError, ingestText } from "../graph/ingest.js";
import { DatabaseUnavailableError, QueryTimeoutError } from "../graph/graph-errors.js";
import { readSource, SourceError, type SourceErrorCode } from "../sources/index.js";
import { toStoredFile } from "../sources/stored-file.js";
import type { Api } from "./create-server.js";
import { fromGlobalId, toGlobalId } from "./global-id.js";
import { HttpError, sendJson } from "./http-answers.js";
import { originalFileUrl } from "./services/graph-records.js";

/**
 * Documents as files over HTTP (issue #18):
 * - `GET /documents/<id>/original` serves the original bytes of an ingested document (an
 *   attachment; `?inline=1` shows a PDF or an image in the browser, nothing else);
 * - `POST /documents` takes one file (multipart/form-data, field `file`), behind the API key
 *   (x-api-key: a header a page of another origin cannot send without a preflight this server
 *   never grants, so the key is also the CSRF protection). `?preview=1` reads and extracts it and
 *   answers what was found, writing nothing; without it the document is ingested like `cancu
 *   ingest` would, whole or not at all.
 */

/** Uploads read at once (OCR takes a core each); more are refused with 503 BUSY. */
const maxConcurrentUploads = 2;
let uploadsRunning = 0;

const sourceErrorStatus: Record<SourceErrorCode, number> = {
  UNSUPPORTED_FORMAT: 415,
  EMPTY: 400,
  BINARY: 415,
  TOO_LARGE: 413,
  ENCRYPTED: 422,
  CORRUPT: 422,
  NO_PAGES: 422,
  NO_TEXT: 422,
  OCR_UNAVAILABLE: 501,
  GARBAGE_TEXT: 422,
  LEGACY_ENCODING: 422,
  TIMEOUT: 422,
};

/** Handles /documents routes; false when the path is not one of them. */
export async function handleDocumentFiles(
  api: Api,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<boolean> {
  const original = /^\/documents\/([^/]+)\/original$/.exec(url.pathname);
  if (original) {
    if (req.method !== "GET" && req.method !== "HEAD")
      throw new HttpError(405, "METHOD_NOT_ALLOWED", "GET the original of a document");
    await serveOriginal(
      api,
      req,
      res,
      decodeURIComponent(original[1]!),
      url.searchParams.get("inline") === "1",
    );
    return true;
  }
  if (url.pathname === "/documents") {
    if (req.method !== "POST")
      throw new HttpError(
        405,
        "METHOD_NOT_ALLOWED",
        "POST a file (multipart/form-data, field file) to /documents",
      );
    await upload(api, req, res, url.searchParams.get("preview") === "1");
    return true;
  }
  return false;
}

async function serveOriginal(
  api: Api,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  id: string,
  inline: boolean,
): Promise<void> {
  let key: string;
  try {
    const decoded = fromGlobalId(id);
    if (decoded.label !== "Document") throw new Error("not a document");
    key = decoded.key;
  } catch {
    throw new HttpError(400, "BAD_USER_INPUT", "not a document id (take it from Document.id)");
  }
  const ctx = await api.contextFor(req.headers);
  const records = await ctx.graph.read({
    cypher: `MATCH (d:Document {key: $key})-[:FROM_FILE]->(f:SourceFile)
             RETURN f.bytes AS bytes, d.sourceName AS name, d.sourceMediaType AS mediaType`,
    params: { key },
  });
  const record = records[0];
  if (!record) throw new HttpError(404, "NOT_FOUND", "no original file is kept for this document");
  const raw = record.get("bytes") as Int8Array | Uint8Array;
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const mediaType = String(record.get("mediaType") ?? "application/octet-stream");
  const name =
    String(record.get("name") ?? "original")
      .split(/[\\/]/)
      .pop() || "original";
  // Only formats a browser shows without running anything are shown inline; the rest (HTML, text)
  // is always an attachment, and the sandbox keeps even a PDF from scripting this origin.
  const showInline = inline && (mediaType === "application/pdf" || mediaType.startsWith("image/"));
  const asciiName = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  res.writeHead(200, {
    "content-type": mediaType,
    "content-length": bytes.length,
    "content-disposition": `${showInline ? "inline" : "attachment"}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'; img-src 'self'; object-src 'self'",
    "cache-control": "private, max-age=0, must-revalidate",
  });
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/** The one file of a multipart body, bounded in size; HttpError for anything else. */
function readUpload(req: http.IncomingMessage): Promise<{ name: string; bytes: Buffer }> {
  const type = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data\b/i.test(type))
    return Promise.reject(
      new HttpError(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "send the file as multipart/form-data, in a field named file",
      ),
    );
  const framing = 64 * 1024;
  const declared = Number(req.headers["content-length"]);
  const tooLarge = () =>
    new HttpError(413, "PAYLOAD_TOO_LARGE", `a file may be at most ${sourceLimits.maxBytes} bytes`);
  if (Number.isFinite(declared) && declared > sourceLimits.maxBytes + framing)
    return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          files: 1,
          fileSize: sourceLimits.maxBytes,
          fields: 4,
          fieldSize: 1024,
          parts: 6,
          headerPairs: 20,
        },
      });
    } catch {
      reject(new HttpError(400, "BAD_REQUEST", "the multipart body cannot be read (no boundary?)"));
      return;
    }
    let file: { name: string; chunks: Buffer[]; truncated: boolean } | null = null;
    let failed = false;
    const fail = (error: HttpError) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      reject(error);
    };
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || file) {
        stream.resume();
        return;
      }
      const current = { name: info.filename || "upload", chunks: [] as Buffer[], truncated: false };
      file = current;
      stream.on("data", (chunk: Buffer) => current.chunks.push(chunk));
      stream.on("limit", () => {
        current.truncated = true;
        fail(tooLarge());
      });
    });
    parser.on("filesLimit", () => fail(new HttpError(400, "BAD_REQUEST", "send one file at a time")));
    parser.on("partsLimit", () => fail(new HttpError(400, "BAD_REQUEST", "too many parts in the body")));
    parser.on("error", () => fail(new HttpError(400, "BAD_REQUEST", "the multipart body is malformed")));
    parser.on("close", () => {
      if (failed) return;
      const got = file as { name: string; chunks: Buffer[]; truncated: boolean } | null;
      if (!got) return fail(new HttpError(400, "BAD_USER_INPUT", "no file in the body (field name: file)"));
      resolve({ name: got.name, bytes: Buffer.concat(got.chunks) });
    });
    req.on("aborted", () => fail(new HttpError(400, "BAD_REQUEST", "the upload was interrupted")));
    req.pipe(parser);
  });
}

async function upload(
  api: Api,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  preview: boolean,
): Promise<void> {
  const ctx = await api.contextFor(req.headers);
  if (!ctx.canWrite)
    throw new HttpError(
      401,
      "UNAUTHENTICATED",
      "uploading a document needs a valid API key in the x-api-key header (the server's CANCU_API_KEY)",
    );
  if (uploadsRunning >= maxConcurrentUploads)
    throw new HttpError(503, "BUSY", `${maxConcurrentUploads} uploads are being read; try again shortly`);
  uploadsRunning++;
  try {
    const { name, bytes } = await readUpload(req);
    const safeName = name.split(/[\\/]/).pop()!.slice(0, 255) || "upload";
    let read;
    try {
      read = await readSource(bytes, safeName);
    } catch (error) {
      if (error instanceof SourceError)
        throw new HttpError(sourceErrorStatus[error.code], error.code, error.message);
      throw error;
    }
    const { document, file } = read;
    if (preview) {
      const parsed = extractDocument(document.text, { sourceName: safeName });
      sendJson(res, 200, {
        source: { ...file, pages: document.pages, boxes: document.boxes ?? null, notes: document.notes },
        text: document.text,
        extraction: parsed,
      });
      return;
    }
    try {
      const result = await ingestText(ctx.graph, {
        text: document.text,
        sourceName: safeName,
        file: toStoredFile(read, bytes),
      });
      const id = toGlobalId("Document", result.documentKey);
      sendJson(res, 200, { result, documentId: id, downloadUrl: originalFileUrl(id), source: file });
    } catch (error) {
      if (error instanceof IngestError) throw new HttpError(422, error.code, error.message);
      if (error instanceof DatabaseUnavailableError)
        throw new HttpError(503, "DATABASE_UNAVAILABLE", "the database is unavailable: nothing was written");
      if (error instanceof QueryTimeoutError) throw new HttpError(503, "QUERY_TIMEOUT", error.message);
      throw error;
    }
  } finally {
    uploadsRunning--;
  }
}
