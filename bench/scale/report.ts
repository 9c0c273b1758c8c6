/**
 * bench/RESULTS.md from the raw results: method, machine, load per size, per question and
 * configuration the three targets side by side (median [min–max] over trials), paired ratios,
 * open-loop p99s, error and body-check counts, peak RSS, and the goals of issue #6 with verdicts.
 */
import { TARGETS, type TargetName } from "./contract.js";
import {
  cellSummary,
  configsOf,
  pairedRatio,
  runsOf,
  type ConfigName,
  type RatioMetric,
  type RunResults,
  type SizeResult,
} from "./results.js";
import type { Spread } from "./stats.js";

const ms = (v: number) =>
  !Number.isFinite(v) ? "–" : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
const rps = (v: number) =>
  !Number.isFinite(v) ? "–" : v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString("en-US");
const ratio = (v: number) => (!Number.isFinite(v) ? "–" : `${v.toFixed(2)}×`);
const int = (v: number) => Math.round(v).toLocaleString("en-US");
const secs = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? "–" : v < 120 ? `${v.toFixed(1)} s` : `${(v / 60).toFixed(1)} min`;

/** "2.31 [2.10–2.50]": the median over trials and the range; the median alone when there is one trial. */
function cell(s: Spread, format: (v: number) => string): string {
  if (s.n === 0) return "–";
  if (s.n === 1 || s.min === s.max) return format(s.median);
  return `${format(s.median)} [${format(s.min)}–${format(s.max)}]`;
}

function configLabel(config: ConfigName): string {
  return config === "open" ? "open loop" : `closed loop, c=${config.slice(1)}`;
}

function done(results: RunResults): SizeResult[] {
  return results.sizes.filter((s) => s.status === "done" && s.runs.length > 0);
}

type VerdictWord = "MET" | "NOT MET" | "INCOMPLETE" | "n/a";

interface Verdict {
  goal: string;
  size: string;
  measured: string;
  verdict: VerdictWord;
}

/**
 * Worst case of a paired ratio over the given questions and closed-loop configurations: the goals
 * hold for every question and concurrency, so one bad cell is enough to miss them.
 */
function worstRatio(
  size: SizeResult,
  results: RunResults,
  filter: (traversal: boolean) => boolean,
  other: TargetName,
  metric: RatioMetric,
  worse: "higher" | "lower",
): { value: number; where: string } | null {
  let worst: { value: number; where: string } | null = null;
  for (const q of results.questions.filter((q) => filter(q.traversal))) {
    for (const config of configsOf(size).filter((c) => c !== "open")) {
      const r = pairedRatio(size, q.name, config, other, metric);
      if (r.n === 0) continue;
      const isWorse = !worst || (worse === "higher" ? r.median > worst.value : r.median < worst.value);
      if (isWorse) worst = { value: r.median, where: `${q.name}, c=${config.slice(1)}` };
    }
  }
  return worst;
}

/**
 * A goal's verdict on one size, from the worst measured cell and the questions that could not be
 * measured: one cancu could not answer (an error or the server timeout) fails the goal; one where
 * the answers differed (--on-mismatch skip) leaves it INCOMPLETE at best. A question the compared
 * target (`other`) could not answer while cancu did is noted, and does not count against cancu.
 */
function verdictOf(
  goal: string,
  size: SizeResult,
  worst: { value: number; where: string } | null,
  holds: (value: number) => boolean,
  show: (value: number) => string,
  relevant: (traversal: boolean) => boolean,
  other: TargetName | null,
): Verdict {
  const skipped = size.skippedQuestions.filter((q) => relevant(q.traversal));
  const cancuFailed = skipped.filter((q) => q.reason === "cancu failed").map((q) => q.question);
  const unmeasured = skipped.filter((q) => q.reason !== "cancu failed").map((q) => q.question);
  const otherFailed = size.excludedTargets
    .filter((e) => relevant(e.traversal) && e.target === other)
    .map((e) => e.question);
  const notes = [
    ...(cancuFailed.length > 0 ? [`cancu gave no answer on ${cancuFailed.join(", ")}`] : []),
    ...(unmeasured.length > 0 ? [`not measured: ${unmeasured.join(", ")}`] : []),
    ...(otherFailed.length > 0 ? [`${other} gave no answer on ${otherFailed.join(", ")} (cancu did)`] : []),
  ];
  const note = notes.length > 0 ? `; ${notes.join("; ")}` : "";
  const measured = worst ? `worst ${show(worst.value)} (${worst.where})${note}` : `nothing measured${note}`;
  let verdict: VerdictWord = "n/a";
  if (cancuFailed.length > 0 || (worst && !holds(worst.value))) verdict = "NOT MET";
  else if (unmeasured.length > 0) verdict = "INCOMPLETE";
  else if (worst || otherFailed.length > 0) verdict = "MET";
  return { goal, size: size.label, measured, verdict };
}

