import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { latestResultsFile, resultsReport, writeResultsReport } from "../../../bench/report.js";
import type { TargetName } from "../../../bench/scale/contract.js";
import type { RunRecord, RunResults } from "../../../bench/scale/results.js";

/** A small run: one size, two questions, closed loop at c=8, two trials of the three targets. */
const latency = (p50: number) => ({ count: 100, mean: p50, p50, p90: p50 * 2, p99: p50 * 3, max: p50 * 4 });
function run(
  question: string,
  traversal: boolean,
  trial: number,
  target: TargetName,
  rps: number,
  p50: number,
): RunRecord {
  return {
    question,
    traversal,
    config: "c8",
    concurrency: 8,
    rate: null,
    trial,
    order: 0,
    target,
    measurement: {
      seconds: 5,
      responses: rps * 5,
      throughput: rps,
      non2xx: 0,
      errors: 0,
      latency: latency(p50),
      hot: latency(p50),
      cold: latency(p50),
      bodyChecked: 20,
      bodyFailed: 0,
      firstBodyFailure: null,
      serverCpuMsPerRequest: 1,
      neo4jCpuMsPerRequest: 2,
    },
  };
}
// req/s per trial: drivers.d2 cancu 100 and 120 against the floor's 200 (0.50×, 0.60×), the peer's
// 50 and 60 (2.00×); document cancu 90 against the floor's 100 (0.90×) and the peer's 60 (1.50×)
const table: Array<[string, boolean, TargetName, [number, number], number]> = [
  ["drivers.d2", true, "cancu", [100, 120], 10],
  ["drivers.d2", true, "floor", [200, 200], 5],
  ["drivers.d2", true, "peer", [50, 60], 20],
  ["document", false, "cancu", [90, 90], 2],
  ["document", false, "floor", [100, 100], 2],
  ["document", false, "peer", [60, 60], 3],
];
const sample: RunResults = {
  kind: "cancu-scale-benchmark",
  synthetic: true,
  startedAt: "2026-11-27T03:06:18.000Z",
  finishedAt: "2026-11-27T03:56:18.000Z",
  command: "npm run bench -- --sizes 1e4 --trials 2",
  options: {
    sizes: [{ label: "1e4", targetNodes: 1e4, concurrencies: [8], openLoop: false }],
    matrix: "8",
    trials: 2,
    durationSeconds: 5,
    warmupSeconds: 1,
    gapMs: 100,
    openLoopFraction: 0.8,
    openLoopMode: "off",
    onMismatch: "abort",
    questions: null,
    seed: 6,
    hotPool: 5,
    coldPool: 20,
    checkEvery: 10,
    out: "bench/RESULTS.md",
    tiny: false,
    neo4jHeap: "2g",
    neo4jPageCache: "512m",
  },
  machine: {
    cores: 2,
    cpuModel: "Test CPU",
    ramGiB: 8,
    os: "Linux",
    node: "v20.0.0",
    java: "openjdk 17",
    neo4j: "Neo4j 5.26",
    neo4jHeap: "2g",
    neo4jPageCache: "512m",
    loadAverageAtStart: 0.5,
  },
  questions: [
    { name: "drivers.d2", traversal: true },
    { name: "document", traversal: false },
  ],
  sizes: [
    {
      label: "1e4",
      targetNodes: 1e4,
      status: "done",
      abortReason: null,
      corpus: null,
      load: {
        seconds: 10,
        documents: 100,
        failed: 0,
        firstFailures: [],
        relationships: 10_000,
        relationshipsPerSecond: 1000,
      },
      graph: { nodes: 10_000, relationships: 10_000, labels: { Document: 100 } },
      phases: { load: 10 },
      verification: { instances: 10, compared: 10, mismatches: 0, details: [] },
      skippedQuestions: [],
      excludedTargets: [],
      matrix: { concurrencies: [8], openLoop: "off", trials: 2, durationSeconds: 5 },
      openLoopRates: {},
      runs: table.flatMap(([question, traversal, target, [r1, r2], p50]) => [
        run(question, traversal, 1, target, r1, p50),
        run(question, traversal, 2, target, r2, p50),
      ]),
      peakRssMiB: { cancu: 100, floor: 80, peer: 150, neo4j: 1000 },
    },
  ],
  totalSeconds: 3000,
};
const json = "results/2026-11-27T03-06-18Z.json";

