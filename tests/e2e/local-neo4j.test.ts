import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import neo4j from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/settings.js";
import net from "node:net";
import { passwordFilePath, startLocalNeo4j, stateFilePath, isAlive } from "../../src/neo4j/local-neo4j.js";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-e2e-neo4j-"));
const env: NodeJS.ProcessEnv = { ...process.env, CANCU_DATA_DIR: dataDir };
delete env.NEO4J_URI;

/** `cancu neo4j` as a user runs it; resolves with the Bolt URI it prints. */
function startNeo4jCommand(
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; uri: string; stderr: string[] }> {
  const child = spawn(process.execPath, [path.join(projectRoot, "bin", "cancu.mjs"), "neo4j"], {
    cwd: projectRoot,
    env: { ...env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  readline.createInterface({ input: child.stderr! }).on("line", (line) => stderr.push(line));
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("bolt://")) resolve({ child, uri: line.trim(), stderr });
    });
    child.on("exit", (code) => reject(new Error(`cancu neo4j exited with ${code}: ${stderr.join("\n")}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

/** The credentials the running server wrote to its state file (mode 0600). */
function password(): string {
  return (JSON.parse(fs.readFileSync(stateFilePath(dataDir), "utf8")) as { password: string }).password;
}

async function query(uri: string, cypher: string) {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", password()));
  try {
    return (await driver.executeQuery(cypher, {}, { database: "neo4j" })).records;
  } finally {
    await driver.close();
  }
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("cancu neo4j: the local database", () => {
  it("serves Bolt on 127.0.0.1, is reused by a second process, and survives Ctrl-C with its data", async () => {
    const first = await startNeo4jCommand();
    expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    await query(first.uri, "CREATE (:Survivor {name: 'Nghị quyết 26-NQ/TW'})");

    // a second process on the same store connects instead of fighting over the lock
    const second = await startLocalNeo4j({ kind: "local", dataDir, port: 0, database: "neo4j" }, () => {});
    expect(second).toMatchObject({ uri: first.uri, owned: false, user: "neo4j", password: password() });
    await second.stop(); // not its server: a no-op
    expect(first.child.exitCode).toBeNull();

    first.child.kill("SIGINT");
    expect(await exitOf(first.child)).toBe(0);
    expect(fs.existsSync(stateFilePath(dataDir))).toBe(false);
    expect(first.stderr.join("\n")).toContain("Neo4j stopped");
    // a deliberate stop is no crash: the watch neither reports nor restarts it
    expect(first.stderr.join("\n")).not.toMatch(/unexpectedly|restarting/);

    const again = await startNeo4jCommand();
    const records = await query(again.uri, "MATCH (s:Survivor) RETURN s.name AS name");
    expect(records.map((r) => r.get("name"))).toEqual(["Nghị quyết 26-NQ/TW"]);
    again.child.kill("SIGTERM");
    expect(await exitOf(again.child)).toBe(0);
  });

  it("gives a store without a password one (an older cancu's), and exits 1 with the reason when its JVM cannot come back", async () => {
    // the store of the first test, as a cancu without authentication left it: no password file
    fs.rmSync(passwordFilePath(dataDir));
    const started = await startNeo4jCommand({ CANCU_NEO4J_RESTARTS: "1" });
    expect(fs.statSync(passwordFilePath(dataDir)).mode & 0o777).toBe(0o600);
    const records = await query(started.uri, "MATCH (s:Survivor) RETURN s.name AS name");
    expect(records.map((r) => r.get("name"))).toEqual(["Nghị quyết 26-NQ/TW"]);
    const noPassword = neo4j.driver(started.uri, neo4j.auth.basic("neo4j", ""));
    await expect(noPassword.verifyConnectivity()).rejects.toThrow(/unauthorized|authentication/i);
    await noPassword.close();

    // kill -9 its JVM and take its port: the one restart allowed fails, and the command says why
    const jvm = (JSON.parse(fs.readFileSync(stateFilePath(dataDir), "utf8")) as { pid: number }).pid;
    const port = Number(new URL(started.uri).port);
    process.kill(jvm, "SIGKILL");
    while (isAlive(jvm)) await new Promise((resolve) => setTimeout(resolve, 50));
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    try {
      expect(await exitOf(started.child)).toBe(1);
    } finally {
      squatter.close();
    }
    const stderr = started.stderr.join("\n");
    expect(stderr).toMatch(/stopped unexpectedly \(killed by SIGKILL\)/);
    expect(stderr).toMatch(/restarting Neo4j on port \d+/);
    expect(stderr).toMatch(/could not be restarted: .*Address already in use/);
  });
});