function goals(results: RunResults): Verdict[] {
  const verdicts: Verdict[] = [];
  const traversal = (t: boolean) => t;
  const any = () => true;
  for (const size of done(results)) {
    verdicts.push(
      verdictOf(
        "cancu p50 ≤ 1.25× floor on traversal questions",
        size,
        worstRatio(size, results, traversal, "floor", "p50", "higher"),
        (v) => v <= 1.25,
        ratio,
        traversal,
        "floor",
      ),
      verdictOf(
        "cancu throughput ≥ 0.8× floor",
        size,
        worstRatio(size, results, any, "floor", "throughput", "lower"),
        (v) => v >= 0.8,
        ratio,
        any,
        "floor",
      ),
      verdictOf(
        "cancu throughput ≥ 1.5× @neo4j/graphql on traversal questions",
        size,
        worstRatio(size, results, traversal, "peer", "throughput", "lower"),
        (v) => v >= 1.5,
        ratio,
        traversal,
        "peer",
      ),
      verdictOf(
        "cancu throughput not behind @neo4j/graphql on any question (≥ 1.0×)",
        size,
        worstRatio(size, results, any, "peer", "throughput", "lower"),
        (v) => v >= 1.0,
        ratio,
        any,
        "peer",
      ),
    );
  }
  const goal4 = "cancu p99 < 50 ms at c=32 on the 10^5 graph";
  const main = done(results).find((s) => s.targetNodes === 1e5);
  if (main && main.matrix.concurrencies.includes(32)) {
    let worst: { value: number; where: string } | null = null;
    for (const q of results.questions) {
      const s = cellSummary(runsOf(main, q.name, "c32", "cancu")).p99;
      if (s.n > 0 && (!worst || s.median > worst.value)) worst = { value: s.median, where: q.name };
    }
    verdicts.push(
      verdictOf(
        goal4,
        main,
        worst,
        (v) => v < 50,
        (v) => `${ms(v)} ms`,
        any,
        null,
      ),
    );
  } else {
    verdicts.push({
      goal: goal4,
      size: "1e5",
      measured: "not measured in this run (needs size 1e5 with c=32)",
      verdict: "n/a",
    });
  }
  return verdicts;
}

function goalsSection(results: RunResults): string[] {
  const lines = [
    "## Goals",
    "",
    "Each goal must hold for every question (of the kind named) at every closed-loop concurrency",
    "measured on that size, so the worst cell decides. Ratios are medians of per-trial ratios;",
    "latencies are medians over trials. A question cancu could not answer (an error, the 15 s server",
    "timeout) fails the goals it falls under; INCOMPLETE: met on the questions measured, but some",
    "could not be measured because the answers differed (`--on-mismatch skip`). A question the",
    "compared server could not answer while cancu did is noted and counts for cancu.",
    "",
    "| goal | size | measured | verdict |",
    "|---|---|---|---|",
  ];
  for (const v of goals(results)) {
    lines.push(
      `| ${v.goal} | ${v.size} | ${v.measured} | ${v.verdict === "MET" || v.verdict === "n/a" ? v.verdict : `**${v.verdict}**`} |`,
    );
  }
  if (results.options.tiny) {
    lines.push(
      "",
      "_This was a `--tiny` smoke run: a tiny graph and very short runs; the verdicts mean nothing._",
    );
  }
  return [...lines, ""];
}

/** The answer cache as the run set it (older results have no such field: the cache was off). */
function cacheNote(bytes: number): string {
  if (bytes === 0) return "off (each answer computed; `CANCU_CACHE_BYTES` turns it on)";
  return `on, ${Math.round(bytes / 1024 ** 2)} MiB (\`CANCU_CACHE_BYTES=${bytes}\`): a repeated question is answered without the database once kept, after one version read`;
}

