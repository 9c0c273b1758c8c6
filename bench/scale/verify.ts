/**
 * Same questions, same answers: asks all three targets every question on a sample of its hot and
 * cold instances, reduces each answer with the question's canonicaliser, and reports every instance
 * where they differ (with the first difference) or where a target failed.
 *
 * As a command, against a running database (it starts the three servers itself):
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 node --import tsx bench/scale/verify.ts [--seed 1] [--hot 3] [--cold 10]
 *     [--questions document,search]
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import neo4j from "neo4j-driver";
import { seededRandom } from "../synthetic-corpus.js";
import {
  TARGETS,
  type BenchQuestion,
  type ParamPools,
  type QueryParams,
  type TargetName,
} from "./contract.js";
import { questions as allQuestions } from "./query-mix.js";
import { launches, startLaunch, type LaunchedServer } from "./servers.js";
import { remoteSettings } from "./server-common.js";

/** One target's answer to one instance: its canonical value (and the parsed body), or why there is none. */
export type Answer = { ok: true; value: unknown; body: unknown } | { ok: false; error: string };

/** JSON with object keys sorted, so equal canonical values give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** Sends one target the question's request for `params` and canonicalises the answer. */
export async function ask(
  baseUrl: string,
  question: BenchQuestion,
  target: TargetName,
  params: QueryParams,
): Promise<Answer> {
  const spec = question.request(target, params);
  try {
    const response = await fetch(`${baseUrl}${spec.path}`, {
      method: spec.method,
      headers: spec.headers,
      body: spec.body,
    });
    const text = await response.text();
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}: ${text.slice(0, 300)}` };
    const body: unknown = JSON.parse(text);
    return { ok: true, value: question.canonical(target, body), body };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function askAll(
  urls: Record<TargetName, string>,
  question: BenchQuestion,
  params: QueryParams,
): Promise<Record<TargetName, Answer>> {
  const answers = await Promise.all(TARGETS.map((target) => ask(urls[target], question, target, params)));
  return Object.fromEntries(TARGETS.map((target, i) => [target, answers[i]!])) as Record<TargetName, Answer>;
}

/** Where two JSON values first differ: `[3].depth: 2 ≠ 3`. */
export function firstDifference(a: unknown, b: unknown, at = ""): string | null {
  if (stableJson(a) === stableJson(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const inner = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (inner) return inner;
    }
    return `${at || "(root)"}: ${a.length} items ≠ ${b.length} items`;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const inner = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${at}.${key}`,
      );
      if (inner) return inner;
    }
  }
  const short = (v: unknown) => (stableJson(v) ?? "undefined").slice(0, 160);
  return `${at || "(root)"}: ${short(a)} ≠ ${short(b)}`;
}

/** null when the three agree; else a one-line description (failures, or the first difference from cancu). */
export function disagreement(answers: Record<TargetName, Answer>): string | null {
  const failed = TARGETS.flatMap((t) => {
    const answer = answers[t];
    return answer.ok ? [] : [`${t} failed: ${answer.error}`];
  });
  if (failed.length > 0) return failed.join("; ");
  const value = (t: TargetName) => (answers[t] as { value: unknown }).value;
  const differences = TARGETS.slice(1).flatMap((t) => {
    const difference = firstDifference(value("cancu"), value(t));
    return difference ? [`cancu ≠ ${t} at ${difference}`] : [];
  });
  return differences.length > 0 ? differences.join("; ") : null;
}

/** An answer that says nothing: null, an empty list, or an object whose lists are all empty. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") {
    const lists = Object.values(value).filter(Array.isArray);
    return lists.length > 0 && lists.every((l) => l.length === 0);
  }
  return false;
}

export interface VerifyOptions {
  /** instances asked per pool (hot, cold): the first `sample` of each (default 5) */
  sample?: number;
  questions?: BenchQuestion[];
  log?: (line: string) => void;
}

/**
 * Asks every question's sampled instances of all three targets; logs each disagreement with its
 * first difference and a summary line per question. Returns the number of disagreeing instances.
 */
export async function verifyAnswers(
  launchedUrls: Record<TargetName, string>,
  pools: Record<string, ParamPools>,
  options: VerifyOptions = {},
): Promise<number> {
  const sample = options.sample ?? 5;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let mismatches = 0;
  for (const question of options.questions ?? allQuestions) {
    const pool = pools[question.name];
    if (!pool) {
      log(`verify: ${question.name}: no pools`);
      mismatches += 1;
      continue;
    }
    const instances = [...pool.hot.slice(0, sample), ...pool.cold.slice(0, sample)];
    let empty = 0;
    let differing = 0;
    for (const params of instances) {
      const answers = await askAll(launchedUrls, question, params);
      const problem = disagreement(answers);
      if (problem) {
        differing += 1;
        log(`verify: MISMATCH ${question.name} ${JSON.stringify(params)}: ${problem}`);
      } else if (isEmptyAnswer((answers.cancu as { value: unknown }).value)) empty += 1;
    }
    mismatches += differing;
    log(
      `verify: ${question.name}: ${instances.length} instances, ${differing} mismatches${empty ? `, ${empty} empty answers` : ""}`,
    );
  }
  return mismatches;
}

/** A question's RNG seed: the run's seed and its name (FNV-1a), so a subset draws the same pools. */
function seedFor(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Draws every question's pools, each with its own seeded RNG. */
export async function drawPools(
  driver: import("neo4j-driver").Driver,
  database: string,
  sizes: { seed: number; hotSize: number; coldSize: number },
  questions: BenchQuestion[] = allQuestions,
): Promise<Record<string, ParamPools>> {
  const pools: Record<string, ParamPools> = {};
  for (const question of questions)
    pools[question.name] = await question.pools({
      driver,
      database,
      random: seededRandom(seedFor(sizes.seed, question.name)),
      hotSize: sizes.hotSize,
      coldSize: sizes.coldSize,
    });
  return pools;
}

function flag(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number`);
  return value;
}

function chosenQuestions(args: string[]): BenchQuestion[] {
  const at = args.indexOf("--questions");
  if (at < 0) return allQuestions;
  const names = (args[at + 1] ?? "").split(",").filter(Boolean);
  const unknown = names.filter((n) => !allQuestions.some((q) => q.name === n));
  if (unknown.length > 0) throw new Error(`unknown questions: ${unknown.join(", ")}`);
  return allQuestions.filter((q) => names.includes(q.name));
}

async function main(args: string[]): Promise<number> {
  const settings = remoteSettings();
  const questions = chosenQuestions(args);
  const sizes = {
    seed: flag(args, "--seed", 1),
    hotSize: flag(args, "--hot", 3),
    coldSize: flag(args, "--cold", 10),
  };
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password));
  const servers: LaunchedServer[] = [];
  try {
    const pools = await drawPools(driver, settings.database, sizes, questions);
    const env = { NEO4J_URI: settings.uri, NEO4J_DATABASE: settings.database, PORT: "0" };
    for (const launch of launches) servers.push(await startLaunch(launch, env));
    const urls = Object.fromEntries(servers.map((s) => [s.target, s.url])) as Record<TargetName, string>;
    const sample = Math.max(sizes.hotSize, sizes.coldSize);
    const mismatches = await verifyAnswers(urls, pools, { sample, questions });
    process.stdout.write(`${mismatches} mismatching instances\n`);
    return mismatches === 0 ? 0 : 1;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await driver.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exitCode = 2;
    },
  );
}
