import type { IngestTimings } from "../../src/graph/ingest-many.js";
/**
 * The raw record of a run (written as JSON to bench/results/<date>.json) and the summaries the
 * report is made of. Every measured run is kept; medians, spreads and ratios are derived here.
 */
import type { TargetName } from "./contract.js";
import type { MachineInfo } from "./machine.js";
import type { OpenLoopMode, RunOptions } from "./options.js";
import { spread, type Spread } from "./stats.js";
import type { TrialMeasurement } from "./workload.js";

/** "c8" for a closed loop at concurrency 8, "open" for the open-loop run */
export type ConfigName = `c${number}` | "open";

export interface RunRecord {
  question: string;
  traversal: boolean;
  config: ConfigName;
  /** closed loop: connections; open loop: requests per second asked for */
  concurrency: number | null;
  rate: number | null;
  trial: number;
  /** position of this target in the trial's seeded order (0, 1, 2) */
  order: number;
  target: TargetName;
  measurement: TrialMeasurement;
}

export interface RecognitionCheck {
  documents: number;
  documentsWrong: number;
  citationsPlanted: number;
  citationsFound: number;
  failures: string[];
}

export interface SkippedQuestion {
  question: string;
  traversal: boolean;
  reason: "answers differ" | "cancu failed" | "no instances";
  /** instances concerned (the check stops early) */
  count: number;
  first: string;
}

export interface SizeResult {
  label: string;
  targetNodes: number;
  status: "done" | "aborted";
  abortReason: string | null;
  corpus: {
    documents: number;
    citations: number;
    estimatedNodes: number;
    externalDocuments: number;
    hubs: string[];
    partyDocuments: number;
    stateDocuments: number;
    recognition: RecognitionCheck | null;
  } | null;
  load: {
    seconds: number;
    documents: number;
    failed: number;
    firstFailures: string[];
    relationships: number;
    relationshipsPerSecond: number;
    /** where the loader's time went (ingest-many.ts); absent in runs before #21 */
    timings?: IngestTimings;
  } | null;
  graph: { nodes: number; relationships: number; labels: Record<string, number> } | null;
  /** wall-clock seconds of each phase */
  phases: Record<string, number>;
  verification: { instances: number; compared: number; mismatches: number; details: string[] } | null;
  /** questions left out of the matrix: cancu gave no answer, or (--on-mismatch skip) answers differed */
  skippedQuestions: SkippedQuestion[];
  /** targets left out of one question because they gave no answer (an error, the read timeout) */
  excludedTargets: Array<{
    question: string;
    traversal: boolean;
    target: TargetName;
    instances: number;
    first: string;
  }>;
  matrix: { concurrencies: number[]; openLoop: OpenLoopMode; trials: number; durationSeconds: number };
  /** open-loop rate per question and target: openLoopFraction × peak closed-loop throughput */
  openLoopRates: Record<string, Partial<Record<TargetName, number>>>;
  runs: RunRecord[];
  /** VmHWM of each server process over this size (MiB); neo4j: its JVM, reset at the start of the size */
  peakRssMiB: Partial<Record<TargetName | "neo4j", number | null>>;
}

export interface RunResults {
  kind: "cancu-scale-benchmark";
  synthetic: true;
  startedAt: string;
  finishedAt: string | null;
  command: string;
  options: RunOptions;
  machine: MachineInfo | null;
  questions: Array<{ name: string; traversal: boolean }>;
  sizes: SizeResult[];
  totalSeconds: number;
}

export interface CellSummary {
  p50: Spread;
  p99: Spread;
  throughput: Spread;
  hotP50: Spread;
  coldP50: Spread;
  serverCpu: Spread;
  neo4jCpu: Spread;
  non2xx: number;
  errors: number;
  bodyChecked: number;
  bodyFailed: number;
  trials: number;
}

export function runsOf(
  size: SizeResult,
  question: string,
  config: ConfigName,
  target?: TargetName,
): RunRecord[] {
  return size.runs.filter(
    (r) => r.question === question && r.config === config && (target === undefined || r.target === target),
  );
}

export function cellSummary(runs: readonly RunRecord[]): CellSummary {
  const m = runs.map((r) => r.measurement);
  return {
    p50: spread(m.map((x) => x.latency.p50)),
    p99: spread(m.map((x) => x.latency.p99)),
    throughput: spread(m.map((x) => x.throughput)),
    hotP50: spread(m.map((x) => x.hot.p50)),
    coldP50: spread(m.map((x) => x.cold.p50)),
    serverCpu: spread(m.map((x) => x.serverCpuMsPerRequest ?? Number.NaN)),
    neo4jCpu: spread(m.map((x) => x.neo4jCpuMsPerRequest ?? Number.NaN)),
    non2xx: m.reduce((n, x) => n + x.non2xx, 0),
    errors: m.reduce((n, x) => n + x.errors, 0),
    bodyChecked: m.reduce((n, x) => n + x.bodyChecked, 0),
    bodyFailed: m.reduce((n, x) => n + x.bodyFailed, 0),
    trials: m.length,
  };
}

export type RatioMetric = "p50" | "p99" | "throughput";

function metricOf(measurement: TrialMeasurement, metric: RatioMetric): number {
  return metric === "throughput" ? measurement.throughput : measurement.latency[metric];
}

/**
 * cancu ÷ other, computed pair by pair inside each trial (the two ran seconds apart, under the same
 * machine conditions), then summarised over trials: the median of ratios, not a ratio of medians.
 */
export function pairedRatio(
  size: SizeResult,
  question: string,
  config: ConfigName,
  other: TargetName,
  metric: RatioMetric,
): Spread {
  const ratios: number[] = [];
  const trials = new Set(runsOf(size, question, config).map((r) => r.trial));
  for (const trial of trials) {
    const mine = runsOf(size, question, config, "cancu").find((r) => r.trial === trial);
    const theirs = runsOf(size, question, config, other).find((r) => r.trial === trial);
    if (!mine || !theirs) continue;
    const a = metricOf(mine.measurement, metric);
    const b = metricOf(theirs.measurement, metric);
    if (Number.isFinite(a) && Number.isFinite(b) && b > 0) ratios.push(a / b);
  }
  return spread(ratios);
}

export function configsOf(size: SizeResult): ConfigName[] {
  const closed = size.matrix.concurrencies.map((c) => `c${c}` as ConfigName);
  return size.matrix.openLoop === "off" ? closed : [...closed, "open"];
}
