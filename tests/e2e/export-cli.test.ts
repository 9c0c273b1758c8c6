import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlinesIcs, dutiesCsv, parseExportRequest, readExport } from "../../src/api/exports/index.js";
import { projectRoot } from "../../src/config/settings.js";
import { GraphExecutor } from "../../src/graph/executor.js";
import { ingestText } from "../../src/graph/ingest.js";
import { testDriver, testEnv, testNeo4j } from "../setup/neo4j-context.js";
import { ensureSeed } from "../setup/seed-graph.js";

// `cancu export` (#20) as a user runs it: a child process against the test Neo4j, stdout on a
// real pipe whose reader is slow. The plan exported is this test's own (a unique number): 400
// tasks' deadlines, an .ics of several hundred KB, far more than a pipe's 64 KB buffer.

const driver = testDriver();
const executor = new GraphExecutor(driver, testNeo4j().database);
const number = 8000 + Math.floor(Math.random() * 1500);
const year = 2019;
const planKey = `KH|${number}-KH/TU|${year}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-export-"));

function planText(): string {
  const lines = [
    "TỈNH ỦY QUẢNG NINH",
    `Số: ${number}-KH/TU`,
    `Quảng Ninh, ngày 10 tháng 3 năm ${year}`,
    "KẾ HOẠCH",
    "thực hiện chương trình chuyển đổi số",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số.",
    "II. NHIỆM VỤ",
  ];
  for (let i = 1; i <= 400; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    lines.push(
      `${i}. Xây dựng và triển khai nhiệm vụ chuyển đổi số thứ ${i} của các cơ quan, đơn vị trên địa bàn tỉnh, hoàn thành trước ngày ${day}/${month}/2022.`,
    );
  }
  return `${lines.join("\n")}\n`;
}

async function removePlan(): Promise<void> {
  await driver.executeQuery(
    `MATCH (d:Document {key: $key}) OPTIONAL MATCH (d)<-[:IN_DOCUMENT]-(t:Task) DETACH DELETE t, d`,
    { key: planKey },
    { database: testNeo4j().database },
  );
}

beforeAll(async () => {
  await ensureSeed();
  await removePlan();
  await ingestText(executor, { text: planText(), sourceName: `export-cli-${number}.txt` });
});

afterAll(async () => {
  await removePlan();
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `cancu export …` with stdout on a pipe that is read late and slowly. */
function cancu(args: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "bin", "cancu.mjs"), "export", ...args], {
      cwd: projectRoot,
      env: testEnv({ CANCU_FROM_SOURCE: "1" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.pause();
    setTimeout(() => {
      child.stdout.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 2);
      });
      child.stdout.resume();
    }, 1000);
    child.on("error", reject);
    const exited = new Promise<number | null>((done) => child.on("exit", done));
    child.stdout.on("end", () => {
      void exited.then((code) => resolve({ code, stdout: Buffer.concat(chunks), stderr }));
    });
  });
}

const withoutStamps = (ics: string) => ics.replace(/^DTSTAMP:.*\r\n/gm, "");

describe("cancu export", () => {
  it("ics to stdout: the whole calendar through a slow pipe, as the API's exporter writes it", async () => {
    const run = await cancu(["ics", "--document", planKey]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const text = run.stdout.toString("utf8");
    expect(run.stdout.length).toBeGreaterThan(200_000);
    const expected = deadlinesIcs(await readExport(executor, parseExportRequest({ document: planKey })));
    expect(withoutStamps(text)).toBe(withoutStamps(expected));
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
    // checked again with raw Cypher: one event per deadline stored on the plan's tasks
    const { records } = await driver.executeQuery(
      "MATCH (:Document {key: $key})<-[:IN_DOCUMENT]-(t:Task) RETURN t.deadlines AS deadlines",
      { key: planKey },
      { database: testNeo4j().database },
    );
    const stored = records.flatMap(
      (r) => JSON.parse(r.get("deadlines") as string) as { due: string | null }[],
    );
    expect(events.length).toBe(stored.filter((d) => d.due).length);
    expect(events.length).toBeGreaterThan(300);
  });

  it("csv --bom --out: the file whole, by the document's symbol, and no temporary file left", async () => {
    const out = path.join(dir, "duties.csv");
    const run = await cancu(["csv", "--document", `${number}-KH/TU`, "--bom", "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toMatch(/^cancu: wrote .*duties\.csv \(\d+ bytes\)\n$/);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const expected = dutiesCsv(await readExport(executor, parseExportRequest({ document: planKey })), {
      bom: true,
    });
    expect(bytes.toString("utf8")).toBe(expected);
    const rows = parseCsv(bytes, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((r) => r.document_key === planKey)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["duties.csv"]);
  });

  it.each([
    [["pdf", "--document", "x"], "BAD_USER_INPUT: name the format"],
    [["ics"], "BAD_USER_INPUT: name a scope"],
    [["ics", "--organization", "a", "--document", "b"], "BAD_USER_INPUT: name one scope"],
    [["csv", "--document", "x", "--from", "2022-13-01"], "BAD_USER_INPUT: from must be a calendar date"],
    [["ics", "--document", "x", "--bom"], "BAD_USER_INPUT: --bom is for csv only"],
    [["csv", "--document", "x", "--sheet"], "BAD_USER_INPUT: unknown option --sheet"],
    [["csv", "--document"], "BAD_USER_INPUT: --document needs a value"],
  ])("refuses %j with a coded message, exit 2, nothing on stdout", async (args, message) => {
    const run = await cancu(args);
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toBe(`cancu: ${message}${run.stderr.slice(`cancu: ${message}`.length)}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unknown organization: NOT_FOUND, and --out writes nothing", async () => {
    const out = path.join(dir, "missing.ics");
    const run = await cancu(["ics", "--organization", "no-such-body", "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cancu: NOT_FOUND: no organization has the key "no-such-body"\n$/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name !== "duties.csv")).toEqual([]);
  });
});
