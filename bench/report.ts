/**
 * bench/RESULTS.md is generated: the tables of one run's raw results (scale/report.ts: goals with
 * their verdicts, method, machine, load, per size and question cancu vs the floor vs the peer with
 * the paired ratios) followed by the conclusion written by hand in RESULTS-CONCLUSION.md beside it.
 * `npm run bench` writes it after every size; this regenerates it without running anything:
 *
 *   npx tsx bench/report.ts                       # from the latest bench/results/*.json
 *   npx tsx bench/report.ts bench/results/X.json [--out bench/RESULTS.md]
 *
 * Only the latest raw results are kept in the tree; earlier runs live in git's history.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderReport } from "./scale/report.js";
import type { RunResults } from "./scale/results.js";

export const conclusionFileName = "RESULTS-CONCLUSION.md";

/** "2026-11-27T03-06-18Z": how a run's JSON is named, from its start time */
const stampPattern = /\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ/;

/** The newest results file of a folder (the names are UTC timestamps, so they sort by time). */
export function latestResultsFile(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json") && stampPattern.test(f))
    .sort();
  const latest = files.at(-1);
  return latest === undefined ? null : path.join(dir, latest);
}

/**
 * The report: the generated tables, then the conclusion. A conclusion that names another run's
 * stamp than the one rendered is flagged, so that new numbers do not stand under an old reading.
 */
export function resultsReport(results: RunResults, jsonPath: string, conclusion: string | null): string {
  const tables = renderReport(results, jsonPath);
  if (conclusion === null) return `${tables}\n`;
  const written = stampPattern.exec(conclusion)?.[0];
  const rendered = stampPattern.exec(path.basename(jsonPath))?.[0];
  const stale =
    written !== undefined && rendered !== undefined && written !== rendered
      ? `_The conclusion below was written for the run of ${written}, not for this one (${rendered}): read it against these tables._\n\n`
      : "";
  return `${tables}\n${stale}${conclusion.trimEnd()}\n`;
}

/** Writes `out` from one results file, with the conclusion that sits beside `out`, if any. */
export function writeResultsReport(jsonFile: string, out: string): void {
  const results = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as RunResults;
  const conclusionFile = path.join(path.dirname(out), conclusionFileName);
  const conclusion = fs.existsSync(conclusionFile) ? fs.readFileSync(conclusionFile, "utf8") : null;
  const link = path.relative(path.dirname(out), jsonFile).split(path.sep).join("/");
  fs.writeFileSync(out, resultsReport(results, link, conclusion));
}

function main(argv: string[]): number {
  const here = path.dirname(fileURLToPath(import.meta.url));
  let out = path.join(here, "RESULTS.md");
  let json: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--out" && argv[i + 1]) out = path.resolve(argv[++i]!);
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write("usage: npx tsx bench/report.ts [results.json] [--out bench/RESULTS.md]\n");
      return 0;
    } else if (!arg.startsWith("-") && json === null) json = path.resolve(arg);
    else {
      process.stderr.write(`bench/report.ts: unknown argument ${arg}\n`);
      return 2;
    }
  }
  json ??= latestResultsFile(path.join(path.dirname(out), "results"));
  if (json === null) {
    process.stderr.write(`bench/report.ts: no results JSON in ${path.join(path.dirname(out), "results")}\n`);
    return 1;
  }
  writeResultsReport(json, out);
  process.stderr.write(
    `wrote ${path.relative(process.cwd(), out)} from ${path.relative(process.cwd(), json)}\n`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
