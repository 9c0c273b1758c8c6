import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import neo4j, { type Driver } from "neo4j-driver";
import { graphLines as wholeGraphLines } from "../../bench/graph-lines.js";
import { syntheticCorpus } from "../../bench/synthetic-corpus.js";
import { projectRoot } from "../../src/config/settings.js";

/**
 * The corpus a fault test loads: the real provincial resolutions of ../shared/corpus when that
 * folder stands beside the checkout (as in CI), else a synthetic corpus of the same size written to
 * a temporary folder. Both go through the real extractor and loader; the faults tested (a process
 * killed mid-run) do not depend on what the texts say.
 */
export function faultCorpus(): { dir: string; files: number; kind: string; cleanup(): void } {
  const real = path.join(projectRoot, "..", "shared", "corpus", "hdnd_resolutions");
  if (fs.existsSync(real)) {
    const files = fs.readdirSync(real).filter((name) => !name.startsWith(".")).length;
    return { dir: real, files, kind: "real (../shared/corpus/hdnd_resolutions)", cleanup: () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-fault-corpus-"));
  const documents = syntheticCorpus({ documents: 96, citationsPerTask: 0.3 });
  for (const document of documents) fs.writeFileSync(path.join(dir, `${document.name}.txt`), document.text);
  return {
    dir,
    files: documents.length,
    kind: "synthetic (no ../shared/corpus beside the checkout)",
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CliRun {
  child: ChildProcess;
  /** stderr and stdout lines as they come */
  lines: string[];
  /** resolves with the exit code (or the signal's name) once the process has ended */
  exited: Promise<number | string>;
  /** resolves when `count` progress lines (`[ n/N] …`) have been printed */
  progress(count: number): Promise<void>;
}

/** `cancu <args>` as a user runs it (bin/cancu.mjs), with `env` on top of this process's. */
export function runCli(args: string[], env: Record<string, string | undefined>): CliRun {
  const child = spawn(process.execPath, [path.join(projectRoot, "bin", "cancu.mjs"), ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let progressLines = 0;
  const onLine = (line: string) => {
    lines.push(line);
    if (/^\[\s*\d+\/\d+\]/.test(line)) progressLines += 1;
    for (const waiter of waiters.filter((w) => w.count <= progressLines)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  readline.createInterface({ input: child.stdout! }).on("line", onLine);
  readline.createInterface({ input: child.stderr! }).on("line", onLine);
  const exited = new Promise<number | string>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  return {
    child,
    lines,
    exited,
    progress: (count) =>
      new Promise<void>((resolve, reject) => {
        if (progressLines >= count) return resolve();
        waiters.push({ count, resolve });
        void exited.then(() =>
          reject(new Error(`cancu ended before ${count} progress lines:\n${lines.join("\n")}`)),
        );
      }),
  };
}

export function boltDriver(uri: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic("neo4j", password));
}

/** The whole graph (every node and relationship with its properties), one sorted line each. */
export async function graphLines(driver: Driver): Promise<string[]> {
  return (await wholeGraphLines(driver)).lines;
}

/**
 * What each ingested document holds: its source's SHA-256 and how many tasks, citations, targets,
 * named references and assignments hang from it. A document that was half-written would differ from
 * the same document in a clean load.
 */
export async function documentShapes(driver: Driver): Promise<Map<string, string>> {
  const { records } = await driver.executeQuery(`
    MATCH (d:Document {ingested: true})
    RETURN d.key AS key, d.sourceSha256 AS sha,
           COUNT { (d)<-[:IN_DOCUMENT]-(:Task) } AS tasks,
           COUNT { (d)<-[:IN_DOCUMENT]-(:Task)-[:IMPLEMENTS]->() } AS citations,
           COUNT { (d)<-[:IN_DOCUMENT]-(:Task)-[:REFERS_TO]->() } AS named,
           COUNT { (d)<-[:IN_DOCUMENT]-(:Task)-[:ASSIGNED_TO]->() } AS assignments,
           COUNT { (d)<-[:SET_BY]-(:Target) } AS targets,
           COUNT { (d)-[:CITES]->() } AS cites`);
  return new Map(
    records.map((r) => [
      r.get("key") as string,
      ["sha", "tasks", "citations", "named", "assignments", "targets", "cites"]
        .map((k) => `${k}=${String(r.get(k))}`)
        .join(" "),
    ]),
  );
}

/** Nodes the loader marks only inside its transaction: none may ever be committed. */
export async function pendingMarks(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery(
    "MATCH (d:Document) WHERE d.ingestPending IS NOT NULL OR d.ingestLock IS NOT NULL RETURN count(d) AS n",
  );
  return Number(records[0]!.get("n"));
}

export async function wipe(driver: Driver): Promise<void> {
  await driver.executeQuery("MATCH (n) WHERE NOT n:Migration DETACH DELETE n");
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
