import { describe, expect, it } from "vitest";
import {
  summaryLine,
  tally,
  type CountedModule,
  type CountedSuite,
  type CountedTest,
} from "../setup/summary-reporter.js";

// Fakes with the shape of vitest's reported tasks: a test has a state; a suite or file has a state,
// its own errors (a failing hook, an import that throws) and its tests and suites, nested.

const test = (state: string): CountedTest => ({ result: () => ({ state }) });

interface FakeSuite extends CountedSuite {
  fullName: string;
}

function suite(fullName: string, tests: CountedTest[], errors: unknown[] = [], state?: string): FakeSuite {
  return {
    fullName,
    state: () =>
      state ?? (errors.length > 0 || tests.some((t) => t.result().state === "failed") ? "failed" : "passed"),
    errors: () => errors,
    children: { allTests: () => tests, allSuites: () => [] },
  };
}

function file(
  name: string,
  tests: CountedTest[],
  options: { suites?: FakeSuite[]; errors?: unknown[]; state?: string } = {},
): CountedModule {
  const suites = options.suites ?? [];
  const allTests = [...tests, ...suites.flatMap((s) => [...s.children.allTests()])];
  const errors = options.errors ?? [];
  const failed =
    errors.length > 0 ||
    suites.some((s) => s.state() === "failed") ||
    allTests.some((t) => t.result().state === "failed");
  return {
    moduleId: `/repo/${name}`,
    state: () => options.state ?? (failed ? "failed" : "passed"),
    errors: () => errors,
    children: { allTests: () => allTests, allSuites: () => suites },
  };
}

const boom = (message: string) => ({ message: `${message}\n    at somewhere` });
const count = (modules: CountedModule[], unhandled: unknown[] = [], reason = "passed") => {
  const { passed, failed, skipped, failures } = tally(modules, unhandled, reason, "/repo");
  return { line: summaryLine({ passed, failed, skipped, failures }), failures };
};

describe("the closing line counts what vitest counts as failed", () => {
  // prettier-ignore
  it.each([
    // case,                                                               files,                                                                                                              unhandled,                  vitest's reason, the line
    ["all passed",                                                         [file("a.test.ts", [test("passed"), test("passed")])],                                                               [],                         "passed",      "tests: 2 passed, 0 failed, 0 skipped"],
    ["a failed test",                                                      [file("a.test.ts", [test("passed"), test("failed")])],                                                               [],                         "failed",      "tests: 1 passed, 1 failed, 0 skipped"],
    ["skipped and todo tests",                                             [file("a.test.ts", [test("skipped"), test("pending"), test("passed")])],                                             [],                         "passed",      "tests: 1 passed, 0 failed, 2 skipped"],
    ["a beforeAll that fails: its tests skipped, the suite failed",        [file("b.test.ts", [], { suites: [suite("browser", [test("skipped"), test("skipped")], [boom("no Chromium")])] })],   [],                         "failed",      "tests: 0 passed, 1 failed, 2 skipped"],
    ["a file that throws while collected",                                 [file("c.test.ts", [], { errors: [boom("cannot import")] }), file("a.test.ts", [test("passed")])],                   [],                         "failed",      "tests: 1 passed, 1 failed, 0 skipped"],
    ["a failed suite and a failed test in another file",                   [file("b.test.ts", [], { suites: [suite("s", [test("skipped")], [boom("hook")])] }), file("a.test.ts", [test("failed")])], [],                     "failed",      "tests: 0 passed, 2 failed, 1 skipped"],
    ["a failed file with no error of its own nor failed test",             [file("d.test.ts", [test("skipped")], { state: "failed" })],                                                         [],                         "failed",      "tests: 0 passed, 1 failed, 1 skipped"],
    ["an unhandled error",                                                 [file("a.test.ts", [test("passed")])],                                                                               [boom("unhandled rejection")], "failed",   "tests: 1 passed, 1 failed, 0 skipped"],
    ["a run vitest calls failed with nothing else counted (global setup)", [],                                                                                                                  [],                         "failed",      "tests: 0 passed, 1 failed, 0 skipped"],
    ["an interrupted run with nothing failed",                             [file("a.test.ts", [test("passed"), test("skipped")])],                                                              [],                         "interrupted", "tests: 1 passed, 0 failed, 1 skipped"],
  ] as const)("%s", (_case, modules, unhandled, reason, line) => {
    expect(count([...modules], [...unhandled], reason).line).toBe(line);
  });

  it("names each failure outside a test by file and suite, with its error's first line", () => {
    const { failures } = count(
      [
        file("tests/e2e/explorer.test.ts", [], {
          suites: [suite("the explorer", [test("skipped")], [boom("no Chromium at /usr/bin/chromium")])],
        }),
        file("tests/unit/x.test.ts", [], { errors: [boom("SyntaxError: bad")] }),
      ],
      [boom("late rejection")],
      "failed",
    );
    expect(failures).toEqual([
      "tests/e2e/explorer.test.ts > the explorer: no Chromium at /usr/bin/chromium",
      "tests/unit/x.test.ts: SyntaxError: bad",
      "unhandled error: late rejection",
    ]);
  });

  it("the line is alone and in the form CI reads", () => {
    expect(summaryLine({ passed: 446, failed: 1, skipped: 8, failures: [] })).toMatch(
      /^tests: \d+ passed, \d+ failed, \d+ skipped$/,
    );
  });
});
