/**
 * How the three targets are started: each its own Node process (so its peak RSS is its own), TypeScript
 * through tsx, configured by environment (NEO4J_URI, NEO4J_DATABASE, NEO4J_USER/NEO4J_PASSWORD, PORT,
 * HOST); each prints `READY <port>` and stops on SIGTERM, SIGINT or the end of a piped stdin.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import readline from "node:readline";
import { projectRoot } from "../../src/config/settings.js";
import { TARGETS, type ServerLaunch, type TargetName } from "./contract.js";

const serverFile = (target: TargetName) => fileURLToPath(new URL(`./${target}-server.ts`, import.meta.url));

export const launches: ServerLaunch[] = TARGETS.map((target) => ({
  target,
  nodeArgs: ["--import", "tsx", serverFile(target)],
  // as each would be deployed, and as `cancu serve` runs: production mode (source maps are off in
  // all three too, see server-common.ts)
  env: { NODE_ENV: "production" },
}));

export interface LaunchedServer {
  target: TargetName;
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** the last lines of its stderr */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `graceMs` */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts one target and waits for its READY line. Its stdin is a pipe that this process holds: if
 * this process dies, the server sees the end of stdin and stops.
 */
export function startLaunch(
  launch: ServerLaunch,
  env: Record<string, string>,
  readyTimeoutMs = 120_000,
): Promise<LaunchedServer> {
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the servers
  // (Node refuses --cpu-prof in NODE_OPTIONS)
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter((a) => a !== "");
  const child = spawn(process.execPath, [...extra, ...launch.nodeArgs], {
    cwd: projectRoot,
    env: { ...process.env, ...launch.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: string[] = [];
  readline.createInterface({ input: child.stderr! }).on("line", (line) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.kill("SIGTERM");
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop(0);
      reject(new Error(`${launch.target} server ${why}:\n${lines.join("\n")}`));
    };
    const timer = setTimeout(() => fail(`printed no READY line within ${readyTimeoutMs} ms`), readyTimeoutMs);
    const early = (code: number | null, signal: string | null) =>
      fail(`exited (${signal ?? code}) before READY`);
    child.once("exit", early);
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const ready = /^READY (\d+)$/.exec(line.trim());
      if (!ready) return;
      clearTimeout(timer);
      child.off("exit", early);
      resolve({
        target: launch.target,
        url: `http://127.0.0.1:${ready[1]}`,
        pid: child.pid!,
        stderr: () => lines.join("\n"),
        stop,
      });
    });
  });
}
