import { spawn, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import neo4j from "neo4j-driver";
import { localNeo4jDefaults, type LocalNeo4jSettings } from "../config/settings.js";
import { ensureNeo4jBuild, javaCommand, LocalNeo4jError, type Log } from "./neo4j-build.js";

export { LocalNeo4jError } from "./neo4j-build.js";

/** How an owned Neo4j's JVM ended when nobody asked it to. */
export interface Neo4jExit {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** "killed by SIGKILL", "exit code 2: cancu-neo4j error: …" */
  reason: string;
}

/**
 * What the watch on an owned Neo4j reports: `down` when its JVM exits unexpectedly, `restarted` when
 * a new one answers on the same port and store, `gaveUp` when the restarts allowed are spent (the
 * database stays down; a service should exit non-zero so that its supervisor can act).
 * A reused server (another process owns it) reports nothing: its owner watches it.
 */
export type LocalNeo4jEvents = {
  down: [exit: Neo4jExit];
  restarted: [info: { pid: number; uri: string; restart: number }];
  gaveUp: [info: { reason: string }];
};

/** A running local Neo4j: started by this process (`owned`) or found running and reused. */
export interface LocalNeo4jHandle extends EventEmitter<LocalNeo4jEvents> {
  uri: string;
  owned: boolean;
  /** the JVM's pid (a new one after a restart) */
  readonly pid: number;
  /** credentials of the local server: the user neo4j and the store's random password */
  user: string;
  password: string;
  /** Stops the server when this process started it (clean shutdown, waits for it); a no-op otherwise. */
  stop(): Promise<void>;
}

/** How often an owned Neo4j that died is started again before the watch gives up. */
export interface RestartPolicy {
  /** restarts allowed within `windowMs` (0: none) */
  maxRestarts: number;
  windowMs: number;
}

export interface StartOptions {
  /** default: settings.maxRestarts (CANCU_NEO4J_RESTARTS) within 5 minutes to serve, none for a bulk load */
  restarts?: Partial<RestartPolicy>;
}

interface StateFile {
  pid: number;
  boltUri: string;
  user: string;
  password: string;
}

interface Credentials {
  user: string;
  password: string;
}

const readyLine = /^cancu-neo4j ready (bolt:\/\/\S+)/;
const startTimeoutMs = 180_000;
const stopTimeoutMs = 60_000;
const defaultRestartWindowMs = 5 * 60_000;
const maxBackoffMs = 10_000;

export function stateFilePath(dataDir: string): string {
  return path.join(dataDir, "cancu-neo4j.json");
}

/** The password of the local server's user neo4j (mode 0600, written by the launcher). */
export function passwordFilePath(dataDir: string): string {
  return path.join(dataDir, "cancu-neo4j-password");
}

function readState(dataDir: string): StateFile | null {
  try {
    const state = JSON.parse(fs.readFileSync(stateFilePath(dataDir), "utf8")) as Partial<StateFile>;
    return typeof state.pid === "number" &&
      typeof state.boltUri === "string" &&
      typeof state.password === "string"
      ? { pid: state.pid, boltUri: state.boltUri, user: state.user ?? "neo4j", password: state.password }
      : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether a Bolt server answers at `uri` and accepts these credentials. */
export async function boltAnswers(uri: string, credentials: Credentials, timeoutMs = 3000): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(credentials.user, credentials.password), {
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
  return (await boltAnswers(state.boltUri, state)) ? state : null;
}

class ReusedNeo4j extends EventEmitter<LocalNeo4jEvents> implements LocalNeo4jHandle {
  readonly owned = false;
  readonly uri: string;
  readonly pid: number;
  readonly user: string;
  readonly password: string;
  constructor(state: StateFile) {
    super();
    this.uri = state.boltUri;
    this.pid = state.pid;
    this.user = state.user;
    this.password = state.password;
  }
  async stop(): Promise<void> {}
}

/**
 * What a local Neo4j is started for, which picks its garbage collector (see jvmOptions) and whether
 * it is restarted when it dies: `serve` answers the API (short pauses matter; restarted), `load` is a
 * bulk load that ends with the process (`cancu ingest`: throughput matters; not restarted, the
 * ingest stops and is run again).
 */
export type Neo4jWorkload = "serve" | "load";

/**
 * Starts the embedded Neo4j on 127.0.0.1 with its store in `settings.dataDir`, set up for
 * `workload`, or connects to the one that another cancu process already runs there, as it was set
 * up (the store lock allows a single owner). An owned server is watched: see LocalNeo4jEvents.
 */
export async function startLocalNeo4j(
  settings: LocalNeo4jSettings,
  log: Log,
  workload: Neo4jWorkload = "serve",
  options: StartOptions = {},
): Promise<LocalNeo4jHandle> {
  const policy = restartPolicy(workload, options, settings.maxRestarts);
  const running = await findRunning(settings.dataDir);
  if (running) {
    log(`cancu: using the local Neo4j already running at ${running.boltUri} (pid ${running.pid})`);
    return new ReusedNeo4j(running);
  }
  fs.mkdirSync(settings.dataDir, { recursive: true });
  fs.rmSync(stateFilePath(settings.dataDir), { force: true });
  const classpath = await ensureNeo4jBuild(log);
  log(
    `cancu: starting Neo4j with its data in ${settings.dataDir}${workload === "load" ? " (set up for a bulk load: parallel garbage collector)" : ""}`,
  );
  const launch = (port: number) => launchJvm(classpath, settings, port, workload);
  const jvm = launch(settings.port);
  try {
    const uri = await jvm.ready;
    const state = readState(settings.dataDir);
    if (!state)
      throw new LocalNeo4jError(
        `Neo4j started but wrote no credentials to ${stateFilePath(settings.dataDir)}`,
      );
    log(`cancu: Neo4j is ready at ${uri}`);
    return new OwnedNeo4j(uri, state, jvm, launch, policy, log, settings.dataDir);
  } catch (error) {
    // Another process may have won the race for the store lock: use its server.
    const other = await waitForOther(settings.dataDir);
    if (other) {
      log(`cancu: using the local Neo4j that another process started at ${other.boltUri}`);
      return new ReusedNeo4j(other);
    }
    throw error;
  }
}

/**
 * The restart policy for a workload: options, else the settings' restarts (CANCU_NEO4J_RESTARTS) to
 * serve; a bulk load is never restarted.
 */
export function restartPolicy(
  workload: Neo4jWorkload,
  options: StartOptions = {},
  configured: number = localNeo4jDefaults.maxRestarts,
): RestartPolicy {
  return {
    maxRestarts: options.restarts?.maxRestarts ?? (workload === "load" ? 0 : configured),
    windowMs: options.restarts?.windowMs ?? defaultRestartWindowMs,
  };
}

/** A launched JVM: the child, the last lines of its stderr, and its Bolt URI once it is ready. */
interface Jvm {
  child: ChildProcess;
  ready: Promise<string>;
  /** the launcher's own error lines, or the last lines of stderr */
  reason(): string;
}

function launchJvm(
  classpath: string,
  settings: LocalNeo4jSettings,
  port: number,
  workload: Neo4jWorkload,
): Jvm {
  const { dataDir } = settings;
  const child = spawn(
    javaCommand(settings.javaHome),
    [
      `-Xmx${settings.heap ?? localNeo4jDefaults.heap}`,
      ...jvmOptions(settings.jvmOptions, workload),
      "-cp",
      classpath,
      "cancu.LocalNeo4j",
      "--data-dir",
      dataDir,
      "--port",
      String(port),
      "--state-file",
      stateFilePath(dataDir),
      "--page-cache",
      settings.pageCache ?? localNeo4jDefaults.pageCache,
      "--exit-on-stdin-eof",
      ...extraSettingArgs(settings.extraSettings ?? []),
    ],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  const stderr: string[] = [];
  readline.createInterface({ input: child.stderr! }).on("line", (line) => {
    stderr.push(line);
    if (stderr.length > 40) stderr.shift();
  });
  const reason = () => {
    const own = stderr.filter((line) => line.startsWith("cancu-neo4j error"));
    return (own.length > 0 ? own : stderr.filter((line) => line.trim() !== "").slice(-3)).join("\n");
  };
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new LocalNeo4jError(`Neo4j did not become ready within ${startTimeoutMs / 1000} s`));
    }, startTimeoutMs);
    // stdout is read to its end (a full pipe would block the JVM); only the ready line matters
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = readyLine.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`could not start Java: ${error.message}`));
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      afterOutput(child, () =>
        reject(new LocalNeo4jError(reason() || `Neo4j ${describeExit(code, signal)} before it was ready`)),
      );
    });
  });
  // a rejection nobody awaits (the JVM died after it was ready) is not an error of its own
  ready.catch(() => {});
  return { child, ready, reason };
}

