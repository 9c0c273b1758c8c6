/**
 * `npm run bench`: the scale benchmark of issue #6. On a SYNTHETIC corpus (bench/scale/generator.ts)
 * loaded through cancu's own ingest path at three sizes, it compares three servers answering the
 * same questions over the same Neo4j: cancu (the real API), the floor (neo4j-driver behind bare
 * node:http: what any API on this database costs at least) and the peer (@neo4j/graphql behind
 * Apollo Server). Writes bench/results/<date>.json and, from it, bench/RESULTS.md (bench/report.ts).
 *
 *   npm run bench                      # 1e4, 1e5, 1e6 nodes (on an idle machine: under an hour)
 *   npm run bench -- --sizes 1e4 --trials 2
 *   npm run bench -- --tiny            # smoke run: a 10^3 graph, 1 trial of 0.3 s per configuration
 *   npm run bench -- --help            # every flag
 *
 * Per size: wipe, migrations, generate + check with the extractor + load, draw the question pools,
 * start the three servers, check that they give the same answers (the size is aborted if not, or
 * only the disagreeing questions are dropped with --on-mismatch skip), then per question a warm-up
 * and the closed-loop concurrencies and the open-loop run, each for several trials with the three
 * targets in a seeded random order inside each trial. The report is rewritten after every size.
 */
import fs from "node:fs";
import path from "node:path";
import { GraphExecutor } from "../src/graph/executor.js";
import { applyMigrations } from "../src/graph/migrations.js";
import { benchGraph, type BenchGraph } from "./bench-neo4j.js";
import { writeResultsReport } from "./report.js";
import { seededRandom } from "./synthetic-corpus.js";
import { agreeOnAnswers } from "./scale/agreement.js";
import { closedLoop } from "./scale/autocannon-runner.js";
import { TARGETS, type BenchQuestion, type TargetName } from "./scale/contract.js";
import { planCorpus, renderCorpus } from "./scale/generator.js";
import { loadCorpus } from "./scale/load.js";
import { machineInfo } from "./scale/machine.js";
import { openLoop } from "./scale/open-loop.js";
import { parseOptions, usage, UsageError, type RunOptions, type SizePlan } from "./scale/options.js";
import { benchNeo4jPid, cpuSeconds, peakRssMiB, resetPeakRss } from "./scale/processes.js";
import { questions as allQuestions } from "./scale/query-mix.js";
import { launches, startLaunch, type LaunchedServer } from "./scale/servers.js";
import { drawPools } from "./scale/verify.js";
import { checkRecognition } from "./scale/recognition.js";
import {
  runsOf,
  type SkippedQuestion,
  type ConfigName,
  type RunRecord,
  type RunResults,
  type SizeResult,
} from "./scale/results.js";
import { median, shuffled } from "./scale/stats.js";
import { prepareRequests, type Instance, type TrialMeasurement } from "./scale/workload.js";

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Servers running now (each also stops by itself when this process ends: its stdin is our pipe). */
const launched = new Set<LaunchedServer>();

async function stopServers(servers: Iterable<LaunchedServer>): Promise<void> {
  await Promise.all(
    [...servers].map(async (server) => {
      await server.stop();
      launched.delete(server);
    }),
  );
}

/** Set by Ctrl-C / SIGTERM; long phases check it between steps. */
const interruption: { signal: NodeJS.Signals | null } = { signal: null };

class Interrupted extends Error {
  override name = "Interrupted";
}

function checkInterrupted(): void {
  if (interruption.signal) throw new Interrupted(`interrupted (${interruption.signal})`);
}

