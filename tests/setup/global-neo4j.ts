import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalNeo4j } from "../../src/neo4j/local-neo4j.js";
import type { TestNeo4j } from "./neo4j-context.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

/** What the projects of one run share: the database, and how many projects still use it. */
interface Shared {
  neo4j: Promise<{ context: TestNeo4j; stop: () => Promise<void> }>;
  users: number;
}

// Each project loads this file through its own module runner, so module state is not shared
// between projects; the main process's globalThis is.
const sharedKey = Symbol.for("cancu.tests.global-neo4j");
const holder = globalThis as { [sharedKey]?: Shared };

async function start(): Promise<{ context: TestNeo4j; stop: () => Promise<void> }> {
  if (process.env.NEO4J_URI) {
    return {
      context: {
        uri: process.env.NEO4J_URI,
        user: process.env.NEO4J_USER || "neo4j",
        password: process.env.NEO4J_PASSWORD || "",
        database: process.env.NEO4J_DATABASE || "neo4j",
      },
      stop: async () => {},
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-test-neo4j-"));
  const handle = await startLocalNeo4j({ kind: "local", dataDir, port: 0, database: "neo4j" }, (line) =>
    process.stderr.write(`${line}\n`),
  );
  return {
    // the local server runs with authentication: its user and the store's random password
    context: { uri: handle.uri, user: handle.user, password: handle.password, database: "neo4j", dataDir },
    stop: async () => {
      await handle.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One real Neo4j for the projects that need it (integration and e2e; unit tests start none and
 * need no Java): NEO4J_URI when set (nothing is started then), else a local embedded one on a
 * fresh temporary store. The first project of a run starts it, the others reuse it, and the last
 * one's teardown stops it and removes the store.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (holder[sharedKey] ??= { neo4j: start(), users: 0 });
  shared.users += 1;
  let neo4j;
  try {
    neo4j = await shared.neo4j;
  } catch (error) {
    shared.users -= 1;
    if (shared.users === 0) delete holder[sharedKey];
    throw error;
  }
  project.provide("neo4j", neo4j.context);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder[sharedKey];
    await neo4j.stop();
  };
}