/** Runs `then` once an exited child's output has been read (its last lines explain the exit). */
function afterOutput(child: ChildProcess, then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    then();
  };
  const timer = setTimeout(once, 1000);
  child.once("close", once);
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

/**
 * The Neo4j this process started, watched: when its JVM exits without stop() (killed, crashed), it is
 * started again on the same port and store, after 1, 2, 4… s, at most `policy.maxRestarts` times within
 * `policy.windowMs`; a start that fails counts as a try. The same URI and password serve again, so a
 * driver that kept its pool reconnects by itself.
 */
class OwnedNeo4j extends EventEmitter<LocalNeo4jEvents> implements LocalNeo4jHandle {
  readonly owned = true;
  readonly user: string;
  readonly password: string;
  private jvm: Jvm;
  private stopping = false;
  private restartTimes: number[] = [];
  private cancelWait: (() => void) | null = null;
  private readonly port: number;

  constructor(
    readonly uri: string,
    credentials: Credentials,
    jvm: Jvm,
    private readonly launch: (port: number) => Jvm,
    private readonly policy: RestartPolicy,
    private readonly log: Log,
    private readonly dataDir: string,
  ) {
    super();
    this.user = credentials.user;
    this.password = credentials.password;
    this.port = Number(new URL(uri).port);
    this.jvm = jvm;
    this.watch(jvm);
  }