/** Stops handing out documents once interrupted, so a long load ends at the next document. */
function* untilInterrupted<T>(items: Iterable<T>): Generator<T> {
  for (const item of items) {
    if (interruption.signal) return;
    yield item;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

/** A seed per (run seed, name): the same question gets the same pools in every run with that seed. */
function seedFor(seed: number, name: string): number {
  let h = seed >>> 0;
  for (const char of name) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

function writeOutputs(results: RunResults, options: RunOptions): { report: string; json: string } {
  const stamp = results.startedAt.replace(/:/g, "-").replace(/\.\d+Z$/, "Z");
  const json = path.join(path.dirname(options.out), "results", `${stamp}.json`);
  fs.mkdirSync(path.dirname(json), { recursive: true });
  fs.writeFileSync(json, `${JSON.stringify(results, null, 1)}\n`);
  // the tables, then the conclusion written by hand beside the report (bench/report.ts)
  writeResultsReport(json, options.out);
  return { report: options.out, json };
}

interface SizeContext {
  options: RunOptions;
  graph: BenchGraph;
  executor: GraphExecutor;
  questions: BenchQuestion[];
}

async function runSize(ctx: SizeContext, plan: SizePlan, result: SizeResult): Promise<void> {
  const { options, graph, executor, questions } = ctx;
  const tag = `bench ${plan.label}`;
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      result.phases[name] = (performance.now() - started) / 1000;
    }
  };
  const neo4jPid = benchNeo4jPid();
  if (neo4jPid) resetPeakRss(neo4jPid);

  await phase("wipe", async () => {
    await graph.wipe();
    await applyMigrations(executor);
  });

  // ---- corpus: plan, check that the extractor reads it as planned, load
  const corpus = await phase("generate", async () =>
    planCorpus({ targetNodes: plan.targetNodes, seed: options.seed }),
  );
  const recognition = await phase("recognition", async () =>
    checkRecognition(corpus, options.tiny ? 20 : 200),
  );
  result.corpus = {
    documents: corpus.documents.length,
    citations: corpus.citations,
    estimatedNodes: corpus.estimatedNodes,
    externalDocuments: corpus.externalDocuments,
    hubs: corpus.hubs,
    partyDocuments: corpus.documents.filter((d) => d.kind.style === "party").length,
    stateDocuments: corpus.documents.filter((d) => d.kind.style === "state").length,
    recognition,
  };
  log(
    `${tag}: ${corpus.documents.length} synthetic documents, ${corpus.citations} citations, about ${corpus.estimatedNodes} nodes; extractor check: ${recognition.documents - recognition.documentsWrong}/${recognition.documents} documents as planned, ${recognition.citationsFound}/${recognition.citationsPlanted} citations found`,
  );
  for (const failure of recognition.failures) log(`${tag}:   ${failure}`);

  const load = await phase("load", () =>
    loadCorpus(
      executor,
      untilInterrupted(renderCorpus(corpus)),
      (p) =>
        log(
          `${tag}: loaded ${p.documents}/${p.total} documents in ${fmt(p.seconds)} s, ${p.relationships} relationships, ${fmt(p.relationshipsPerSecond, 0)} rels/s`,
        ),
      { total: corpus.documents.length },
    ),
  );
  result.load = {
    seconds: load.seconds,
    documents: load.documents,
    failed: load.failed.length,
    firstFailures: load.failed.slice(0, 5).map((f) => `${f.name}: ${f.error}`),
    relationships: load.relationships,
    relationshipsPerSecond: load.relationshipsPerSecond,
    timings: load.timings,
  };
  if (load.failed.length > 0)
    log(`${tag}: ${load.failed.length} documents FAILED to load: ${result.load.firstFailures[0]}`);

  checkInterrupted();
  result.graph = await phase("count", async () => {
    const count = async (cypher: string) =>
      Number((await executor.read({ cypher, params: {} }))[0]?.get("n"));
    const labels: Record<string, number> = {};
    for (const label of ["Document", "Task", "Organization", "Target", "NamedDocument"]) {
      labels[label] = await count(`MATCH (n:${label}) RETURN count(n) AS n`);
    }
    return {
      nodes: await count("MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n"),
      relationships: await count("MATCH ()-[r]->() RETURN count(r) AS n"),
      labels,
    };
  });
  log(
    `${tag}: graph holds ${result.graph.nodes} nodes, ${result.graph.relationships} relationships (load ${fmt(load.seconds)} s, ${fmt(load.relationshipsPerSecond, 0)} rels/s)`,
  );

  // ---- the instances each question asks, drawn from the loaded graph (seeded)
  const pools = await phase("pools", () =>
    drawPools(
      graph.driver,
      graph.database,
      { seed: options.seed, hotSize: options.hotPool, coldSize: options.coldPool },
      questions,
    ),
  );
  checkInterrupted();

  // ---- servers, one after the other: three cold TypeScript starts at once only slow each other
  const servers: LaunchedServer[] = [];
  try {
    await phase("servers", async () => {
      const env = {
        NEO4J_URI: graph.uri,
        NEO4J_USER: graph.user,
        NEO4J_PASSWORD: graph.password,
        NEO4J_DATABASE: graph.database,
        PORT: "0",
        // cancu's answer cache: off unless CANCU_CACHE_BYTES was given (options.ts); the others ignore it
        CANCU_CACHE_BYTES: String(options.cancuCacheBytes ?? 0),
      };
      for (const launch of launches) {
        const server = await startLaunch(launch, env);
        servers.push(server);
        launched.add(server);
        log(`${tag}: ${server.target} ready at ${server.url} (pid ${server.pid})`);
      }
    });
    const urls = Object.fromEntries(servers.map((s) => [s.target, s.url])) as Record<TargetName, string>;

    // ---- same answers from all three, and the instances the load runs will use
    const instances = new Map<string, Instance[]>();
    /** the targets measured on each question: those that answered every instance of the check */
    const targetsOf = new Map<string, TargetName[]>();
    result.verification = await phase("verify", async () => {
      const verification = { instances: 0, compared: 0, mismatches: 0, details: [] as string[] };
      for (const question of questions) {
        const pool = pools[question.name] ?? { hot: [], cold: [] };
        const agreement = await agreeOnAnswers(question, pool, urls);
        verification.compared += agreement.compared;
        verification.instances += agreement.instances.length;
        verification.mismatches += agreement.mismatches.length;
        verification.details.push(...agreement.mismatches.slice(0, 3));
        instances.set(question.name, agreement.instances);
        const failed = agreement.failed.map((f) => f.target);
        log(
          `${tag}: ${question.name}: ${agreement.compared} of ${pool.hot.length} hot + ${pool.cold.length} cold instances asked, ${agreement.mismatches.length} answers differ${failed.length > 0 ? `, no answer from ${failed.join(", ")}` : ""}`,
        );
        for (const line of [
          ...agreement.mismatches.slice(0, 3),
          ...agreement.failed.map(
            (f) => `${f.target} failed on ${f.instances} instance(s), first ${f.first}`,
          ),
        ]) {
          log(`${tag}:   ${line}`);
        }
        const skip = (reason: SkippedQuestion["reason"], count: number, first: string) =>
          result.skippedQuestions.push({
            question: question.name,
            traversal: question.traversal,
            reason,
            count,
            first,
          });
        if (agreement.mismatches.length > 0) {
          skip("answers differ", agreement.mismatches.length, agreement.mismatches[0]!);
          if (options.onMismatch === "abort") {
            // the size will not be measured: asking the remaining questions would only cost time
            log(`${tag}: stopping the check at the first disagreeing question (--on-mismatch abort)`);
            break;
          }
        } else if (failed.includes("cancu")) {
          const f = agreement.failed.find((x) => x.target === "cancu")!;
          skip("cancu failed", f.instances, f.first);
        } else if (agreement.compared === 0 || agreement.instances.length === 0) {
          skip("no instances", 0, "its pools are empty on this graph");
        } else {
          targetsOf.set(
            question.name,
            TARGETS.filter((t) => !failed.includes(t)),
          );
          for (const f of agreement.failed) {
            result.excludedTargets.push({ question: question.name, traversal: question.traversal, ...f });
          }
        }
      }
      return verification;
    });
    checkInterrupted();
    if (result.verification.mismatches > 0 && options.onMismatch === "abort") {
      result.status = "aborted";
      result.abortReason = `the targets gave different answers (${result.verification.mismatches} instances); first: ${result.verification.details[0]}`;
      log(`${tag}: ABORTED: ${result.abortReason}`);
      return;
    }
    for (const skipped of result.skippedQuestions) {
      log(`${tag}: not measuring ${skipped.question}: ${skipped.reason}`);
    }

    const ports = Object.fromEntries(servers.map((s) => [s.target, Number(new URL(s.url).port)])) as Record<
      TargetName,
      number
    >;
    const pids = Object.fromEntries(servers.map((s) => [s.target, s.pid])) as Record<TargetName, number>;
    const measured = questions.filter((q) => targetsOf.has(q.name));
    if (measured.length === 0) {
      result.status = "aborted";
      result.abortReason = "no question could be measured (see the check above)";
      return;
    }
    await phase("matrix", () =>
      runMatrix(
        { ...ctx, questions: measured },
        plan,
        result,
        { ports, pids, neo4jPid },
        instances,
        targetsOf,
      ),
    );
  } finally {
    for (const server of servers) result.peakRssMiB[server.target] = peakRssMiB(server.pid);
    result.peakRssMiB.neo4j = neo4jPid ? peakRssMiB(neo4jPid) : null;
    await stopServers(servers);
  }
}

async function runMatrix(
  ctx: SizeContext,
  plan: SizePlan,
  result: SizeResult,
  processes: { ports: Record<TargetName, number>; pids: Record<TargetName, number>; neo4jPid: number | null },
  instances: Map<string, Instance[]>,
  targetsOf: Map<string, TargetName[]>,
): Promise<void> {
  const { options, questions } = ctx;
  const { ports, pids, neo4jPid } = processes;
  /** runs one measurement and adds the CPU the server and Neo4j spent per answered request */
  const withCpu = async (target: TargetName, work: () => Promise<TrialMeasurement>) => {
    const server0 = cpuSeconds(pids[target]);
    const neo4j0 = neo4jPid ? cpuSeconds(neo4jPid) : null;
    const m = await work();
    const server1 = cpuSeconds(pids[target]);
    const neo4j1 = neo4jPid ? cpuSeconds(neo4jPid) : null;
    const answered = m.responses - m.non2xx;
    const perRequest = (a: number | null, b: number | null) =>
      a !== null && b !== null && answered > 0 ? ((b - a) * 1000) / answered : null;
    m.serverCpuMsPerRequest = perRequest(server0, server1);
    m.neo4jCpuMsPerRequest = perRequest(neo4j0, neo4j1);
    return m;
  };
  const tag = `bench ${plan.label}`;
  const random = seededRandom(seedFor(options.seed, `order:${plan.label}`));
  const gapMs = options.gapMs;
  const configs = plan.concurrencies.length + (plan.openLoop ? 1 : 0);
  const targetCount = questions.reduce((n, q) => n + (targetsOf.get(q.name)?.length ?? 0), 0);
  const totalRuns = targetCount * configs * options.trials;
  const estimate =
    targetCount * (options.warmupSeconds + 0.3) + totalRuns * (options.durationSeconds + gapMs / 1000 + 0.1);
  log(
    `${tag}: matrix: ${questions.length} questions × (${plan.concurrencies.map((c) => `c=${c}`).join(", ")}${plan.openLoop ? ", open loop" : ""}) × ${options.trials} trials × 3 targets = ${totalRuns} runs of ${options.durationSeconds} s, about ${fmt(estimate / 60)} min`,
  );
  let done = 0;
  const matrixStarted = performance.now();
  const record = (run: RunRecord) => {
    checkInterrupted();
    result.runs.push(run);
    done += 1;
    const m = run.measurement;
    const elapsed = (performance.now() - matrixStarted) / 1000;
    const eta = (elapsed / done) * (totalRuns - done);
    log(
      `${tag} [${done}/${totalRuns}, ${fmt(eta / 60)} min left] ${run.question} ${run.config} trial ${run.trial} ${run.target}: ${fmt(m.throughput, 0)} req/s, p50 ${fmt(m.latency.p50, 2)} ms, p99 ${fmt(m.latency.p99, 2)} ms${m.non2xx + m.errors > 0 ? `, ${m.non2xx} non-2xx, ${m.errors} errors` : ""}${m.bodyFailed > 0 ? `, ${m.bodyFailed} WRONG BODIES (${m.firstBodyFailure})` : ""}`,
    );
  };

  for (const question of questions) {
    const targets = targetsOf.get(question.name) ?? [];
    const requests = Object.fromEntries(
      targets.map((t) => [t, prepareRequests(question, t, instances.get(question.name) ?? [])]),
    ) as Record<TargetName, ReturnType<typeof prepareRequests>>;
    const closed = (target: TargetName, connections: number, durationSeconds: number, overallRate?: number) =>
      closedLoop({
        port: ports[target],
        question,
        target,
        requests: requests[target],
        connections,
        durationSeconds,
        checkEvery: options.checkEvery,
        overallRate,
      });

    // warm-up: JIT, plan caches, connection pools and page cache, for each target; not recorded
    for (const target of targets) {
      const warm = await closed(target, 8, options.warmupSeconds);
      if (warm.non2xx + warm.errors + warm.bodyFailed > 0) {
        log(
          `${tag}: warm-up ${question.name} ${target}: ${warm.non2xx} non-2xx, ${warm.errors} errors, ${warm.bodyFailed} wrong bodies ${warm.firstBodyFailure ?? ""}`,
        );
      }
      await pause(gapMs);
    }

    for (const concurrency of plan.concurrencies) {
      for (let trial = 1; trial <= options.trials; trial++) {
        const order = shuffled(targets, random);
        for (const [position, target] of order.entries()) {
          const measurement = await withCpu(target, () =>
            closed(target, concurrency, options.durationSeconds),
          );
          record({
            question: question.name,
            traversal: question.traversal,
            config: `c${concurrency}` as ConfigName,
            concurrency,
            rate: null,
            trial,
            order: position,
            target,
            measurement,
          });
          await pause(gapMs);
        }
      }
    }

    if (!plan.openLoop) continue;
    const rates: Partial<Record<TargetName, number>> = {};
    for (const target of targets) {
      // the peak is the best median closed-loop throughput of this target on this question
      const peak = Math.max(
        ...plan.concurrencies.map((c) =>
          median(runsOf(result, question.name, `c${c}`, target).map((r) => r.measurement.throughput)),
        ),
      );
      rates[target] = Math.max(1, Math.round(peak * options.openLoopFraction));
    }
    result.openLoopRates[question.name] = rates;
    for (let trial = 1; trial <= options.trials; trial++) {
      const order = shuffled(targets, random);
      for (const [position, target] of order.entries()) {
        const rate = rates[target]!;
        const measurement = await withCpu(target, () =>
          options.openLoopMode === "autocannon"
            ? closed(target, Math.max(...plan.concurrencies), options.durationSeconds, rate)
            : openLoop({
                port: ports[target],
                question,
                target,
                requests: requests[target],
                rate,
                durationSeconds: options.durationSeconds,
                checkEvery: options.checkEvery,
              }),
        );
        record({
          question: question.name,
          traversal: question.traversal,
          config: "open",
          concurrency: null,
          rate,
          trial,
          order: position,
          target,
          measurement,
        });
        await pause(gapMs);
      }
    }
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let options: RunOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      log(error.message);
      return error.message === usage ? 0 : 2;
    }
    throw error;
  }
  const unknown = (options.questions ?? []).filter((name) => !allQuestions.some((q) => q.name === name));
  if (unknown.length > 0) {
    log(`unknown question(s) ${unknown.join(", ")}; known: ${allQuestions.map((q) => q.name).join(", ")}`);
    return 2;
  }
  const questions = options.questions
    ? allQuestions.filter((q) => options.questions!.includes(q.name))
    : allQuestions;

  // the bench Neo4j is started by benchGraph (local-neo4j.ts reads these): 10^6 nodes with their
  // texts and full-text index need more than the service defaults (2g heap, 512m page cache)
  process.env.CANCU_NEO4J_HEAP = options.neo4jHeap;
  process.env.CANCU_NEO4J_PAGE_CACHE = options.neo4jPageCache;

  const results: RunResults = {
    kind: "cancu-scale-benchmark",
    synthetic: true,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    command: `npm run bench --${argv.length ? ` ${argv.join(" ")}` : ""}`,
    options,
    machine: null,
    questions: questions.map((q) => ({ name: q.name, traversal: q.traversal })),
    sizes: [],
    totalSeconds: 0,
  };
  const started = performance.now();
  log(
    `bench: starting the benchmark Neo4j (heap ${options.neo4jHeap}, page cache ${options.neo4jPageCache})`,
  );
  // the servers' Neo4j, set up as `cancu serve` sets it up (its loads go through the same JVM)
  const graph = await benchGraph(log, "serve");
  // Ctrl-C: stop the servers at once (the run then fails fast), let the loop end, close the
  // database cleanly, keep the partial report. A second Ctrl-C kills without waiting.
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    // Ctrl-C reaches this process twice at once (from the terminal, and relayed by tsx/npm): only a
    // signal a second or more after the first means "kill now"
    if (interruption.signal && performance.now() - firstSignalAt < 1000) return;
    if (interruption.signal) {
      for (const server of launched) void server.stop(0);
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
      process.kill(process.pid, signal);
      return;
    }
    interruption.signal = signal;
    firstSignalAt = performance.now();
    log(`bench: ${signal}: stopping the servers and the database (again to kill at once)…`);
    void stopServers(launched);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let outputs = { report: options.out, json: "" };
  try {
    const executor = new GraphExecutor(graph.driver, graph.database);
    await applyMigrations(executor);
    results.machine = await machineInfo(graph.driver, graph.database, {
      heap: options.neo4jHeap,
      pageCache: options.neo4jPageCache,
    });
    for (const plan of options.sizes) {
      if (interruption.signal) break;
      const result: SizeResult = {
        label: plan.label,
        targetNodes: plan.targetNodes,
        status: "done",
        abortReason: null,
        corpus: null,
        load: null,
        graph: null,
        phases: {},
        verification: null,
        skippedQuestions: [],
        excludedTargets: [],
        matrix: {
          concurrencies: plan.concurrencies,
          openLoop: plan.openLoop ? options.openLoopMode : "off",
          trials: options.trials,
          durationSeconds: options.durationSeconds,
        },
        openLoopRates: {},
        runs: [],
        peakRssMiB: {},
      };
      results.sizes.push(result);
      try {
        await runSize({ options, graph, executor, questions }, plan, result);
      } catch (error) {
        result.status = "aborted";
        result.abortReason = interruption.signal
          ? `interrupted (${interruption.signal})`
          : error instanceof Error
            ? error.message
            : String(error);
        log(`bench ${plan.label}: ABORTED: ${result.abortReason}`);
      }
      results.totalSeconds = (performance.now() - started) / 1000;
      outputs = writeOutputs(results, options);
    }
  } finally {
    await stopServers(launched);
    await graph.close();
  }
  results.finishedAt = new Date().toISOString();
  results.totalSeconds = (performance.now() - started) / 1000;
  outputs = writeOutputs(results, options);
  log(`bench: done in ${fmt(results.totalSeconds / 60)} min: ${outputs.report} and ${outputs.json}`);
  if (interruption.signal) return 130;
  return results.sizes.every((s) => s.status === "done") ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
