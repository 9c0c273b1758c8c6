import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/settings.js";
import { TARGETS } from "../../bench/scale/contract.js";
import type { RunResults } from "../../bench/scale/results.js";

/**
 * `npm run bench -- --tiny` end to end, as a child process with its own Neo4j (benchGraph starts
 * one when CANCU_BENCH_NEO4J_URI is unset: the benchmark wipes its database, so it never gets the
 * test database). No timing is asserted: only that the harness runs through, every question and
 * target has numbers, and the three targets agreed on every answer.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-bench-run-"));
const out = path.join(dir, "RESULTS.md");
let exit: { code: number | null; stderr: string };
let report = "";
let results: RunResults;

beforeAll(async () => {
  const env = { ...process.env };
  delete env.CANCU_BENCH_NEO4J_URI;
  exit = await new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/run.ts", "--tiny", "--out", out], {
      cwd: projectRoot,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const stderr: string[] = [];
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
    child.on("exit", (code) => resolve({ code, stderr: stderr.join("") }));
  });
  if (fs.existsSync(out)) report = fs.readFileSync(out, "utf8");
  const jsonDir = path.join(dir, "results");
  const [json] = fs.existsSync(jsonDir) ? fs.readdirSync(jsonDir).filter((f) => f.endsWith(".json")) : [];
  if (json) results = JSON.parse(fs.readFileSync(path.join(jsonDir, json), "utf8")) as RunResults;
}, 240_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run bench -- --tiny", () => {
  it("exits 0 and writes the report and the raw JSON", () => {
    expect(exit.code, exit.stderr.slice(-3000)).toBe(0);
    expect(report).toMatch(/^# Scale benchmark/);
    expect(report).toContain("SYNTHETIC");
    expect(results?.sizes).toHaveLength(1);
    expect(results.sizes[0]!.status).toBe("done");
  });

  it("loaded a synthetic graph that the extractor reads as planned", () => {
    const size = results.sizes[0]!;
    expect(size.graph!.nodes).toBeGreaterThan(0);
    expect(size.load!.failed).toBe(0);
    expect(size.corpus!.recognition!.documentsWrong).toBe(0);
    expect(size.corpus!.partyDocuments).toBeGreaterThan(0);
    expect(size.corpus!.stateDocuments).toBeGreaterThan(0);
  });

  it("found the three targets in agreement before the load", () => {
    const size = results.sizes[0]!;
    expect(size.verification!.mismatches, size.verification!.details.join("\n")).toBe(0);
    expect(size.verification!.compared).toBeGreaterThan(0);
  });

  it("has numbers for every question, target and configuration, and no wrong answer under load", () => {
    const size = results.sizes[0]!;
    expect(results.questions.length).toBeGreaterThan(0);
    for (const question of results.questions) {
      for (const config of [...size.matrix.concurrencies.map((c) => `c${c}`), "open"]) {
        for (const target of TARGETS) {
          const runs = size.runs.filter(
            (r) => r.question === question.name && r.config === config && r.target === target,
          );
          const label = `${question.name} ${config} ${target}`;
          expect(runs.length, label).toBeGreaterThan(0);
          for (const { measurement: m } of runs) {
            expect(m.throughput, label).toBeGreaterThan(0);
            expect(Number.isFinite(m.latency.p50), label).toBe(true);
            expect(Number.isFinite(m.latency.p99), label).toBe(true);
            expect(m.non2xx, `${label}: ${m.firstBodyFailure}`).toBe(0);
            expect(m.bodyChecked, label).toBeGreaterThan(0);
            expect(m.bodyFailed, `${label}: ${m.firstBodyFailure}`).toBe(0);
          }
        }
      }
      expect(report).toContain(`| ${question.name}`);
    }
    for (const target of TARGETS) expect(report).toContain(`| ${target} |`);
    expect(report).toContain("## Goals");
  });
});
