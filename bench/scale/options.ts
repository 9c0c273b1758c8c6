/** Command-line flags of `npm run bench` (bench/run.ts). */
import os from "node:os";
import path from "node:path";
import { loadSettings, projectRoot } from "../../src/config/settings.js";

export type OpenLoopMode = "paced" | "autocannon" | "off";

export interface SizePlan {
  /** as the user wrote it: "1e5" */
  label: string;
  targetNodes: number;
  /** closed-loop concurrencies measured on this size */
  concurrencies: number[];
  openLoop: boolean;
}

export interface RunOptions {
  sizes: SizePlan[];
  /** the --matrix flag as given: auto, full, reduced or a list of concurrencies */
  matrix: string;
  trials: number;
  /** seconds of each measured run (one target, one configuration, one trial) */
  durationSeconds: number;
  /** seconds of closed-loop warm-up per question and target before its measurements */
  warmupSeconds: number;
  /** pause between two runs (sockets close, the server settles) */
  gapMs: number;
  /** fraction of the peak closed-loop rate used for the open-loop run */
  openLoopFraction: number;
  openLoopMode: OpenLoopMode;
  /** abort: a size whose targets disagree is not measured; skip: only the disagreeing questions are dropped */
  onMismatch: "abort" | "skip";
  questions: string[] | null;
  seed: number;
  hotPool: number;
  coldPool: number;
  /** check every Nth response body against the canonical answer */
  checkEvery: number;
  out: string;
  tiny: boolean;
  /** Neo4j memory, unless CANCU_NEO4J_HEAP / CANCU_NEO4J_PAGE_CACHE are set */
  neo4jHeap: string;
  neo4jPageCache: string;
  /**
   * cancu's answer cache in bytes (#21): CANCU_CACHE_BYTES when set, else 0 (off). The benchmark
   * passes it to its cancu server explicitly, so that the setting's 256 MiB default never caches
   * the cold questions.
   */
  cancuCacheBytes?: number;
}

export const usage = `npm run bench -- [flags]

  --sizes 1e4,1e5,1e6     graph sizes in nodes (about; the real count is reported)
  --trials 5              trials per configuration (targets in seeded random order in each)
  --duration 1            seconds per measured run
  --warmup 1              seconds of warm-up per question and target
  --matrix auto           auto: full matrix (c=1,8,32 + open loop) on 1e5, reduced (c=8 + open
                          loop) on other sizes; full; reduced; or a list of concurrencies "1,8"
  --open-loop paced       paced (own open-loop generator), autocannon (its overallRate), off
  --questions a,b         only these questions (names from bench/scale/query-mix.ts)
  --on-mismatch abort     abort: a size where the targets' answers differ is not measured;
                          skip: measure the questions that agree, report the others as failed
  --seed 6                corpus, pools and run order
  --pools 5,50            hot and cold pool sizes per question (every instance is checked
                          against all three targets before the load: bigger pools cost time);
                          a cold size of 0 measures the hot pool alone (repeated questions)
  --check-every 10        check the first 20 response bodies of a run, then one in N, against
                          the canonical answer
  --out bench/RESULTS.md  the report; raw numbers go to <out dir>/results/<date>.json
  (environment) CANCU_CACHE_BYTES=256m turns cancu's answer cache on (default here: off)
  --tiny                  smoke run: a tiny graph, 1 trial, very short runs (report to a temp dir)
`;

export class UsageError extends Error {
  override name = "UsageError";
}

