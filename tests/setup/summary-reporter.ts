import path from "node:path";
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from "vitest/node";

/** The parts of vitest's reported tasks that the count reads (vitest's TestModule fits). */
export interface CountedTest {
  result(): { state: string };
}
export interface CountedSuite {
  state(): string;
  errors(): ReadonlyArray<unknown>;
  children: { allTests(): Iterable<CountedTest>; allSuites(): Iterable<CountedSuite & { fullName: string }> };
}
export interface CountedModule extends CountedSuite {
  moduleId: string;
}

export interface Tally {
  passed: number;
  /** failed tests, plus every file or suite that failed on its own (collection, beforeAll, afterAll …), plus unhandled errors */
  failed: number;
  skipped: number;
  /** what failed besides tests, one line each: "tests/e2e/x.test.ts > a suite: its error" */
  failures: string[];
}

function firstLine(error: unknown): string {
  const message =
    typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  return message.split("\n")[0] ?? "";
}

/**
 * Counts a run so that its line agrees with vitest's verdict: a test counts once by its state; a
 * file or suite that failed by itself (an import that throws, a failing beforeAll, whose tests are
 * then reported as skipped) counts as one more failure; so does each unhandled error; and a run
 * that vitest calls failed with nothing counted (a global setup that threw) counts one.
 */
export function tally(
  modules: ReadonlyArray<CountedModule>,
  unhandledErrors: ReadonlyArray<unknown> = [],
  reason: string = "passed",
  root: string = process.cwd(),
): Tally {
  const counts: Tally = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const fail = (where: string, error: unknown) => {
    counts.failed += 1;
    counts.failures.push(`${where}: ${firstLine(error)}`);
  };
  for (const module of modules) {
    const file = path.relative(root, module.moduleId) || module.moduleId;
    const failedBefore = counts.failed;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === "passed") counts.passed += 1;
      else if (state === "failed") counts.failed += 1;
      else counts.skipped += 1;
    }
    const moduleErrors = module.errors();
    if (moduleErrors.length > 0) fail(file, moduleErrors[0]);
    for (const suite of module.children.allSuites()) {
      const suiteErrors = suite.errors();
      if (suiteErrors.length > 0) fail(`${file} > ${suite.fullName}`, suiteErrors[0]);
    }
    if (module.state() === "failed" && counts.failed === failedBefore) fail(file, "failed");
  }
  for (const error of unhandledErrors) fail("unhandled error", error);
  if (reason === "failed" && counts.failed === 0) fail("the run", "vitest reports a failure");
  return counts;
}

/** "tests: 446 passed, 1 failed, 8 skipped": alone on its line, for any CI log reader. */
export function summaryLine(counts: Tally): string {
  return `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}

/** Ends the run with the summary line, then what failed besides tests (files, suites), one per line. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const counts = tally(testModules, unhandledErrors, reason);
    const details = counts.failures.map((failure) => `  failed outside a test: ${failure}\n`).join("");
    process.stdout.write(`\n${summaryLine(counts)}\n${details}`);
  }
}
