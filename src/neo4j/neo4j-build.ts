import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { projectRoot } from "../config/settings.js";
import { UserFacingError } from "../config/user-facing-error.js";

/** The Maven project that fetches Neo4j's jars and compiles the launcher class. */
export const neo4jProjectDir = path.join(projectRoot, "neo4j");
const classpathFile = path.join(neo4jProjectDir, "target", "classpath.txt");
const launcherClass = path.join(neo4jProjectDir, "target", "classes", "cancu", "LocalNeo4j.class");
const pomFile = path.join(neo4jProjectDir, "pom.xml");
const launcherSource = path.join(neo4jProjectDir, "src", "main", "java", "cancu", "LocalNeo4j.java");

export class LocalNeo4jError extends UserFacingError {
  override name = "LocalNeo4jError";
}

export type Log = (line: string) => void;

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

// Maven rewrites each output only when its own input changed: compare them pairwise.
function isBuildCurrent(): boolean {
  if (mtime(classpathFile) < mtime(pomFile) || mtime(launcherClass) < mtime(launcherSource)) return false;
  return fs.readFileSync(classpathFile, "utf8").trim() !== "";
}

function requireTool(command: string, args: string[], hint: string): string {
  const probe = spawnSync(command, args, { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new LocalNeo4jError(`${command} was not found or failed to run. ${hint}`);
  }
  return `${probe.stdout}${probe.stderr}`;
}

function javaMajorVersion(versionOutput: string): number {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return 0;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** Java command to run Neo4j with: JAVA_HOME's (settings.javaHome) when set, else the one on PATH. Needs Java 17+. */
export function javaCommand(javaHome?: string): string {
  const java = javaHome ? path.join(javaHome, "bin", "java") : "java";
  const version = requireTool(
    java,
    ["-version"],
    "Install Java 17 or newer (Neo4j 5.26 runs on Java 17 and 21).",
  );
  if (javaMajorVersion(version) < 17) {
    throw new LocalNeo4jError(`Neo4j 5.26 needs Java 17 or newer; ${java} is: ${version.split("\n")[0]}`);
  }
  return java;
}

/**
 * Makes sure Neo4j's jars are in the local Maven cache and the launcher is compiled, and returns the
 * Java classpath. The first run downloads about 170 MB from Maven Central and says so; later runs
 * find everything current and return at once.
 */
export async function ensureNeo4jBuild(log: Log): Promise<string> {
  if (!isBuildCurrent()) {
    requireTool("mvn", ["-v"], "Install Apache Maven 3.6+ (it fetches Neo4j's jars from Maven Central).");
    log(
      "cancu: preparing the local Neo4j (Maven fetches Neo4j Community 5.26 jars on the first run; later runs reuse ~/.m2)",
    );
    await runMaven(log);
    if (!isBuildCurrent()) {
      throw new LocalNeo4jError(`Maven finished but ${path.relative(projectRoot, classpathFile)} is missing`);
    }
  }
  const dependencies = fs.readFileSync(classpathFile, "utf8").trim();
  return [path.join(neo4jProjectDir, "target", "classes"), dependencies].join(path.delimiter);
}

function runMaven(log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const maven = spawn("mvn", ["-B", "-f", path.join(neo4jProjectDir, "pom.xml"), "package"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tail: string[] = [];
    let fetched = 0;
    const lines = readline.createInterface({ input: maven.stdout });
    lines.on("line", (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const download = /^(?:\[INFO\] )?Downloaded from [^:]+: \S+\/([^/\s]+\.jar)/.exec(line);
      if (download) {
        fetched += 1;
        log(`  fetched ${download[1]}`);
      }
    });
    maven.stderr.on("data", (chunk: Buffer) => tail.push(chunk.toString()));
    maven.on("error", (error) => reject(new LocalNeo4jError(`could not run mvn: ${error.message}`)));
    maven.on("close", (code) => {
      if (code === 0) {
        if (fetched > 0) log(`cancu: fetched ${fetched} jars into the Maven cache`);
        resolve();
      } else {
        const errors = tail.filter((line) => line.includes("ERROR")).slice(0, 8);
        reject(
          new LocalNeo4jError(
            `Maven could not build the local Neo4j (exit ${code}).\n${(errors.length ? errors : tail.slice(-10)).join("\n")}`,
          ),
        );
      }
    });
  });
}