function parseCount(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${flag}: "${raw}" is not a positive number`);
  return value;
}

function concurrencyList(raw: string): number[] {
  return raw.split(",").map((c) => Math.round(parseCount("--matrix", c)));
}

export function parseOptions(argv: readonly string[]): RunOptions {
  const flags = new Map<string, string>();
  let tiny = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--tiny") {
      tiny = true;
      continue;
    }
    if (arg === "--help" || arg === "-h") throw new UsageError(usage);
    const eq = /^(--[a-z-]+)=(.*)$/.exec(arg);
    if (eq) {
      flags.set(eq[1]!, eq[2]!);
      continue;
    }
    if (!arg.startsWith("--") || i + 1 >= argv.length)
      throw new UsageError(`unexpected "${arg}"\n\n${usage}`);
    flags.set(arg, argv[++i]!);
  }
  const known = [
    "--sizes",
    "--trials",
    "--duration",
    "--warmup",
    "--matrix",
    "--open-loop",
    "--on-mismatch",
    "--questions",
    "--seed",
    "--pools",
    "--check-every",
    "--out",
  ];
  for (const flag of flags.keys())
    if (!known.includes(flag)) throw new UsageError(`unknown flag ${flag}\n\n${usage}`);
  const get = (flag: string, fallback: string) => flags.get(flag) ?? fallback;

  const sizeLabels = get("--sizes", tiny ? "1e3" : "1e4,1e5,1e6").split(",");
  const matrix = get("--matrix", tiny ? "8" : "auto");
  const sizes = sizeLabels.map((label): SizePlan => {
    const targetNodes = Math.round(parseCount("--sizes", label));
    let concurrencies: number[];
    if (matrix === "full") concurrencies = [1, 8, 32];
    else if (matrix === "reduced") concurrencies = [8];
    else if (matrix === "auto") concurrencies = targetNodes === 1e5 ? [1, 8, 32] : [8];
    else concurrencies = concurrencyList(matrix);
    return { label, targetNodes, concurrencies, openLoop: true };
  });
  const openLoopMode = get("--open-loop", "paced");
  if (!["paced", "autocannon", "off"].includes(openLoopMode)) {
    throw new UsageError(`--open-loop: paced, autocannon or off, not "${openLoopMode}"`);
  }
  for (const size of sizes) size.openLoop = openLoopMode !== "off";
  const onMismatch = get("--on-mismatch", "abort");
  if (onMismatch !== "abort" && onMismatch !== "skip") {
    throw new UsageError(`--on-mismatch: abort or skip, not "${onMismatch}"`);
  }
  const [hot, cold] = get("--pools", tiny ? "2,8" : "5,50").split(",");
  const out = path.resolve(
    flags.get("--out") ??
      (tiny
        ? path.join(os.tmpdir(), "cancu-bench-tiny", "RESULTS.md")
        : path.join(projectRoot, "bench", "RESULTS.md")),
  );
  return {
    sizes,
    matrix,
    trials: Math.round(parseCount("--trials", get("--trials", tiny ? "1" : "5"))),
    durationSeconds: parseCount("--duration", get("--duration", tiny ? "0.3" : "1")),
    warmupSeconds: parseCount("--warmup", get("--warmup", tiny ? "0.2" : "1")),
    gapMs: tiny ? 100 : 150,
    openLoopFraction: 0.8,
    openLoopMode: openLoopMode as OpenLoopMode,
    onMismatch,
    questions: flags.has("--questions") ? get("--questions", "").split(",").filter(Boolean) : null,
    seed: Math.round(parseCount("--seed", get("--seed", "6"))),
    hotPool: Math.round(parseCount("--pools", hot ?? "5")),
    // 0: no cold instances of their own (hotAndCold repeats the hot ones): the hot pool alone (#21)
    coldPool: cold?.trim() === "0" ? 0 : Math.round(parseCount("--pools", cold ?? "50")),
    checkEvery: Math.round(parseCount("--check-every", get("--check-every", tiny ? "1" : "10"))),
    out,
    tiny,
    neo4jHeap: process.env.CANCU_NEO4J_HEAP || (tiny ? "1g" : "3g"),
    neo4jPageCache: process.env.CANCU_NEO4J_PAGE_CACHE || (tiny ? "256m" : "3g"),
    cancuCacheBytes: process.env.CANCU_CACHE_BYTES ? loadSettings(process.env).cache.bytes : 0,
  };
}
