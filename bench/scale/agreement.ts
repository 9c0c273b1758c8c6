/**
 * Before any load: every instance of every question is asked of all three targets (verify.ts's
 * `ask`, `disagreement` and `stableJson`: the same requests, canonicalisers and first-difference
 * messages as `bench/scale/verify.ts`). Unlike verify.ts's sampled check, every instance is asked:
 * the agreed answer becomes the instance's `expected`, against which sampled responses are checked
 * during the load runs.
 *
 * Two ways to fail are kept apart:
 * - a target gives no answer (an error, the server's read timeout): that target cannot be measured
 *   on this question, and is asked nothing more about it; the others still are;
 * - the targets answer differently: a correctness problem, which the caller aborts on (or skips).
 */
import {
  TARGETS,
  type BenchQuestion,
  type ParamPools,
  type QueryParams,
  type TargetName,
} from "./contract.js";
import { ask, disagreement, stableJson, type Answer } from "./verify.js";
import type { Instance } from "./workload.js";

export interface Agreement {
  /** instances on which every target still measured agrees, with that answer */
  instances: Instance[];
  /** instances asked (fewer than the pools hold when the check stopped early) */
  compared: number;
  /** instances where answering targets gave different answers */
  mismatches: string[];
  /** targets that failed to answer some instance: they are not measured on this question */
  failed: Array<{ target: TargetName; instances: number; first: string }>;
}

export async function agreeOnAnswers(
  question: BenchQuestion,
  pools: ParamPools,
  urls: Record<TargetName, string>,
  options: {
    /**
     * two instances at a time, each asking the targets at once: more only makes the heaviest
     * instances (traversals from hubs) run into the servers' read timeout on a small machine
     */
    parallel?: number;
    /** stop after this many disagreements: the question will not be measured anyway */
    stopAfter?: number;
  } = {},
): Promise<Agreement> {
  const parallel = options.parallel ?? 2;
  const stopAfter = options.stopAfter ?? 3;
  const todo = [
    ...pools.hot.map((params) => ({ params, pool: "hot" as const })),
    ...pools.cold.map((params) => ({ params, pool: "cold" as const })),
  ];
  const answersOf: Array<Partial<Record<TargetName, Answer>> | null> = todo.map(() => null);
  const failures = new Map<TargetName, { instances: number; first: string }>();
  const mismatches: string[] = [];
  const asking = () => TARGETS.filter((t) => !failures.has(t));
  let next = 0;
  const worker = async () => {
    while (next < todo.length && mismatches.length < stopAfter && asking().includes("cancu")) {
      const index = next++;
      const { params } = todo[index]!;
      const targets = asking();
      const answers = await Promise.all(targets.map((t) => ask(urls[t], question, t, params)));
      const got: Partial<Record<TargetName, Answer>> = {};
      targets.forEach((target, i) => {
        const answer = answers[i]!;
        got[target] = answer;
        if (!answer.ok) {
          // a failed target is asked nothing more about this question (each failure may cost the
          // full server timeout)
          const seen = failures.get(target);
          if (seen) seen.instances += 1;
          else failures.set(target, { instances: 1, first: `${describe(params)}: ${answer.error}` });
        }
      });
      answersOf[index] = got;
      const answering = targets.filter((t) => got[t]?.ok);
      if (answering.length >= 2) {
        const problem = disagreementAmong(answering, got);
        if (problem) mismatches.push(`${question.name} ${describe(params)}: ${problem}`);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));

  // the instances every target still measured answered alike, in pool order (whatever order the
  // answers came back in: the request lists must be reproducible)
  const measured = asking();
  const instances: Instance[] = [];
  todo.forEach(({ params, pool }, index) => {
    const got = answersOf[index];
    if (!got || measured.length === 0) return;
    const answers = measured.map((t) => got[t]);
    if (answers.some((a) => !a?.ok)) return;
    const texts = new Set(answers.map((a) => stableJson((a as { value: unknown }).value)));
    if (texts.size === 1) instances.push({ params, pool, expected: [...texts][0]! });
  });
  return {
    instances,
    compared: Math.min(next, todo.length),
    mismatches,
    failed: [...failures].map(([target, f]) => ({ target, ...f })),
  };
}

function describe(params: QueryParams): string {
  return JSON.stringify(params);
}

/** verify.ts's `disagreement` over the targets that answered (it wants all three). */
function disagreementAmong(targets: TargetName[], got: Partial<Record<TargetName, Answer>>): string | null {
  const full = Object.fromEntries(
    TARGETS.map((t) => [t, targets.includes(t) ? got[t]! : got[targets[0]!]!]),
  ) as Record<TargetName, Answer>;
  return disagreement(full);
}