describe("bench/RESULTS.md, generated from the raw results", () => {
  const report = resultsReport(sample, json, null);

  it("gives each goal its worst cell and a verdict", () => {
    expect(report).toContain(
      "| cancu throughput ≥ 0.8× floor | 1e4 | worst 0.55× (drivers.d2, c=8) | **NOT MET** |",
    );
    expect(report).toContain(
      "| cancu p50 ≤ 1.25× floor on traversal questions | 1e4 | worst 2.00× (drivers.d2, c=8) | **NOT MET** |",
    );
    expect(report).toContain(
      "| cancu throughput ≥ 1.5× @neo4j/graphql on traversal questions | 1e4 | worst 2.00× (drivers.d2, c=8) | MET |",
    );
    expect(report).toContain(
      "| cancu throughput not behind @neo4j/graphql on any question (≥ 1.0×) | 1e4 | worst 1.50× (document, c=8) | MET |",
    );
    expect(report).toMatch(
      /\| cancu p99 < 50 ms at c=32 on the 10\^5 graph \| 1e5 \| not measured.* \| n\/a \|/,
    );
  });

  it("puts cancu, the floor and the peer side by side per size and question, with the paired ratios", () => {
    expect(report).toContain("## 1e4 nodes");
    expect(report).toContain("### closed loop, c=8");
    expect(report).toContain("| drivers.d2 (traversal) | cancu | 10.0 | 30.0 | 110 [100–120] |");
    expect(report).toContain("| drivers.d2 (traversal) | floor | 5.00 | 15.0 | 200 |");
    expect(report).toContain("| drivers.d2 (traversal) | peer | 20.0 | 60.0 | 55 [50–60] |");
    expect(report).toContain("| document | cancu | 2.00 | 6.00 | 90 |");
    // p50, p99 and req/s against the floor, then p50 and req/s against the peer
    expect(report).toContain("| drivers.d2 | 2.00× | 2.00× | 0.55× [0.50×–0.60×] | 0.50× | 2.00× |");
    expect(report).toContain("| document | 1.00× | 1.00× | 0.90× | 0.67× | 1.50× |");
  });

  it("names the machine and links the raw numbers", () => {
    expect(report).toContain("- 2 cores, Test CPU, 8 GiB RAM, Linux");
    expect(report).toContain(`[\`${json}\`](${json})`);
    expect(report).toContain("Generated by `npm run bench -- --sizes 1e4 --trials 2` on 2026-11-27");
  });

  it("appends the conclusion, and flags one written for another run", () => {
    const mine = resultsReport(
      sample,
      json,
      "## Conclusion (for the run of 2026-11-27T03-06-18Z)\n\nFine.\n",
    );
    expect(mine.endsWith("## Conclusion (for the run of 2026-11-27T03-06-18Z)\n\nFine.\n")).toBe(true);
    expect(mine).not.toContain("not for this one");
    const old = resultsReport(sample, json, "## Conclusion (for the run of 2026-11-26T18-12-09Z)\n");
    expect(old).toContain(
      "written for the run of 2026-11-26T18-12-09Z, not for this one (2026-11-27T03-06-18Z)",
    );
  });
});

describe("bench/report.ts on a folder", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-report-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("takes the latest results file and the conclusion beside the report", () => {
    fs.mkdirSync(path.join(dir, "results"));
    for (const stamp of ["2026-11-26T18-12-09Z", "2026-11-27T03-06-18Z", "2026-11-26T19-59-17Z"])
      fs.writeFileSync(path.join(dir, "results", `${stamp}.json`), JSON.stringify(sample));
    fs.writeFileSync(path.join(dir, "results", "notes.json"), "{}");
    fs.writeFileSync(path.join(dir, "RESULTS-CONCLUSION.md"), "## Conclusion\n\nBy hand.\n");
    const latest = latestResultsFile(path.join(dir, "results"));
    expect(latest).toBe(path.join(dir, "results", "2026-11-27T03-06-18Z.json"));
    writeResultsReport(latest!, path.join(dir, "RESULTS.md"));
    const written = fs.readFileSync(path.join(dir, "RESULTS.md"), "utf8");
    expect(written).toMatch(/^# Scale benchmark/);
    expect(written).toContain("[`results/2026-11-27T03-06-18Z.json`](results/2026-11-27T03-06-18Z.json)");
    expect(written.endsWith("## Conclusion\n\nBy hand.\n")).toBe(true);
    expect(latestResultsFile(path.join(dir, "missing"))).toBeNull();
  });
});
