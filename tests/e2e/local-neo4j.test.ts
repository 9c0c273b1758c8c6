import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import neo4j from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/settings.js";
import { startLocalNeo4j, stateFilePath } from "../../src/neo4j/local-neo4j.js";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-e2e-neo4j-"));
const env: NodeJS.ProcessEnv = { ...process.env, CANCU_DATA_DIR: dataDir };
delete env.NEO4J_URI;

/** `cancu neo4j` as a user runs it; resolves with the Bolt URI it prints. */
function startNeo4jCommand(): Promise<{ child: ChildProcess; uri: string; stderr: string[] }> {
  const child = spawn(process.execPath, [path.join(projectRoot, "bin", "cancu.mjs"), "neo4j"], {
    cwd: projectRoot,
    env,
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

async function query(uri: string, cypher: string) {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", ""));
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
    expect(second).toMatchObject({ uri: first.uri, owned: false });
    await second.stop(); // not its server: a no-op
    expect(first.child.exitCode).toBeNull();

    first.child.kill("SIGINT");
    expect(await exitOf(first.child)).toBe(0);
    expect(fs.existsSync(stateFilePath(dataDir))).toBe(false);
    expect(first.stderr.join("\n")).toContain("Neo4j stopped");

    const again = await startNeo4jCommand();
    const records = await query(again.uri, "MATCH (s:Survivor) RETURN s.name AS name");
    expect(records.map((r) => r.get("name"))).toEqual(["Nghị quyết 26-NQ/TW"]);
    again.child.kill("SIGTERM");
    expect(await exitOf(again.child)).toBe(0);
  });
});