function methodSection(results: RunResults): string[] {
  const o = results.options;
  const traversal = results.questions.filter((q) => q.traversal).map((q) => `\`${q.name}\``);
  const other = results.questions.filter((q) => !q.traversal).map((q) => `\`${q.name}\``);
  const matrices = results.sizes
    .map(
      (s) =>
        `${s.label}: ${s.matrix.concurrencies.map((c) => `c=${c}`).join(", ")}${s.matrix.openLoop !== "off" ? " + open loop" : ""}`,
    )
    .join("; ");
  return [
    "## Method",
    "",
    "**Data.** A seeded generator (`bench/scale/generator.ts`, seed " +
      `${o.seed}) writes SYNTHETIC resolutions shaped like the seed: header, section I with targets,` +
      " section II with numbered tasks and sub-tasks, section III naming who does what. Documents are" +
      " issued in date order and cite earlier ones, so chains of directives exist; central documents" +
      " cite central ones, provincial ones cite both; about a tenth of all citations go to six hubs and" +
      " about 12% to documents never ingested (decrees, circulars, older resolutions: stubs). Symbols are Party style (`26-NQ/TW`," +
      " `18-CT/TU`) and State style (`128/NQ-CP`, `16/2021/NQ-HĐND`, `1909/QĐ-TTg`, `15/2020/NĐ-CP`)." +
      " A sample of each corpus is run through cancu's extractor first: the document keys, every planted" +
      " citation and the task counts must come out as planned (table below). The corpus is loaded through" +
      " cancu's own ingest path (`ingestMany`, what `cancu ingest` runs: in order, up to 100 documents per transaction) by" +
      " `bench/scale/load.ts`; nodes and relationships are counted in the database afterwards.",
    "",
    "**Targets.** Three servers on the same Neo4j, each its own child process: **cancu** (the real" +
      " GraphQL API), the **floor** (the very Cypher statements cancu's resolvers run, through the same" +
      " executor, behind a bare `node:http` handler: no GraphQL at all, so what any API over this database" +
      " costs at least) and the **peer** (@neo4j/graphql 7" +
      " behind Apollo Server). Before any load, every instance of every question is asked of all three and" +
      " the canonical answers must be equal, or the size is aborted (with `--on-mismatch skip`, only the" +
      " disagreeing questions are left out, and reported). A target that gives no answer at all (an" +
      " error, or the 15 s read timeout every server has) is asked nothing more about that question and" +
      " is not measured on it; the others are. If that target is cancu, the question is not measured.",
    "",
    `**Questions.** Traversal: ${traversal.join(", ") || "none"}. Others: ${other.join(", ") || "none"}.` +
      (o.coldPool === 0
        ? ` Each has a hot pool only (${o.hotPool} instances asked again and again, \`--pools ${o.hotPool},0\`):` +
          " the cold list repeats the same instances (query-mix.ts, hotAndCold), so every request repeats" +
          " one of them and throughput is the hot pool's."
        : ` Each has a hot pool (${o.hotPool} instances asked again and again) and a cold pool (${o.coldPool}` +
          " instances, each asked about once per pass). The request list alternates them, so half of all" +
          " requests are hot and half cold; latencies are kept per pool, so hot and cold p50 are reported" +
          " from the same runs (a separate run per pool would double the run time).") +
      ` cancu's answer cache (#21): ${cacheNote(o.cancuCacheBytes ?? 0)}.`,
    "",
    "**Load.** autocannon 9 (programmatic API) on loopback, pipelining 1, each client starting at its own" +
      " place in the request list. Closed loop: a client sends its next request when the answer is in." +
      " Latencies are every response's own hrtime duration (fractional ms), not autocannon's histogram," +
      " which records whole milliseconds. Open loop" +
      (o.openLoopMode === "autocannon"
        ? ": autocannon's `overallRate` (bursty: each connection sends its per-second quota back to back)."
        : ": requests are sent on a fixed schedule (one every 1/rate s) whatever the answers do, and each" +
          " latency counts from the scheduled time, so queueing is charged to the server (no coordinated" +
          " omission). autocannon's `overallRate` is not used for it: it sends each connection's per-second" +
          " quota back to back at the start of every second, which at 80% load is a closed-loop burst again," +
          " and its correction adds invented 1 ms-spaced samples. (`--open-loop autocannon` runs it anyway.)") +
      ` The open-loop rate is ${Math.round(o.openLoopFraction * 100)}% of the best median closed-loop` +
      " throughput of that target on that question, so each target is loaded to the same fraction of its" +
      " own capacity.",
    "",
    `**Trials.** Per question and target a ${o.warmupSeconds} s warm-up at c=8 (not recorded), then` +
      ` ${o.trials} trial(s) of ${o.durationSeconds} s per configuration; inside each trial the three` +
      " targets run one after the other in a seeded random order. A closed-loop run goes on past its" +
      " duration until it has one answer per connection (up to 10× the duration, at least 20 s), and an" +
      " open-loop schedule is stretched to at" +
      " least 20 requests (up to 5× the duration), so that a slow question is measured rather than" +
      " reported empty. Tables give the median over trials" +
      " and [min–max]. Ratios (cancu ÷ floor, cancu ÷ peer) are computed pair by pair inside each trial," +
      " then the median of those ratios is reported. Latency percentiles are exact (nearest rank).",
    "",
    "**CPU per request.** Around every run the harness reads the CPU time (user + system, /proc) of the" +
      " server under test and of the Neo4j JVM; divided by the answered requests it gives the CPU each" +
      " answer cost, which depends far less on how busy the machine was than latency does (10 ms ticks:" +
      " coarse on runs with only a few answers).",
    "",
    `**Checks.** Every non-2xx response is counted; the first 20 responses of each run, then one in ${o.checkEvery} (and every non-2xx),` +
      " are parsed, reduced by the question's `canonical` and compared with the agreed answer.",
    "",
    `**Matrix.** ${matrices}.` +
      (o.matrix === "auto"
        ? " (`--matrix auto`: the full matrix on 10^5, a reduced one on the other sizes, so that a default" +
          " run of three sizes stays under an hour on a 2-core machine, a good part of it spent loading" +
          " 10^6 nodes; `--matrix full` measures every size in full.)"
        : ` (\`--matrix ${o.matrix}\`.)`),
    "",
    "**Caveats.** The load generator, the three servers and Neo4j share the machine's cores; only one" +
      " server is loaded at a time, but the generator's CPU is taken from the server under test. Absolute" +
      " numbers are this machine's; the ratios measured in the same minute are the portable part.",
    "",
  ];
}

