import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import neo4j from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/settings.js";
import {
  startLocalNeo4j,
  stateFilePath,
  type LocalNeo4jHandle,
  isAlive,
} from "../../src/neo4j/local-neo4j.js";
import { postGraphQL } from "../setup/cancu-process.js";

/**
 * The watch on an owned local Neo4j: each test kills the JVM of a server of its own (its own
 * temporary store), as a crash or the OOM killer would.
 */
const dirs: string[] = [];
function tempStore(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-supervisor-neo4j-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Retries `attempt` until it resolves, for at most `ms`. */
async function eventually<T>(attempt: () => Promise<T>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function statePid(dataDir: string): number {
  return (JSON.parse(fs.readFileSync(stateFilePath(dataDir), "utf8")) as { pid: number }).pid;
}

describe("an owned local Neo4j is watched", () => {
  it("is restarted on the same port after kill -9, the same driver answers again, and the watch gives up past its budget", async () => {
    const dataDir = tempStore();
    const log: string[] = [];
    const handle: LocalNeo4jHandle = await startLocalNeo4j(
      { kind: "local", dataDir, port: 0, database: "neo4j" },
      (line) => log.push(line),
      "serve",
      { restarts: { maxRestarts: 1, windowMs: 600_000 } },
    );
    const driver = neo4j.driver(handle.uri, neo4j.auth.basic(handle.user, handle.password), {
      maxTransactionRetryTime: 5000,
    });
    try {
      await driver.executeQuery("CREATE (:Kept {name: 'Nghị quyết 26-NQ/TW'})", {}, { database: "neo4j" });
      const count = async () =>
        (
          await driver.executeQuery("MATCH (k:Kept) RETURN count(k) AS n", {}, { database: "neo4j" })
        ).records[0]
          ?.get("n")
          .toNumber();

      const first = handle.pid;
      const down = once(handle, "down");
      const restarted = once(handle, "restarted");
      process.kill(first, "SIGKILL");
      const [exit] = (await down) as [{ pid: number; signal: string; reason: string }];
      expect(exit).toMatchObject({ pid: first, signal: "SIGKILL" });
      const [back] = (await restarted) as [{ pid: number; uri: string; restart: number }];
      expect(back).toMatchObject({ uri: handle.uri, restart: 1 });
      expect(handle.pid).toBe(back.pid);
      expect(back.pid).not.toBe(first);
      // the driver kept its pool: its dead connections are replaced, on the same port and password
      expect(await eventually(count)).toBe(1);
      const said = log.join("\n");
      expect(said).toContain(`Neo4j (pid ${first}) stopped unexpectedly (killed by SIGKILL)`);
      expect(said).toMatch(/restarting Neo4j on port \d+ in 1 s \(restart 1 of at most 1/);
      expect(said).toContain(`Neo4j is back at ${handle.uri} (pid ${back.pid})`);

      // a second death within the window: no restart left
      const gaveUp = once(handle, "gaveUp");
      process.kill(back.pid, "SIGKILL");
      const [{ reason }] = (await gaveUp) as [{ reason: string }];
      expect(reason).toMatch(/killed by SIGKILL.*1 restart within 600 s already tried/);
      expect(log.join("\n")).toMatch(/Neo4j is down and stays down/);
      await expect(count()).rejects.toThrow();
    } finally {
      await driver.close();
      await handle.stop();
    }
  });

  it("`cancu serve` comes back after its JVM is killed, and exits 1 when it cannot", async () => {
    const dataDir = tempStore();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CANCU_DATA_DIR: dataDir,
      CANCU_NEO4J_RESTARTS: "1",
      PORT: "0",
    };
    delete env.NEO4J_URI;
    const child = spawn(process.execPath, [path.join(projectRoot, "bin", "cancu.mjs"), "serve"], {
      cwd: projectRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
    const onLine = (line: string) => {
      output.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    };
    readline.createInterface({ input: child.stdout }).on("line", onLine);
    readline.createInterface({ input: child.stderr }).on("line", onLine);
    const line = (pattern: RegExp) => new Promise<string>((resolve) => waiters.push({ pattern, resolve }));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const ready = await Promise.race([line(/ready at (http:\/\/\S+\/graphql)/), exited.then(() => null)]);
      if (!ready) throw new Error(`cancu serve exited:\n${output.join("\n")}`);
      const url = /ready at (http:\/\/\S+\/graphql)/.exec(ready)![1]!;
      const query = "{ documents(first: 1) { totalCount } }";
      expect((await postGraphQL(url, query)).body.data).toBeDefined();

      const back = line(/Neo4j is back at/);
      process.kill(statePid(dataDir), "SIGKILL");
      await back;
      const answer = await eventually(async () => {
        const { body } = await postGraphQL(url, query);
        if (!body.data) throw new Error(JSON.stringify(body.errors));
        return body.data;
      });
      expect(answer).toMatchObject({ documents: { totalCount: expect.any(Number) } });

      process.kill(statePid(dataDir), "SIGKILL");
      expect(await exited).toBe(1);
      const said = output.join("\n");
      expect(said).toMatch(/stopped unexpectedly \(killed by SIGKILL\)/);
      expect(said).toMatch(/Neo4j is down and stays down/);
      expect(said).toMatch(/could not be restarted; shutting the API down \(exit code 1\)/);
    } finally {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      const jvm = fs.existsSync(stateFilePath(dataDir)) ? statePid(dataDir) : null;
      if (jvm !== null && isAlive(jvm)) process.kill(jvm, "SIGKILL");
    }
  });
});
