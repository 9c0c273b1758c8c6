import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type Api } from "../../../src/api/create-server.js";
import { explorerHandler } from "../../../src/api/explorer.static.js";
import { graphiqlHandler } from "../../../src/api/graphiql.static.js";
import { addressAsHost, hostCheck, hostName } from "../../../src/api/host-check.js";
import { createHttpServer, listen } from "../../../src/api/http-server.js";
import { GraphExecutor } from "../../../src/graph/executor.js";

// The HTTP server itself, on a real socket, with no database behind it (a driver pointed at a
// closed port): oversized bodies, the Host allow-list, the pages' security headers.

let driver: Driver;
let api: Api;
let server: http.Server;
let port: number;
let distDir: string;

/** Sends raw bytes, returns everything the server answered until it closed the connection. */
function rawExchange(
  head: string,
  body: { bytes: number; chunked?: boolean },
): Promise<{ answer: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    let failure: string | undefined;
    socket.setEncoding("utf8");
    socket.on("data", (text: string) => (answer += text));
    socket.on("error", (error: NodeJS.ErrnoException) => (failure = error.code ?? error.message));
    socket.on("close", () => resolve({ answer, error: failure }));
    socket.write(head);
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < body.bytes && !socket.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, body.bytes - sent));
        sent += piece.length;
        const frame = body.chunked
          ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")])
          : piece;
        if (!socket.write(frame)) {
          socket.once("drain", pump);
          return;
        }
      }
      if (body.chunked && !socket.destroyed) socket.write("0\r\n\r\n");
    };
    pump();
  });
}

function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
}

function jsonOf(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
}

beforeAll(async () => {
  driver = neo4j.driver("bolt://127.0.0.1:1", neo4j.auth.basic("neo4j", ""), { connectionTimeout: 1000 });
  api = await createApi({ graph: new GraphExecutor(driver, "neo4j", { unavailableRetryMs: 500 }) });
  distDir = mkdtempSync(path.join(os.tmpdir(), "cancu-dist-"));
  writeFileSync(path.join(distDir, "index.html"), '<!doctype html><main id="main"></main>');
  server = createHttpServer(api, [explorerHandler({ distDir }), graphiqlHandler()], {
    allowedHosts: ["api.example.org", ".proxy.example"],
    log: () => {},
  });
  port = await listen(server, 0, "127.0.0.1");
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await api?.apollo.stop();
  await driver?.close();
  rmSync(distDir, { recursive: true, force: true });
});

