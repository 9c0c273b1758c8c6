import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/settings.js";
import { testDriver, testEnv, testNeo4j } from "../setup/neo4j-context.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancu-ingest-cli-"));
const number = 500 + Math.floor(Math.random() * 9000);
const files = {
  good: path.join(dir, "good.txt"),
  empty: path.join(dir, "empty.txt"),
  binary: path.join(dir, "binary.bin"),
  legacy: path.join(dir, "vni.txt"),
  doc: path.join(dir, "old.doc"),
  noise: path.join(dir, "noise.txt"),
};
fs.writeFileSync(
  files.good,
  `TỈNH ỦY QUẢNG NINH\nSố ${number}-KH/TU\nQuảng Ninh, ngày 10 tháng 01 năm 2022\n\nKẾ HOẠCH\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề kiểm thử dòng lệnh số ${number}\n\nI- MỤC ĐÍCH\n1. Quán triệt\nThực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương.\n`,
);
fs.writeFileSync(files.empty, "");
fs.writeFileSync(
  files.binary,
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
);
// VNI (a legacy font encoding) as its bytes read through Latin-1: detected, never converted
fs.writeFileSync(
  files.legacy,
  "Nghò quyeát soá 12-NQ/TU cuûa Tænh uûy veà vieäc thöïc hieän nhieäm vuï naêm 2022.\n".repeat(10),
);
// an OLE2 compound file (a legacy Word .doc): its format is named in the refusal
fs.writeFileSync(
  files.doc,
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
);
fs.writeFileSync(files.noise, "lorem ipsum dolor sit amet\n".repeat(20));
const missing = path.join(dir, "missing.txt");

const driver = testDriver();
afterAll(async () => {
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function documentsFrom(sourceName: string): Promise<number> {
  const { records } = await driver.executeQuery(
    "MATCH (d:Document {sourceName: $sourceName}) RETURN count(d) AS n",
    { sourceName },
    { database: testNeo4j().database },
  );
  return Number(records[0]?.get("n"));
}

describe("cancu ingest on a mix of good and bad files", () => {
  const run = spawnSync(
    process.execPath,
    [path.join(projectRoot, "bin", "cancu.mjs"), "ingest", "--batch", "2", ...Object.values(files), missing],
    { cwd: projectRoot, env: testEnv(), encoding: "utf8", timeout: 120_000 },
  );

  it("exits 1 because something failed, with no stack trace", () => {
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ["empty", /empty/i],
    ["binary", /binary/i],
    ["legacy", /legacy Vietnamese font encoding \(TCVN3\/ABC or VNI\)/],
    ["doc", /Office|\.doc/],
    ["noise", /no recognisable structure/],
  ] as const)("names the %s file and says why it failed", (name, reason) => {
    const line = run.stderr.split("\n").find((l) => l.includes("FAILED") && l.includes(files[name]));
    expect(line, run.stderr).toBeDefined();
    expect(line).toMatch(reason);
  });

  it("reports the missing path", () => {
    expect(run.stderr).toContain(`${missing}: no such file or folder`);
  });

  it("still loads the good file, and ends with a summary", async () => {
    expect(run.stdout).toMatch(/files: 6, loaded: 1 \(created 1,/);
    // where the time went, and what set the pace (#21)
    expect(run.stdout).toMatch(
      /time: [\d.]+ s \(reading [\d.]+ s, extracting [\d.]+ s, waiting for the database [\d.]+ s: (the database|the extractor|reading the files) set the pace\)/,
    );
    expect(run.stdout).toMatch(/failed: 5/);
    expect(await documentsFrom(files.good)).toBe(1);
  });

  it("writes nothing for the bad files", async () => {
    for (const name of ["empty", "binary", "legacy", "doc", "noise"] as const) {
      expect(await documentsFrom(files[name])).toBe(0);
    }
  });
});
