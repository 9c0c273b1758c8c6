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

/**
 * One real Neo4j for the whole run: NEO4J_URI when set (nothing is started then), else a local
 * embedded one on a fresh temporary store, stopped and removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    project.provide("neo4j", {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER || "neo4j",
      password: process.env.NEO4J_PASSWORD || "",
      database: process.env.NEO4J_DATABASE || "neo4j",
    });
    return async () => {};
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-test-neo4j-"));
  const handle = await startLocalNeo4j({ kind: "local", dataDir, port: 0, database: "neo4j" }, (line) =>
    process.stderr.write(`${line}\n`),
  );
  // the local server runs with authentication: its user and the store's random password
  project.provide("neo4j", {
    uri: handle.uri,
    user: handle.user,
    password: handle.password,
    database: "neo4j",
    dataDir,
  });
  return async () => {
    await handle.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