describe("a body over 10 MB", () => {
  const size = 11 * 1024 * 1024;

  it("declared by Content-Length is answered 413 in the GraphQL error shape, not reset", async () => {
    const { answer } = await rawExchange(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
      { bytes: size },
    );
    expect(statusOf(answer)).toBe(413);
    expect(answer.toLowerCase()).toContain("connection: close");
    expect(jsonOf(answer)).toEqual({
      errors: [
        {
          message: "The request body is larger than 10485760 bytes",
          extensions: { code: "PAYLOAD_TOO_LARGE" },
        },
      ],
    });
  });

  it("sent chunked (no length known in advance) is answered 413 too", async () => {
    const { answer } = await rawExchange(
      `POST /graphql HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      { bytes: size, chunked: true },
    );
    expect(statusOf(answer)).toBe(413);
    expect(jsonOf(answer)).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  it("through fetch: the client reads the 413", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }", padding: "x".repeat(size) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  it("leaves the server answering the next request", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("errors outside GraphQL keep the GraphQL error shape", () => {
  it("a body that is not JSON: 400 BAD_REQUEST", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }],
    });
  });
});

describe("the Host allow-list (DNS rebinding)", () => {
  async function withHost(host: string, pathname = "/graphql?query=%7B__typename%7D") {
    const { answer } = await rawExchange(
      `GET ${pathname} HTTP/1.1\r\nHost: ${host}\r\napollo-require-preflight: 1\r\nConnection: close\r\n\r\n`,
      { bytes: 0 },
    );
    return { status: statusOf(answer), body: jsonOf(answer) };
  }

  it.each([
    `localhost:PORT`,
    `127.0.0.1:PORT`,
    `[::1]:PORT`,
    "localhost",
    "app.localhost:PORT",
    "api.example.org",
    "a.proxy.example:443",
    "proxy.example",
  ])("answers Host %s", async (host) => {
    const { status } = await withHost(host.replace("PORT", String(port)));
    expect(status).toBe(200);
  });

  it.each(["evil.example:PORT", "localhost.evil.example", "0.0.0.0:PORT", "api.example.org.evil", "a:b:c"])(
    "refuses Host %s with 403 HOST_NOT_ALLOWED, on every path",
    async (host) => {
      for (const pathname of ["/graphql?query=%7B__typename%7D", "/health", "/", "/graphiql"]) {
        const { status, body } = await withHost(host.replace("PORT", String(port)), pathname);
        expect(status).toBe(403);
        expect(body).toMatchObject({ errors: [{ extensions: { code: "HOST_NOT_ALLOWED" } }] });
      }
    },
  );

  it("quotes at most a short prefix of a long Host", async () => {
    const { body } = await withHost(`${"x".repeat(5000)}.example`);
    expect(JSON.stringify(body).length).toBeLessThan(400);
  });

  it("parses Host headers and addresses", () => {
    expect(hostName("LocalHost.:4000")).toBe("localhost");
    expect(hostName("[::1]:4000")).toBe("[::1]");
    expect(hostName("[::1")).toBeNull();
    expect(hostName("a:b")).toBeNull();
    expect(addressAsHost("::ffff:192.168.1.5")).toBe("192.168.1.5");
    expect(addressAsHost("fe80::1")).toBe("[fe80::1]");
    const check = hostCheck([], () => "0.0.0.0");
    expect(check("192.168.1.5:4000", "::ffff:192.168.1.5")).toBe(true);
    expect(check("192.168.1.6:4000", "::ffff:192.168.1.5")).toBe(false);
    expect(check("0.0.0.0:4000", "127.0.0.1")).toBe(false);
    expect(hostCheck([], () => "cancu.lan")("cancu.lan:4000", "10.0.0.2")).toBe(true);
    expect(hostCheck(["*"], () => undefined)("anything.example", undefined)).toBe(true);
  });
});

describe("security headers of the pages", () => {
  it.each(["/", "/task/abc", "/graphiql", "/graphiql/start.js", "/graphiql/graphiql.min.js"])(
    "%s: CSP without inline script, X-Frame-Options DENY, nosniff, no referrer",
    async (pathname) => {
      const response = await fetch(`http://127.0.0.1:${port}${pathname}`);
      expect(response.status).toBe(200);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    },
  );

  it("GraphiQL's page has no inline script left (its start-up code is a file)", async () => {
    const html = await (await fetch(`http://127.0.0.1:${port}/graphiql`)).text();
    expect(html).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toContain("<style");
    expect(html).toContain('<script src="/graphiql/start.js"></script>');
    const start = await (await fetch(`http://127.0.0.1:${port}/graphiql/start.js`)).text();
    expect(start).toContain('GraphiQL.createFetcher({ url: "/graphql" })');
  });
});

describe("a database out of reach", () => {
  it("a query answers HTTP 503 DATABASE_UNAVAILABLE, without the http extension in the body", async () => {
    const started = Date.now();
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ stats { documents } }" }),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "The database is unavailable; try again in a moment",
        extensions: { code: "DATABASE_UNAVAILABLE" },
      }),
    ]);
  });

  it("/health answers 503 unavailable with the reason", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "unavailable",
      reason: "the database is unavailable: connect ECONNREFUSED 127.0.0.1:1",
    });
  });
});