function machineSection(results: RunResults): string[] {
  const m = results.machine;
  if (!m) return ["## Machine", "", "not recorded", ""];
  return [
    "## Machine",
    "",
    `- ${m.cores} cores, ${m.cpuModel}, ${m.ramGiB} GiB RAM, ${m.os}`,
    `- Node ${m.node}; ${m.java}`,
    `- ${m.neo4j} (embedded, local, Bolt on loopback), heap ${m.neo4jHeap}, page cache ${m.neo4jPageCache}`,
    `- load average when the run started: ${m.loadAverageAtStart.toFixed(2)}`,
    "",
  ];
}

function loadSection(results: RunResults): string[] {
  const lines = [
    "## Graphs and load times",
    "",
    "| size | documents (Party / State) | citations | extractor check | nodes | relationships | load time | relationships/s | documents/s | failed | reading / extracting / waiting for the database |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const s of results.sizes) {
    const c = s.corpus;
    const r = c?.recognition;
    lines.push(
      `| ${s.label} | ${c ? `${int(c.documents)} (${int(c.partyDocuments)} / ${int(c.stateDocuments)})` : "–"} | ${c ? int(c.citations) : "–"} | ${
        r
          ? `${r.documents - r.documentsWrong}/${r.documents} documents, ${r.citationsFound}/${r.citationsPlanted} citations`
          : "–"
      } | ${s.graph ? int(s.graph.nodes) : "–"} | ${s.graph ? int(s.graph.relationships) : "–"} | ${secs(s.load?.seconds)} | ${
        s.load ? int(s.load.relationshipsPerSecond) : "–"
      } | ${s.load ? (s.load.documents / s.load.seconds).toFixed(1) : "–"} | ${s.load?.failed ?? "–"} | ${
        s.load?.timings
          ? `${secs(s.load.timings.readingMs / 1000)} / ${secs(s.load.timings.extractingMs / 1000)} / ${secs(s.load.timings.waitingForDatabaseMs / 1000)}`
          : "–"
      } |`,
    );
  }
  lines.push("", "Nodes by label and time per phase:", "");
  for (const s of results.sizes) {
    const labels = s.graph
      ? Object.entries(s.graph.labels)
          .map(([l, n]) => `${l} ${int(n)}`)
          .join(", ")
      : "–";
    const phases = Object.entries(s.phases)
      .map(([p, t]) => `${p} ${secs(t)}`)
      .join(", ");
    lines.push(
      `- **${s.label}**: ${labels}. Phases: ${phases}.${s.status === "aborted" ? ` **ABORTED**: ${s.abortReason}` : ""}`,
    );
    for (const f of s.corpus?.recognition?.failures ?? []) lines.push(`  - extractor: ${f}`);
    for (const f of s.load?.firstFailures ?? []) lines.push(`  - load failure: ${f}`);
  }
  return [...lines, ""];
}

