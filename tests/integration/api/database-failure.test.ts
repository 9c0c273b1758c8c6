import net from "node:net";
import { Neo4jError, type ManagedTransaction } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { DatabaseUnavailableError } from "../../../src/graph/graph-errors.js";
import { postGraphQL, startCancuServer, type RunningServer } from "../../setup/cancu-process.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";
import { seedGraph } from "../../setup/seed-graph.js";

// `cancu serve` (the real CLI, its driver settings and retries) talks to the test Neo4j through a
// TCP relay this test owns. Stopping the relay drops every Bolt connection and refuses new ones,
// as a killed Neo4j JVM does; starting it again on the same port is Neo4j coming back.

const neo4jAddress = new URL(testNeo4j().uri.replace(/^[a-z+]+:/, "http:"));

/** A TCP relay to the test Neo4j on a fixed port, that can be stopped (connections dropped) and restarted. */
class Relay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  async start(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(neo4jAddress.port), neo4jAddress.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => server?.close(resolve));
  }
}

const relay = new Relay();
let server: RunningServer;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await work();
  return { ms: Date.now() - started, value };
}

const query = "{ stats { documents } }";
const health = async () => {
  const response = await fetch(new URL("/health", server.url));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  await seedGraph();
  await relay.start();
  server = await startCancuServer({ NEO4J_URI: `bolt://127.0.0.1:${relay.port}` });
});

afterAll(async () => {
  await server?.stop();
  await relay.stop();
});

describe("cancu serve when its database goes away", () => {
  it("answers while the database is there: /health 200 ok", async () => {
    expect(await health()).toEqual({ status: 200, body: { status: "ok" } });
    const { status, body } = await postGraphQL(server.url, query);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it("answers HTTP 503 DATABASE_UNAVAILABLE within seconds once it is gone, and /health says 503", async () => {
    await relay.stop();
    const answer = await timed(() => postGraphQL(server.url, query));
    // CANCU_DB_TIMEOUT_MS (5 s) of retries; the old driver defaults took 30-68 s
    expect(answer.ms).toBeLessThan(10_000);
    expect(answer.value.status).toBe(503);
    expect(answer.value.body.errors).toEqual([
      expect.objectContaining({
        message: "The database is unavailable; try again in a moment",
        extensions: { code: "DATABASE_UNAVAILABLE" },
      }),
    ]);
    expect(JSON.stringify(answer.value.body)).not.toContain('"http"');

    const probe = await timed(health);
    expect(probe.ms).toBeLessThan(3_000);
    expect(probe.value.status).toBe(503);
    expect(probe.value.body).toEqual({
      status: "unavailable",
      reason: expect.stringMatching(/^the database is unavailable: .*ECONNREFUSED/),
    });
    // reported on the server's stderr, not only to the client
    expect(server.output.join("\n")).toMatch(/database is unavailable/);
  });

  it("answers again once the database is back on the same port, without a restart", async () => {
    await relay.start();
    expect(await health()).toEqual({ status: 200, body: { status: "ok" } });
    const { status, body } = await postGraphQL(server.url, query);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe("the executor's retries", () => {
  const driver = testDriver();
  afterAll(() => driver.close());

  it("retries a write's transient error (a deadlock) and commits", async () => {
    const executor = new GraphExecutor(driver, testNeo4j().database);
    let attempts = 0;
    const result = await executor.writeTransaction(async (tx: ManagedTransaction) => {
      attempts += 1;
      if (attempts < 3)
        throw new Neo4jError(
          "deadlock (injected)",
          "Neo.TransientError.Transaction.DeadlockDetected",
          "",
          "",
        );
      const records = (await tx.run("RETURN 42 AS answer")).records;
      return Number(records[0]?.get("answer"));
    });
    expect({ attempts, result }).toEqual({ attempts: 3, result: 42 });
  });

  it("stops a write within its short budget when the database refuses connections (cancu ingest took 34 s)", async () => {
    const stopped = new Relay();
    await stopped.start();
    const { default: neo4j } = await import("neo4j-driver");
    const { uri: _uri, user, password, database } = testNeo4j();
    const dead = neo4j.driver(`bolt://127.0.0.1:${stopped.port}`, neo4j.auth.basic(user, password));
    await stopped.stop();
    try {
      const executor = new GraphExecutor(dead, database, { unavailableRetryMs: 2_000 });
      const attempt = await timed(() =>
        executor.write({ cypher: "CREATE (:Nothing)", params: {} }).then(
          () => null,
          (error: unknown) => error,
        ),
      );
      expect(attempt.value).toBeInstanceOf(DatabaseUnavailableError);
      expect(attempt.ms).toBeGreaterThanOrEqual(1_900);
      expect(attempt.ms).toBeLessThan(4_000);
    } finally {
      await dead.close();
    }
  });
});
