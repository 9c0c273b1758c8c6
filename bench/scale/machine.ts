/** What the numbers were measured on: hardware, runtimes, database version. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import type { Driver } from "neo4j-driver";
import { localNeo4jSettings } from "../../src/config/settings.js";
import { javaCommand } from "../../src/neo4j/neo4j-build.js";

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  ramGiB: number;
  os: string;
  node: string;
  java: string;
  neo4j: string;
  neo4jHeap: string;
  neo4jPageCache: string;
  /** 1-minute load average when the run started: a busy machine makes every number worse */
  loadAverageAtStart: number;
}

function javaVersion(): string {
  const result = spawnSync(javaCommand(localNeo4jSettings(process.env).javaHome), ["-version"], {
    encoding: "utf8",
  });
  // `java -version` writes to stderr: 'openjdk version "17.0.15" 2025-04-15' and two more lines
  const text = `${result.stderr ?? ""}${result.stdout ?? ""}`.trim();
  return text.split("\n").slice(0, 2).join("; ") || "unknown";
}

async function neo4jVersion(driver: Driver, database: string): Promise<string> {
  try {
    const { records } = await driver.executeQuery(
      "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition",
      {},
      { database },
    );
    const r = records[0];
    return r ? `${r.get("name")} ${r.get("version")} ${r.get("edition")}` : "unknown";
  } catch {
    return "unknown";
  }
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(fs.readFileSync("/etc/os-release", "utf8"))?.[1];
    return `${pretty ?? os.type()} (kernel ${os.release()})`;
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

export async function machineInfo(
  driver: Driver,
  database: string,
  memory: { heap: string; pageCache: string },
): Promise<MachineInfo> {
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    java: javaVersion(),
    neo4j: await neo4jVersion(driver, database),
    neo4jHeap: memory.heap,
    neo4jPageCache: memory.pageCache,
    loadAverageAtStart: os.loadavg()[0] ?? 0,
  };
}