function sizeSection(results: RunResults, size: SizeResult): string[] {
  const lines = [`## ${size.label} nodes`, ""];
  const questions = results.questions.filter(
    (q) => !size.skippedQuestions.some((s) => s.question === q.name),
  );
  if (size.status === "aborted") lines.push(`**ABORTED**: ${size.abortReason}`, "");
  if (size.verification) {
    lines.push(
      `Before the load, ${size.verification.compared} instances were asked of the targets; answers differed on ${size.verification.mismatches}.`,
      ...size.verification.details.map((d) => `- mismatch: ${d}`),
      "",
    );
  }
  for (const skipped of size.skippedQuestions) {
    const why =
      skipped.reason === "answers differ"
        ? `the answers differ on ${skipped.count} instance(s) (the check stops at the third)`
        : skipped.reason === "cancu failed"
          ? `cancu gave no answer on ${skipped.count} instance(s)`
          : "no instance to ask on this graph";
    lines.push(`- **${skipped.question} not measured**: ${why}; first: ${skipped.first}`);
  }
  for (const excluded of size.excludedTargets) {
    lines.push(
      `- **${excluded.target} not measured on ${excluded.question}**: no answer on ${excluded.instances} instance(s) of the check (it was asked nothing more); first: ${excluded.first}`,
    );
  }
  if (size.skippedQuestions.length + size.excludedTargets.length > 0) lines.push("");
  if (size.runs.length === 0) return lines;
  for (const config of configsOf(size)) {
    lines.push(`### ${configLabel(config)}`, "");
    if (config === "open") {
      lines.push(
        "| question | target | rate asked (req/s) | achieved req/s | p50 ms | **p99 ms** | hot / cold p50 ms | generator lag p99 ms | non-2xx / errors | bodies checked / wrong |",
        "|---|---|---|---|---|---|---|---|---|---|",
      );
    } else {
      lines.push(
        "| question | target | p50 ms | p99 ms | req/s | hot / cold p50 ms | server CPU ms/req | Neo4j CPU ms/req | non-2xx / errors | bodies checked / wrong |",
        "|---|---|---|---|---|---|---|---|---|---|",
      );
    }
    for (const q of questions) {
      for (const target of TARGETS) {
        const runs = runsOf(size, q.name, config, target);
        if (runs.length === 0) continue;
        const c = cellSummary(runs);
        const name = `${q.name}${q.traversal ? " (traversal)" : ""}`;
        const errors = `${c.non2xx} / ${c.errors}`;
        const bodies = `${c.bodyChecked} / ${c.bodyFailed}`;
        if (config === "open") {
          const lag = Math.max(...runs.map((r) => r.measurement.sendLagP99 ?? Number.NaN));
          lines.push(
            `| ${name} | ${target} | ${rps(size.openLoopRates[q.name]?.[target] ?? Number.NaN)} | ${cell(c.throughput, rps)} | ${cell(c.p50, ms)} | ${cell(c.p99, ms)} | ${ms(c.hotP50.median)} / ${ms(c.coldP50.median)} | ${ms(lag)} | ${errors} | ${bodies} |`,
          );
        } else {
          lines.push(
            `| ${name} | ${target} | ${cell(c.p50, ms)} | ${cell(c.p99, ms)} | ${cell(c.throughput, rps)} | ${ms(c.hotP50.median)} / ${ms(c.coldP50.median)} | ${cell(c.serverCpu, ms)} | ${cell(c.neo4jCpu, ms)} | ${errors} | ${bodies} |`,
          );
        }
      }
    }
    lines.push("");
    if (config !== "open") {
      lines.push(
        "| question | p50 cancu/floor | p99 cancu/floor | req/s cancu/floor | p50 cancu/peer | req/s cancu/peer |",
        "|---|---|---|---|---|---|",
      );
      for (const q of questions) {
        const r = (other: TargetName, metric: RatioMetric) =>
          cell(pairedRatio(size, q.name, config, other, metric), ratio);
        lines.push(
          `| ${q.name} | ${r("floor", "p50")} | ${r("floor", "p99")} | ${r("floor", "throughput")} | ${r("peer", "p50")} | ${r("peer", "throughput")} |`,
        );
      }
      lines.push("");
    } else {
      lines.push(
        "| question | p99 cancu/floor | p99 cancu/peer |",
        "|---|---|---|",
        ...questions.map(
          (q) =>
            `| ${q.name} | ${cell(pairedRatio(size, q.name, "open", "floor", "p99"), ratio)} | ${cell(pairedRatio(size, q.name, "open", "peer", "p99"), ratio)} |`,
        ),
        "",
        "Each target runs at its own rate (80% of its own peak), so open-loop ratios compare equally loaded servers, not equal rates.",
        "",
      );
    }
  }
  return lines;
}

