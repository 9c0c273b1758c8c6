import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import neo4j from "neo4j-driver";
import type { LocalNeo4jSettings } from "../config/settings.js";
import { ensureNeo4jBuild, javaCommand, LocalNeo4jError, type Log } from "./neo4j-build.js";

export { LocalNeo4jError } from "./neo4j-build.js";

/** A running local Neo4j: started by this process (`owned`) or found running and reused. */
export interface LocalNeo4jHandle {
  uri: string;
  owned: boolean;
  pid: number;
  /** Stops the server when this process started it (clean shutdown, waits for it); a no-op otherwise. */
  stop(): Promise<void>;
}

interface StateFile {
  pid: number;
  boltUri: string;
}

const readyLine = /^cancu-neo4j ready (bolt:\/\/\S+)/;
const startTimeoutMs = 180_000;
const stopTimeoutMs = 60_000;

export function stateFilePath(dataDir: string): string {
  return path.join(dataDir, "cancu-neo4j.json");
}

function readState(dataDir: string): StateFile | null {
  try {
    const state = JSON.parse(fs.readFileSync(stateFilePath(dataDir), "utf8")) as Partial<StateFile>;
    return typeof state.pid === "number" && typeof state.boltUri === "string"
      ? { pid: state.pid, boltUri: state.boltUri }
      : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function boltAnswers(uri: string, timeoutMs = 3000): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", ""), {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

/** The server another process runs on this data folder, if it is alive and answers. */
async function findRunning(dataDir: string): Promise<StateFile | null> {
  const state = readState(dataDir);
  if (!state || !isAlive(state.pid)) return null;
  return (await boltAnswers(state.boltUri)) ? state : null;
}

function reused(state: StateFile): LocalNeo4jHandle {
  return { uri: state.boltUri, owned: false, pid: state.pid, stop: async () => {} };
}

/**
 * What a local Neo4j is started for, which picks its garbage collector (see jvmOptions): `serve`
 * answers the API (short pauses matter), `load` is a bulk load that ends with the process
 * (`cancu ingest`: throughput matters).
 */
export type Neo4jWorkload = "serve" | "load";

/**
 * Starts the embedded Neo4j on 127.0.0.1 with its store in `settings.dataDir`, set up for
 * `workload`, or connects to the one that another cancu process already runs there, as it was set
 * up (the store lock allows a single owner).
 */
export async function startLocalNeo4j(
  settings: LocalNeo4jSettings,
  log: Log,
  workload: Neo4jWorkload = "serve",
): Promise<LocalNeo4jHandle> {
  const running = await findRunning(settings.dataDir);
  if (running) {
    log(`cancu: using the local Neo4j already running at ${running.boltUri} (pid ${running.pid})`);
    return reused(running);
  }
  fs.mkdirSync(settings.dataDir, { recursive: true });
  fs.rmSync(stateFilePath(settings.dataDir), { force: true });
  const classpath = await ensureNeo4jBuild(log);
  log(
    `cancu: starting Neo4j with its data in ${settings.dataDir}${workload === "load" ? " (set up for a bulk load: parallel garbage collector)" : ""}`,
  );
  const child = spawn(
    javaCommand(),
    [
      `-Xmx${process.env.CANCU_NEO4J_HEAP || "2g"}`,
      ...jvmOptions(process.env.CANCU_NEO4J_JVM_OPTS, workload),
      "-cp",
      classpath,
      "cancu.LocalNeo4j",
      "--data-dir",
      settings.dataDir,
      "--port",
      String(settings.port),
      "--state-file",
      stateFilePath(settings.dataDir),
      "--page-cache",
      process.env.CANCU_NEO4J_PAGE_CACHE || "512m",
      "--exit-on-stdin-eof",
      ...extraSettingArgs(process.env.CANCU_NEO4J_SETTINGS),
    ],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  try {
    const uri = await waitUntilReady(child);
    log(`cancu: Neo4j is ready at ${uri}`);
    return { uri, owned: true, pid: child.pid ?? -1, stop: () => stopChild(child) };
  } catch (error) {
    // Another process may have won the race for the store lock: use its server.
    const other = await waitForOther(settings.dataDir);
    if (other) {
      log(`cancu: using the local Neo4j that another process started at ${other.boltUri}`);
      return reused(other);
    }
    throw error;
  }
}

function waitUntilReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const stderr: string[] = [];
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new LocalNeo4jError(`Neo4j did not become ready within ${startTimeoutMs / 1000} s`));
    }, startTimeoutMs);
    child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const ready = readyLine.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`could not start Java: ${error.message}`));
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      const reason = stderr
        .join("")
        .split("\n")
        .filter((line) => line.startsWith("cancu-neo4j error"))
        .join("\n");
      reject(new LocalNeo4jError(reason || `Neo4j exited with code ${code} before it was ready`));
    });
  });
}

async function waitForOther(dataDir: string): Promise<StateFile | null> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const state = readState(dataDir);
    if (state && isAlive(state.pid)) {
      if (await boltAnswers(state.boltUri)) return state;
    } else if (!state) {
      return null;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
    }, stopTimeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * The JVM's options besides the heap; CANCU_NEO4J_JVM_OPTS (space-separated) replaces the default.
 * The default collector depends on the workload, both measured on this 2-core machine
 * (bench/INGEST.md, item 12):
 * - serve: G1. Under the scale benchmark's API load the parallel collector paused the server for
 *   up to 4 s (full collections after the large traversals); G1's longest pause was 0.5 s.
 * - load: the parallel collector. A bulk load spends a third less Neo4j CPU per document with it
 *   (G1's concurrent work and barriers), about +30 % relationships/s; its pauses only delay the load.
 */
export function jvmOptions(raw: string | undefined, workload: Neo4jWorkload = "serve"): string[] {
  const given = (raw ?? "").split(/\s+/).filter((option) => option !== "");
  if (given.length > 0) return given;
  return workload === "load" ? ["-XX:+UseParallelGC"] : ["-XX:+UseG1GC"];
}

/** CANCU_NEO4J_SETTINGS="name=value;name=value": any other Neo4j setting for the local server. */

export function extraSettingArgs(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(/[;\n]/)
    .map((pair) => pair.trim())
    .filter((pair) => pair !== "")
    .flatMap((pair) => ["--setting", pair]);
}
