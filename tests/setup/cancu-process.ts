import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { projectRoot } from "../../src/config/settings.js";
import { testEnv } from "./neo4j-context.js";

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: string[];
  stop(): Promise<number | null>;
}

/** Starts `cancu serve` as a user would (bin/cancu.mjs), on a free port, against the test Neo4j. */
export async function startCancuServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [path.join(projectRoot, "bin", "cancu.mjs"), "serve"], {
    cwd: projectRoot,
    env: testEnv({ PORT: "0", ...extraEnv }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  readline.createInterface({ input: child.stderr! }).on("line", (line) => output.push(line));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`cancu serve did not start:\n${output.join("\n")}`)),
      120_000,
    );
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      output.push(line);
      const ready = /ready at (http:\/\/\S+\/graphql)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`cancu serve exited with ${code}:\n${output.join("\n")}`));
    });
  });
  return {
    url,
    process: child,
    output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}

export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: {
    data?: Record<string, unknown>;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
}> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never };
}