  get pid(): number {
    return this.jvm.child.pid ?? -1;
  }

  private watch(jvm: Jvm): void {
    const exited = (code: number | null, signal: NodeJS.Signals | null) => {
      if (this.stopping || jvm !== this.jvm) return;
      const pid = jvm.child.pid ?? -1;
      afterOutput(jvm.child, () => {
        const detail = jvm.reason();
        const exit: Neo4jExit = {
          pid,
          code,
          signal,
          reason: `${signal ? `killed by ${signal}` : `exit code ${code}`}${detail ? `: ${detail}` : ""}`,
        };
        this.log(`cancu: Neo4j (pid ${pid}) stopped unexpectedly (${exit.reason})`);
        this.emit("down", exit);
        void this.recover(exit.reason);
      });
    };
    const { child } = jvm;
    if (child.exitCode !== null || child.signalCode !== null) exited(child.exitCode, child.signalCode);
    else child.once("exit", exited);
  }

  /** Starts the JVM again until one is ready or the policy says stop; then reports which. */
  private async recover(lastReason: string): Promise<void> {
    let reason = lastReason;
    for (;;) {
      if (this.stopping) return;
      const now = Date.now();
      this.restartTimes = this.restartTimes.filter((at) => now - at < this.policy.windowMs);
      if (this.restartTimes.length >= this.policy.maxRestarts) {
        const tried =
          this.policy.maxRestarts === 0
            ? "no restart allowed"
            : `${this.policy.maxRestarts} restart${this.policy.maxRestarts === 1 ? "" : "s"} within ${Math.round(this.policy.windowMs / 1000)} s already tried`;
        this.log(`cancu: Neo4j is down and stays down (${tried}); last reason: ${reason}`);
        this.emit("gaveUp", { reason: `Neo4j is down (${reason}); ${tried}` });
        return;
      }
      const backoff = Math.min(1000 * 2 ** this.restartTimes.length, maxBackoffMs);
      this.restartTimes.push(now);
      const restart = this.restartTimes.length;
      this.log(
        `cancu: restarting Neo4j on port ${this.port} in ${backoff / 1000} s (restart ${restart} of at most ${this.policy.maxRestarts} within ${Math.round(this.policy.windowMs / 1000)} s)`,
      );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        this.cancelWait = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.cancelWait = null;
      if (this.stopping) return;
      // the dead JVM's state file names a dead pid: nobody must try to reuse it
      fs.rmSync(stateFilePath(this.dataDir), { force: true });
      let jvm: Jvm;
      try {
        jvm = this.launch(this.port);
      } catch (error) {
        reason = (error as Error).message;
        continue;
      }
      this.jvm = jvm;
      try {
        const uri = await jvm.ready;
        if (this.stopping) return;
        this.watch(jvm);
        this.log(`cancu: Neo4j is back at ${uri} (pid ${this.pid})`);
        this.emit("restarted", { pid: this.pid, uri, restart });
        return;
      } catch (error) {
        if (this.stopping) return;
        reason = (error as Error).message;
        this.log(`cancu: Neo4j did not start again: ${reason}`);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.cancelWait?.();
    await stopChild(this.jvm.child);
  }
}

async function waitForOther(dataDir: string): Promise<StateFile | null> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const state = readState(dataDir);
    if (state && isAlive(state.pid)) {
      if (await boltAnswers(state.boltUri, state)) return state;
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
 * The JVM's options besides the heap: those given (CANCU_NEO4J_JVM_OPTS) replace the default, whose
 * collector depends on the workload (bench/INGEST.md, item 12):
 * - serve: G1, whose pauses stay short under the API's load (the parallel collector's full
 *   collections after large traversals stall requests).
 * - load: the parallel collector, which spends less Neo4j CPU per document on a bulk load; its
 *   pauses only delay the load.
 */
export function jvmOptions(
  given: readonly string[] | undefined,
  workload: Neo4jWorkload = "serve",
): string[] {
  if (given && given.length > 0) return [...given];
  return workload === "load" ? ["-XX:+UseParallelGC"] : ["-XX:+UseG1GC"];
}

/** Any other Neo4j setting for the local server (CANCU_NEO4J_SETTINGS), as the launcher takes them. */
export function extraSettingArgs(pairs: readonly string[]): string[] {
  return pairs.flatMap((pair) => ["--setting", pair]);
}
