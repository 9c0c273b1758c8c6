import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stateFilePath } from "../../src/neo4j/local-neo4j.js";
import { runCli, sleep, type CliRun } from "./fault-kit.js";

// `cancu serve` on its own local Neo4j, under 10 s of concurrent requests; its JVM is killed 2 s in.
// Every request must get an answer (no hang past the timeout), only 200 or 503 DATABASE_UNAVAILABLE;
// the server restarts its Neo4j and answers again.

const store = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-fault-serve-"));
let server: CliRun | null = null;
afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  fs.rmSync(store, { recursive: true, force: true });
});

interface Answer {
  at: number;
  ms: number;
  status: number | "no answer";
  code?: string;
  ok: boolean;
}

const query = `{ document(symbol: "128/NQ-CP") { key citedBy(first: 5) { totalCount } }
                 search(text: "chuyen doi so", first: 3) { totalCount } }`;
/** The longest a request may take: the database timeout (5 s) plus the executor's back-off, with room. */
const answerWithinMs = 20_000;

async function ask(url: string, started: number): Promise<Answer> {
  const at = Date.now() - started;
  const begin = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(answerWithinMs + 10_000),
    });
    const body = (await response.json()) as {
      data?: { document?: { key?: string } };
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    return {
      at,
      ms: performance.now() - begin,
      status: response.status,
      code: body.errors?.[0]?.extensions?.code,
      ok: response.status === 200 && body.data?.document?.key === "NQ|128/NQ-CP|2021",
    };
  } catch {
    return { at, ms: performance.now() - begin, status: "no answer", ok: false };
  }
}

describe("the Neo4j under `cancu serve` killed during 10 s of concurrent requests", () => {
  it("answers every request with 200 or 503 DATABASE_UNAVAILABLE in time, then recovers", async () => {
    server = runCli(["serve"], { NEO4J_URI: undefined, CANCU_DATA_DIR: store, PORT: "0" });
    const url = await new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        const ready = server!.lines.map((l) => /ready at (http:\/\/\S+\/graphql)/.exec(l)).find(Boolean);
        if (ready) {
          clearInterval(poll);
          resolve(ready[1]!);
        }
      }, 100);
      void server!.exited.then(() => {
        clearInterval(poll);
        reject(new Error(`cancu serve exited:\n${server!.lines.join("\n")}`));
      });
    });
    const health = url.replace(/\/graphql$/, "/health");
    expect((await ask(url, Date.now())).ok).toBe(true);

    const started = Date.now();
    const answers: Answer[] = [];
    const healthStatuses: number[] = [];
    const clients = Array.from({ length: 6 }, async () => {
      while (Date.now() - started < 10_000) answers.push(await ask(url, started));
    });
    const healthWatch = (async () => {
      while (Date.now() - started < 10_000) {
        healthStatuses.push((await fetch(health).catch(() => null))?.status ?? 0);
        await sleep(250);
      }
    })();
    await sleep(2_000);
    const { pid } = JSON.parse(fs.readFileSync(stateFilePath(store), "utf8")) as { pid: number };
    const killedAt = Date.now();
    process.kill(pid, "SIGKILL");
    await Promise.all([...clients, healthWatch]);

    // recovery: the first good answer after the kill
    let recoveredAfterMs = -1;
    while (Date.now() - killedAt < 180_000) {
      const answer = await ask(url, started);
      if (answer.ok) {
        recoveredAfterMs = Date.now() - killedAt;
        break;
      }
      await sleep(500);
    }

    const count = (pick: (a: Answer) => boolean) => answers.filter(pick).length;
    const summary = {
      requests: answers.length,
      ok: count((a) => a.ok),
      unavailable: count((a) => a.status === 503 && a.code === "DATABASE_UNAVAILABLE"),
      other: answers.filter((a) => !a.ok && !(a.status === 503 && a.code === "DATABASE_UNAVAILABLE")),
      slowestMs: Math.round(Math.max(...answers.map((a) => a.ms))),
      healthStatuses: [...new Set(healthStatuses)].sort(),
      recoveredAfterMs,
    };
    process.stderr.write(
      `faults: ${summary.requests} requests in 10 s (JVM killed at 2 s): ${summary.ok} ok, ${summary.unavailable} × 503 DATABASE_UNAVAILABLE, ${summary.other.length} other; slowest ${summary.slowestMs} ms; /health ${summary.healthStatuses.join("/")}; answering again ${recoveredAfterMs} ms after the kill\n`,
    );
    expect(summary.other).toEqual([]);
    expect(summary.ok).toBeGreaterThan(0);
    expect(summary.unavailable).toBeGreaterThan(0);
    expect(summary.slowestMs).toBeLessThan(answerWithinMs);
    expect(summary.healthStatuses).toEqual([200, 503]);
    expect(recoveredAfterMs).toBeGreaterThan(0);
    expect(server.child.exitCode).toBeNull();
    expect(server.lines.join("\n")).toMatch(/stopped unexpectedly/);
  });
});
