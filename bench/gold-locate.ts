/**
 * Fills `start`, `end` and `sha256` of gold passages from their `from`/`to` anchors, for a gold
 * file being written by hand (bench/gold/README.md). It never runs the extractor.
 *
 *   npx tsx bench/gold-locate.ts bench/gold/<file>.yaml
 *   npx tsx bench/gold-locate.ts --split      (once a batch is complete: its `split: pending` → dev/test)
 *
 * A passage starts at the first `from` in its document's file ("" = the start of the file) and
 * ends at the end of the first `to` after it. Passages that already have all three fields are
 * checked, not changed. The YAML is rewritten in place only for the three fields (a line
 * `start: …`, `end: …`, `sha256: …` under the passage's `id:`); anything else is left as written.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { seededSplit } from "./extract-accuracy.js";

const repoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Passage {
  id: string;
  document: string;
  from: string;
  to: string;
  start?: number;
  end?: number;
  sha256?: string;
}

export function locate(source: string, from: string, to: string): { start: number; end: number } | null {
  const start = from === "" ? 0 : source.indexOf(from);
  if (start < 0) return null;
  const at = source.indexOf(to, start);
  if (at < 0) return null;
  return { start, end: at + to.length };
}

/** Splits every batch that has pending passages, by the seeded rule over the whole batch. */
function splitPending(goldDir: string): void {
  const files = fs.readdirSync(goldDir).filter((f) => f.endsWith(".yaml"));
  const byBatch = new Map<number, { file: string; id: string; pending: boolean }[]>();
  for (const f of files) {
    const gold = parse(fs.readFileSync(path.join(goldDir, f), "utf8")) as {
      batch?: number;
      passages: { id: string; split: string }[];
    };
    const batch = gold.batch ?? 1;
    const list = byBatch.get(batch) ?? [];
    for (const p of gold.passages) list.push({ file: f, id: p.id, pending: p.split === "pending" });
    byBatch.set(batch, list);
  }
  for (const [batch, list] of byBatch) {
    if (!list.some((p) => p.pending)) continue;
    if (!list.every((p) => p.pending))
      throw new Error(`batch ${batch} is partly split already: split a batch once, when it is complete`);
    const split = seededSplit(list.map((p) => p.id));
    for (const f of new Set(list.map((p) => p.file))) {
      const lines = fs.readFileSync(path.join(goldDir, f), "utf8").split("\n");
      let current: string | null = null;
      for (let i = 0; i < lines.length; i++) {
        const id = /^\s*- id: (\S+)\s*$/.exec(lines[i]!);
        if (id) current = id[1]!;
        if (current && /^\s*split: pending\s*$/.test(lines[i]!))
          lines[i] = lines[i]!.replace("pending", split.get(current)!);
      }
      fs.writeFileSync(path.join(goldDir, f), lines.join("\n"));
    }
    const test = list.filter((p) => split.get(p.id) === "test").length;
    process.stdout.write(
      `batch ${batch}: ${list.length} passages, ${test} test, ${list.length - test} dev\n`,
    );
  }
}

function main(): void {
  if (process.argv[2] === "--split") {
    splitPending(path.join(repoRoot, "bench", "gold"));
    return;
  }
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: npx tsx bench/gold-locate.ts bench/gold/<file>.yaml\n");
    process.exitCode = 2;
    return;
  }
  let yaml = fs.readFileSync(file, "utf8");
  const gold = parse(yaml) as { documents: Record<string, { file: string }>; passages: Passage[] };
  let failed = 0;
  for (const p of gold.passages) {
    const doc = gold.documents[p.document];
    if (!doc) {
      process.stderr.write(`${p.id}: unknown document ${p.document}\n`);
      failed++;
      continue;
    }
    const source = fs.readFileSync(path.resolve(repoRoot, doc.file), "utf8");
    const at = locate(source, p.from ?? "", p.to);
    if (!at) {
      process.stderr.write(`${p.id}: anchors not found in ${doc.file}\n`);
      failed++;
      continue;
    }
    const text = source.slice(at.start, at.end);
    const sha = crypto.createHash("sha256").update(text, "utf8").digest("hex").slice(0, 16);
    const recorded = [p.start, p.end, p.sha256].filter((v) => v !== undefined).length;
    if (recorded === 1 || recorded === 2) {
      process.stderr.write(`${p.id}: give all of start, end, sha256 or none\n`);
      failed++;
      continue;
    }
    if (recorded === 3) {
      if (p.start !== at.start || p.end !== at.end || p.sha256 !== sha) {
        process.stderr.write(
          `${p.id}: recorded [${p.start}, ${p.end}) ${p.sha256}, anchors give [${at.start}, ${at.end}) ${sha}\n`,
        );
        failed++;
      }
      continue;
    }
    // insert the three fields right after the passage's id line
    const idLine = new RegExp(`^(\\s*)- id: ${p.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "m");
    const m = idLine.exec(yaml);
    if (!m) {
      process.stderr.write(`${p.id}: id line not found (write it as "- id: ${p.id}")\n`);
      failed++;
      continue;
    }
    const indent = `${m[1]}  `;
    const lines = [`start: ${at.start}`, `end: ${at.end}`, `sha256: ${sha}`]
      .map((l) => `${indent}${l}`)
      .join("\n");
    yaml = yaml.slice(0, m.index + m[0].length) + "\n" + lines + yaml.slice(m.index + m[0].length);
    process.stdout.write(`${p.id}: [${at.start}, ${at.end}) ${at.end - at.start} characters\n`);
  }
  fs.writeFileSync(file, yaml);
  if (failed) process.exitCode = 1;
}

main();