function totalsSection(results: RunResults): string[] {
  const lines = [
    "## Errors, body checks and memory",
    "",
    "Non-2xx responses, socket errors and wrong bodies over all measured runs of a size, and the peak",
    "resident set size (VmHWM from /proc) of each server process over that size (Neo4j: its JVM,",
    "reset at the start of the size).",
    "",
    "| size | target | non-2xx | errors | bodies checked | wrong bodies | peak RSS MiB |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const s of results.sizes) {
    for (const target of TARGETS) {
      const m = s.runs.filter((r) => r.target === target).map((r) => r.measurement);
      const sum = (f: (x: (typeof m)[number]) => number) => m.reduce((n, x) => n + f(x), 0);
      const rss = s.peakRssMiB[target];
      lines.push(
        `| ${s.label} | ${target} | ${sum((x) => x.non2xx)} | ${sum((x) => x.errors)} | ${sum((x) => x.bodyChecked)} | ${sum((x) => x.bodyFailed)} | ${rss == null ? "–" : int(rss)} |`,
      );
    }
    const neo4j = s.peakRssMiB.neo4j;
    lines.push(`| ${s.label} | Neo4j (JVM) | | | | | ${neo4j == null ? "n/a" : int(neo4j)} |`);
  }
  const firstFailures = results.sizes.flatMap((s) =>
    s.runs
      .filter((r) => r.measurement.firstBodyFailure)
      .map((r) => `${s.label} ${r.question} ${r.config} ${r.target}: ${r.measurement.firstBodyFailure}`),
  );
  if (firstFailures.length > 0)
    lines.push("", "First wrong bodies:", "", ...firstFailures.slice(0, 10).map((f) => `- ${f}`));
  return [...lines, ""];
}

export function renderReport(results: RunResults, jsonPath: string): string {
  const date = results.startedAt.slice(0, 10);
  const status = results.sizes.map((s) => `${s.label}: ${s.status}`).join(", ");
  const lines = [
    "# Scale benchmark: cancu, the floor and @neo4j/graphql (SYNTHETIC data)",
    "",
    `Generated by \`${results.command}\` on ${date}${results.finishedAt ? "" : " (still running or interrupted)"};` +
      ` ${secs(results.totalSeconds)} in all. Raw numbers: [\`${jsonPath}\`](${jsonPath}).`,
    "",
    "**Every document in these graphs is synthetic** (generated, seeded, not real policy text); the",
    "graphs are shaped like real resolutions so that the queries do realistic work.",
    "",
    `Sizes: ${status || "none"}.`,
    "",
    ...goalsSection(results),
    ...methodSection(results),
    ...machineSection(results),
    ...loadSection(results),
    ...results.sizes.flatMap((s) => sizeSection(results, s)),
    ...totalsSection(results),
  ];
  return lines.join("\n");
}
