import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/settings.js";
import { extractDocument } from "../../src/extract/index.js";

// The seed repeated until its JSON passes 1 MB: far more than a pipe's 64 KB buffer.
const seedFile = path.join(projectRoot, "seeds", "quang-ninh-2022-phuong-huong-nhiem-vu.txt");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-pipe-"));
const bigFile = path.join(dir, "big.txt");
const seed = fs.readFileSync(seedFile, "utf8");
fs.writeFileSync(bigFile, Array.from({ length: 40 }, () => seed).join("\n\n"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with stdout on a real pipe whose reader starts late and reads slowly. */
function runThroughSlowPipe(
  args: string[],
): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "bin", "cancu.mjs"), ...args], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // the reader is busy at first: the writer fills the pipe and must wait for it
    child.stdout.pause();
    setTimeout(() => {
      child.stdout.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 2);
      });
      child.stdout.resume();
    }, 1500);
    child.on("error", reject);
    const exited = new Promise<number | null>((done) => child.on("exit", done));
    child.stdout.on("end", () => {
      void exited.then((code) => resolve({ code, stdout: Buffer.concat(chunks), stderr }));
    });
  });
}

describe("command output through a pipe", () => {
  it("arrives whole: a JSON of over 1 MB from `cancu extract --json` to a slow reader", async () => {
    const expected = JSON.stringify(
      extractDocument(fs.readFileSync(bigFile, "utf8"), { sourceName: bigFile }),
      null,
      2,
    );
    expect(Buffer.byteLength(expected)).toBeGreaterThan(1_000_000);
    const run = await runThroughSlowPipe(["extract", bigFile, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // the extractor's JSON and, after it, the facts of the file it was read from (#18)
    const text = run.stdout.toString("utf8");
    expect(text.endsWith("}\n")).toBe(true);
    const { source, ...parsed } = JSON.parse(text) as { source: { mediaType: string; size: number } };
    expect(JSON.stringify(parsed, null, 2)).toBe(expected);
    expect(source).toMatchObject({ mediaType: "text/plain", size: fs.statSync(bigFile).size });
    expect(run.stdout.length).toBeGreaterThan(Buffer.byteLength(expected));
  });

  it("keeps the exit code of a failed command after its message", async () => {
    const run = await runThroughSlowPipe(["extract", path.join(dir, "missing.txt")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing\.txt: cannot read it/);
  });

  it("stops quietly when the reader goes away (EPIPE), with no stack trace", async () => {
    const child = spawn(
      process.execPath,
      [path.join(projectRoot, "bin", "cancu.mjs"), "extract", bigFile, "--json"],
      { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/\n\s+at |Error/);
    expect(code).toBe(0);
  });
});
