import http from "node:http";
import { performance } from "node:perf_hooks";
import { HeaderMap } from "@apollo/server";
import type { GraphExecutor } from "../graph/executor.js";
import { DatabaseUnavailableError } from "../graph/graph-errors.js";
import { answerOutcome } from "./cache/answer-outcome.plugin.js";
import { answerFromCache, keepAndSend, noStore, type Lookup } from "./cache/http-cache.js";
import type { ApiContext } from "./context.js";
import type { Api } from "./create-server.js";
import type { CacheResult } from "./metrics.js";
import { hostCheck } from "./host-check.js";
import { handleDocumentFiles } from "./document-files.js";
import { handleExports } from "./exports/export-routes.js";
import type { ExportLimits } from "./exports/export-request.js";
import { answerAndClose, errorBody, HttpError, quote, sendJson } from "./http-answers.js";

const maxBodyBytes = 10 * 1024 * 1024;
/** /health: how long `RETURN 1` may take */
const defaultHealthTimeoutMs = 2_000;

export interface HttpServerOptions {
  /** the executor /health asks; default: the API's (through a request context) */
  graph?: GraphExecutor;
  /** /health's time limit for the database's answer; default 2 s */
  healthTimeoutMs?: number;
  /** Host names allowed besides the local ones (host-check.ts): Settings.http.allowedHosts (CANCU_ALLOWED_HOSTS); default none */
  allowedHosts?: readonly string[];
  /** where the database's unavailability is reported (at most once every 10 s); default stderr */
  log?: (line: string) => void;
  /** caps of one export (/export/…); default exportLimits (exports/export-request.ts) */
  exportLimits?: ExportLimits;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  const tooLarge = () =>
    new HttpError(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBodyBytes} bytes`);
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBodyBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.off("data", onData);
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function handleGraphQL(api: Api, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const started = performance.now();
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  let body: unknown;
  if (req.method === "POST") {
    const raw = await readBody(req);
    const contentType = headers.get("content-type") ?? "";
    if (contentType.includes("application/json")) {
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        throw new HttpError(400, "BAD_REQUEST", "The request body is not valid JSON");
      }
    } else {
      body = raw;
    }
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  // the answer cache (#21, cache/http-cache.ts): a kept answer of the graph's current version
  let lookup: Lookup = { kind: "bypass" };
  if (api.caching) {
    try {
      lookup = await answerFromCache(api.caching, api.metrics, req, res, url, body);
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) throw error;
      // the version could not be read: the answer Apollo gives when the database is gone
      sendJson(
        res,
        503,
        errorBody("The database is unavailable; try again in a moment", "DATABASE_UNAVAILABLE"),
      );
      api.metrics.observeRequest(undefined, "bypass", (performance.now() - started) / 1000);
      return;
    }
    if (lookup.kind === "answered") {
      api.metrics.observeRequest("query", "hit", (performance.now() - started) / 1000);
      return;
    }
  }
  let context: ApiContext | undefined;
  const response = await api.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body },
    context: async () =>
      (context = await api.contextFor(req.headers, lookup.kind === "miss" ? lookup.bookmarks : undefined)),
  });
  const outcome = answerOutcome(context);
  const status = response.status ?? 200;
  const cacheResult: CacheResult = !api.caching ? "off" : lookup.kind === "miss" ? "miss" : "bypass";
  const observe = () =>
    api.metrics.observeRequest(outcome?.operationType, cacheResult, (performance.now() - started) / 1000);
  const complete = response.body.kind === "complete" ? response.body.string : undefined;
  if (
    api.caching &&
    lookup.kind === "miss" &&
    keepAndSend(api.caching, api.metrics, lookup, outcome, req, res, {
      status,
      headers: response.headers,
      body: complete,
    })
  ) {
    observe();
    return;
  }
  for (const [key, value] of response.headers) res.setHeader(key, value);
  // a mutation, an error, an answer not kept: no browser or proxy may reuse it
  res.setHeader("cache-control", noStore);
  if (api.caching) res.setHeader("x-cancu-cache", "bypass");
  res.statusCode = status;
  if (response.body.kind === "complete") {
    res.end(response.body.string);
    observe();
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
  observe();
}

/** GET /metrics: Prometheus' text format (metrics.ts). */
async function metricsRoute(api: Api, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendJson(res, 405, errorBody("/metrics answers GET only", "METHOD_NOT_ALLOWED"), { allow: "GET, HEAD" });
    return;
  }
  const { contentType, text } = await api.metrics.exposition();
  res.writeHead(200, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(req.method === "HEAD" ? undefined : text);
}

/** At most one line every 10 s, with the number of the ones left out. */
function rateLimited(log: (line: string) => void): (line: string) => void {
  let last = 0;
  let skipped = 0;
  return (line) => {
    const now = Date.now();
    if (now - last < 10_000) {
      skipped += 1;
      return;
    }
    log(skipped > 0 ? `${line} (and ${skipped} more since the last report)` : line);
    last = now;
    skipped = 0;
  };
}

export type StaticHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;

/** The host each server was bound to by listen(), for the Host allow-list. */
const boundHosts = new WeakMap<http.Server, string>();

/**
 * Serves GraphQL at /graphql, /health, /metrics, then whatever the static handlers take, else 404. Every
 * request must name an allowed Host (host-check.ts).
 */
export function createHttpServer(
  api: Api,
  staticHandlers: StaticHandler[] = [],
  options: HttpServerOptions = {},
): http.Server {
  const healthTimeoutMs = options.healthTimeoutMs ?? defaultHealthTimeoutMs;
  const report = rateLimited(options.log ?? ((line) => process.stderr.write(`${line}\n`)));

  async function health(res: http.ServerResponse): Promise<void> {
    const noStore = { "cache-control": "no-store" };
    try {
      const graph = options.graph ?? (await api.contextFor({})).graph;
      await graph.ping(healthTimeoutMs);
      sendJson(res, 200, { status: "ok" }, noStore);
    } catch (error) {
      const reason =
        error instanceof DatabaseUnavailableError ? error.message : "the database did not answer as expected";
      report(`cancu: /health: ${reason}`);
      sendJson(res, 503, { status: "unavailable", reason }, noStore);
    }
  }

  const allowed = hostCheck(options.allowedHosts ?? [], () => boundHosts.get(server));
  const server = http.createServer((req, res) => {
    const work = async () => {
      if (!allowed(req.headers.host, req.socket.localAddress)) {
        throw new HttpError(
          403,
          "HOST_NOT_ALLOWED",
          `Host ${quote(req.headers.host ?? "")} is not allowed: this server answers localhost and its own ` +
            `addresses; set CANCU_ALLOWED_HOSTS to add names`,
        );
      }
      const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
      if (pathname === "/graphql") {
        await handleGraphQL(api, req, res);
        if (res.statusCode === 503)
          report("cancu: answered 503 DATABASE_UNAVAILABLE: the database is unavailable");
        return;
      }
      if (pathname === "/health") return health(res);
      // Prometheus' scrape (#21): requests, latencies, database time, the answer cache, the version
      if (pathname === "/metrics") return metricsRoute(api, req, res);
      if (await handleDocumentFiles(api, req, res, new URL(req.url ?? "/", "http://localhost"))) return;
      // exports of deadlines and duties (#20): exports/export-routes.ts
      if (
        await handleExports(api, req, res, new URL(req.url ?? "/", "http://localhost"), options.exportLimits)
      )
        return;
      for (const handler of staticHandlers) if (await handler(req, res)) return;
      sendJson(res, 404, { error: `nothing at ${pathname}; the GraphQL endpoint is /graphql` });
    };
    work().catch((error: unknown) => {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (error instanceof HttpError && error.status === 413) return answerAndClose(req, res, error);
      if (error instanceof HttpError)
        return sendJson(res, error.status, errorBody(error.message, error.code));
      sendJson(res, 500, errorBody("Internal server error", "INTERNAL_SERVER_ERROR"));
    });
  });
  return server;
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  boundHosts.set(server, host);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
