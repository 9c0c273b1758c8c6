/**
 * What the three benchmark servers share, so that they differ only in how they answer: the same
 * connection to Neo4j (cancu's own connectGraph, the same driver settings), the same server-side
 * read timeout, the same `READY <port>` line, the same clean shutdown. Nothing here loads GraphQL,
 * so the floor stays free of it.
 */
import { applySourceMapPolicy } from "../../src/config/source-maps.js";
import fs from "node:fs";
import http from "node:http";
import { loadSettings, type RemoteNeo4jSettings } from "../../src/config/settings.js";
import { connectGraph, type GraphConnection } from "../../src/graph/connection.js";

/** cancu's GraphExecutor default (readTimeoutMs): every target gets the same server-side timeout. */
export const READ_TIMEOUT_MS = 15_000;

/** NEO4J_URI (required: a benchmark server never starts a database), NEO4J_DATABASE, credentials. */
export function remoteSettings(): RemoteNeo4jSettings {
  const settings = loadSettings(process.env).neo4j;
  if (settings.kind !== "remote")
    throw new Error("NEO4J_URI is not set: the benchmark servers need a running Neo4j");
  return settings;
}

/** connectGraph as `cancu serve` uses it (verifies connectivity); nothing is logged per request. */
export function connect(): Promise<GraphConnection> {
  return connectGraph(remoteSettings(), (line) => process.stderr.write(`${line}\n`));
}

/**
 * Resolves on SIGTERM, SIGINT, or the end of stdin when stdin is a pipe or socket (the parent went
 * away). A stdin of /dev/null (spawned with "ignore") or a terminal is not watched: it would end at
 * once or never. The signal listeners stay: Apollo Server stops itself on these signals too and then
 * raises the signal again, which must not kill the process before the driver has closed.
 */
export function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (why: string) => {
      process.stdin.pause();
      resolve(why);
    };
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
    if (stdinIsPipe()) {
      process.stdin.once("end", () => stop("stdin closed"));
      process.stdin.resume();
    }
  });
}

function stdinIsPipe(): boolean {
  try {
    const stat = fs.fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

/**
 * Listens on HOST:PORT, prints `READY <port>` (the only line on stdout), waits for a stop, then
 * closes the server and calls `close` (Apollo, driver). Start-up errors go to stderr with exit code 1.
 */
export async function serveUntilStopped(
  start: () => Promise<{ server: http.Server; close: () => Promise<void> }>,
): Promise<void> {
  let started: { server: http.Server; close: () => Promise<void> } | null = null;
  // the runtime setting `cancu serve` uses, for all three targets alike
  const settings = loadSettings(process.env);
  applySourceMapPolicy(settings.sourceMaps);
  try {
    started = await start();
    const port = await listen(started.server, settings.http.port, settings.http.host);
    process.stdout.write(`READY ${port}\n`);
    await untilStopped();
    started.server.closeAllConnections();
    await new Promise((resolve) => started!.server.close(resolve));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await started?.close();
  }
}

/** Like src/api/http-server.ts's listen (not imported: that module loads Apollo). */
function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

/** A request body as text (the benchmark sends small JSON bodies). */
export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
