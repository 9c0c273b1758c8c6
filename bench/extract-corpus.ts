/**
 * Runs the extractor over the whole real corpus (../shared/corpus) and reports files, time,
 * citations found, documents identified, agreement of the extracted header with the gazette's
 * index.json, and warnings by kind. Writes bench/EXTRACT-CORPUS.md with `--write`.
 *
 *   npx tsx bench/extract-corpus.ts [corpus folder] [--write]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  decodeSource,
  ExtractionError,
  extractDocument,
  normaliseSymbol,
  type ParsedDocument,
} from "../src/extract/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const write = args.includes("--write");
const corpusDir = path.resolve(
  args.find((a) => !a.startsWith("--")) ?? path.join(here, "..", "..", "shared", "corpus"),
);

interface IndexEntry {
  so_hieu: string;
  slug: string;
  loai: string;
  nam: number;
  full_text?: string;
}

interface FileResult {
  folder: string;
  file: string;
  bytes: number;
  ms: number;
  parsed: ParsedDocument | null;
  error: string | null;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else if (/\.(txt|md)$/.test(entry.name) && !/^(README|REFERENCES|REPO_LICENSE)/.test(entry.name))
      out.push(p);
    else if (
      entry.name.endsWith(".json") &&
      p.includes(`${path.sep}docs${path.sep}`) &&
      !fs.existsSync(p.replace(/\.json$/, ".txt"))
    )
      out.push(p);
  }
  return out.sort();
}

const files = walk(corpusDir);
const results: FileResult[] = [];
const started = performance.now();
let extractMs = 0;
for (const file of files) {
  const rel = path.relative(corpusDir, file);
  const folder = rel.split(path.sep)[0]!;
  const raw = fs.readFileSync(file);
  let text: string;
  try {
    if (file.endsWith(".json")) {
      const entry = JSON.parse(raw.toString("utf8")) as IndexEntry;
      text = entry.full_text ?? "";
      if (text.trim() === "") throw new ExtractionError("EMPTY", `${rel}: no full_text`);
    } else {
      text = decodeSource(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), rel);
    }
  } catch (error) {
    results.push({
      folder,
      file: rel,
      bytes: raw.length,
      ms: 0,
      parsed: null,
      error: error instanceof ExtractionError ? error.code : String(error),
    });
    continue;
  }
  const t0 = performance.now();
  const parsed = extractDocument(text, { sourceName: path.basename(file) });
  const ms = performance.now() - t0;
  extractMs += ms;
  results.push({ folder, file: rel, bytes: raw.length, ms, parsed, error: null });
}
const wallSeconds = (performance.now() - started) / 1000;

// ---------------------------------------------------------------- totals

const ok = results.filter((r): r is FileResult & { parsed: ParsedDocument } => r.parsed !== null);
const totalBytes = results.reduce((a, r) => a + r.bytes, 0);
const citations = ok.flatMap((r) => r.parsed.citations);
const resolvedKeys = new Set(citations.filter((c) => c.resolved).map((c) => c.key));
const unresolvedKeys = new Set(citations.filter((c) => !c.resolved).map((c) => c.key));
const named = ok.flatMap((r) => r.parsed.namedReferences);
const namedByKind = countBy(named.map((n) => n.kind));
const lawKeys = new Set(named.filter((n) => n.key).map((n) => n.key));
const warningsByKind = countBy(ok.flatMap((r) => r.parsed.warnings.map((w) => w.kind)));
const headerKeys = new Set(ok.map((r) => r.parsed.document.key));
const slowest = [...ok].sort((a, b) => b.ms - a.ms).slice(0, 5);

// ---------------------------------------------------------------- header agreement with index.json

const indexPath = path.join(corpusDir, "congbao_phapluat-8chude", "index.json");
const index: IndexEntry[] = fs.existsSync(indexPath)
  ? (JSON.parse(fs.readFileSync(indexPath, "utf8")) as IndexEntry[])
  : [];
const bySlug = new Map(index.map((e) => [e.slug, e]));
const SLUG_TYPES: readonly [string, string][] = [
  ["thong-tu-lien-tich", "Thông tư liên tịch"],
  ["van-ban-hop-nhat", "Văn bản hợp nhất"],
  ["nghi-dinh", "Nghị định"],
  ["nghi-quyet", "Nghị quyết"],
  ["quyet-dinh", "Quyết định"],
  ["thong-tu", "Thông tư"],
  ["thong-bao", "Thông báo"],
  ["chi-thi", "Chỉ thị"],
  ["bo-luat", "Bộ luật"],
  ["luat", "Luật"],
];
const foldSymbol = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^|-)0+(\d)/g, "$1$2");
interface Agreement {
  checked: number;
  agree: number;
  missing: number;
  examples: string[];
}
const agreement = {
  symbol: newAgreement(),
  symbolFromText: newAgreement(),
  type: newAgreement(),
  year: newAgreement(),
};
let indexYearWrong = 0;
let gazetteFiles = 0;
for (const r of ok.filter((x) => x.folder === "congbao_phapluat-8chude")) {
  const slug = path.basename(r.file).replace(/\.(txt|json)$/, "");
  const entry = bySlug.get(slug);
  if (!entry) continue;
  gazetteFiles++;
  const m = /^(.*?)-so-(\d+)(?:-((?:19|20)\d\d))?-(.+)-(\d+)$/.exec(slug);
  if (!m) continue;
  const truthType = SLUG_TYPES.find(([p]) => m[1] === p)?.[1] ?? null;
  const truthSymbol = foldSymbol(`${m[2]}-${m[3] ? `${m[3]}-` : ""}${m[4]}`);
  // `nam` is the number itself for many consolidated texts ("van-ban-hop-nhat-so-2007-…" has nam 2007): not a year then.
  const truthYear = m[3]
    ? Number(m[3])
    : entry.nam >= 1945 && entry.nam <= 2030 && entry.nam !== Number(m[2])
      ? entry.nam
      : null;
  if (m[3] && entry.nam !== Number(m[3])) indexYearWrong++;
  const d = r.parsed.document;
  compare(agreement.symbol, truthSymbol, d.symbol ? foldSymbol(d.symbol) : null, r.file);
  // The same, counting only numbers read from the text (not the file-name fallback).
  const fromText =
    d.symbol && !(d.provenance ?? []).includes("symbol:source-name") ? foldSymbol(d.symbol) : null;
  compare(agreement.symbolFromText, truthSymbol, fromText, r.file);
  if (truthType) compare(agreement.type, truthType, d.type, r.file);
  if (truthYear !== null)
    compare(agreement.year, String(truthYear), d.year === null ? null : String(d.year), r.file);
}

// Laws: the file name carries the number ("Luat-08-2017-QH14-Thuy-loi-2017-322933.txt").
const lawAgreement = newAgreement();
for (const r of ok.filter((x) => x.folder === "underthesea_CP_Vietnamese-VLC")) {
  const m = /^(?:Bo-luat|Luat)-(\d+)-(\d{4})-(QH\d+)/i.exec(path.basename(r.file));
  if (!m) continue;
  compare(
    lawAgreement,
    foldSymbol(normaliseSymbol(`${m[1]}/${m[2]}/${m[3]}`)),
    r.parsed.document.symbol ? foldSymbol(r.parsed.document.symbol) : null,
    r.file,
  );
}

// ---------------------------------------------------------------- report

const folders = [...new Set(results.map((r) => r.folder))];
const lines: string[] = [];
lines.push("# Extractor over the real corpus", "");
lines.push(
  `Run: \`npx tsx bench/extract-corpus.ts\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? "?"} (${os.cpus().length} cores), Node ${process.version}.`,
  "",
);
lines.push("| measure | value |", "|---|---|");
lines.push(
  `| files | ${results.length} (${ok.length} extracted, ${results.length - ok.length} refused by decodeSource) |`,
);
lines.push(`| bytes | ${(totalBytes / 1e6).toFixed(1)} MB |`);
lines.push(
  `| extraction time | ${(extractMs / 1000).toFixed(2)} s (${(totalBytes / 1e6 / (extractMs / 1000)).toFixed(1)} MB/s), wall ${wallSeconds.toFixed(2)} s with reading |`,
);
lines.push(
  `| slowest files | ${slowest.map((r) => `${path.basename(r.file)} ${(r.bytes / 1e3).toFixed(0)} KB ${r.ms.toFixed(0)} ms`).join("; ")} |`,
);
lines.push(
  `| task nodes | ${ok.reduce((a, r) => a + r.parsed.tasks.length, 0)} (files without any: ${ok.filter((r) => r.parsed.tasks.length === 0).length}) |`,
);
lines.push(
  `| numbered citations | ${citations.length} (resolved ${citations.filter((c) => c.resolved).length}, with issuer ${citations.filter((c) => c.issuer).length}, with date ${citations.filter((c) => c.date).length}) |`,
);
lines.push(
  `| documents identified by citations | ${resolvedKeys.size} distinct resolved keys, ${unresolvedKeys.size} distinct unresolved (no year) |`,
);
lines.push(
  `| named references | ${named.length} (${Object.entries(namedByKind)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}); laws keyed by name and year: ${lawKeys.size} distinct |`,
);
lines.push(`| documents (own header keys) | ${headerKeys.size} distinct of ${ok.length} |`);
lines.push("");
lines.push(
  "## Per folder",
  "",
  "| folder | files | MB | s | tasks | citations | resolved | named refs | no-structure |",
  "|---|---|---|---|---|---|---|---|---|",
);
for (const f of folders) {
  const rs = results.filter((r) => r.folder === f);
  const ps = ok.filter((r) => r.folder === f);
  lines.push(
    `| ${f} | ${rs.length} | ${(rs.reduce((a, r) => a + r.bytes, 0) / 1e6).toFixed(1)} | ${(ps.reduce((a, r) => a + r.ms, 0) / 1000).toFixed(2)} | ${ps.reduce((a, r) => a + r.parsed.tasks.length, 0)} | ${ps.reduce((a, r) => a + r.parsed.citations.length, 0)} | ${ps.reduce((a, r) => a + r.parsed.citations.filter((c) => c.resolved).length, 0)} | ${ps.reduce((a, r) => a + r.parsed.namedReferences.length, 0)} | ${ps.filter((r) => r.parsed.warnings.some((w) => w.kind === "no-structure")).length} |`,
  );
}
lines.push("");
lines.push(`## Header agreement with congbao index.json (${gazetteFiles} gazette files matched by slug)`, "");
lines.push(
  "Truth is read from the slug (number, year, codes, type), which is reliable; `nam` is used only when the slug has no year. The index's own `nam` disagrees with its slug for " +
    `${indexYearWrong} records.`,
  "",
);
lines.push("| field | checked | agree | extracted none | rate |", "|---|---|---|---|---|");
for (const [k, a] of Object.entries(agreement))
  lines.push(`| ${k} | ${a.checked} | ${a.agree} | ${a.missing} | ${pct(a.agree, a.checked)} |`);
lines.push(
  `| law symbol vs file name (underthesea) | ${lawAgreement.checked} | ${lawAgreement.agree} | ${lawAgreement.missing} | ${pct(lawAgreement.agree, lawAgreement.checked)} |`,
);
lines.push("");
for (const [k, a] of [...Object.entries(agreement), ["law symbol", lawAgreement] as const]) {
  if (a.examples.length > 0)
    lines.push(`Disagreements (${k}, first ${a.examples.length}): ${a.examples.join("; ")}`, "");
}
lines.push(
  'Known truth problems: `nghi-quyet-so-45-2019-qh14` is the Bộ luật Lao động (its header says "Bộ luật số: 45/2019/QH14"); the `nghi-quyet-so-66xx-2026-nq-cp` slugs drop the dot that the texts print ("Số: 66.16/2026/NQ-CP"); files that are page furniture only (e.g. `nghi-dinh-so-186-2026-nd-cp`) carry no number at all.',
  "",
);
lines.push("## Warnings by kind", "", "| kind | count |", "|---|---|");
for (const [k, v] of Object.entries(warningsByKind).sort((a, b) => b[1] - a[1]))
  lines.push(`| ${k} | ${v} |`);
const refused = results.filter((r) => r.error);
if (refused.length > 0) {
  lines.push("", "## Refused by decodeSource", "", ...refused.map((r) => `- ${r.file}: ${r.error}`));
}
const report = `${lines.join("\n")}\n`;
process.stdout.write(report);
if (write) fs.writeFileSync(path.join(here, "EXTRACT-CORPUS.md"), report);

function countBy(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

function newAgreement(): Agreement {
  return { checked: 0, agree: 0, missing: 0, examples: [] };
}

function compare(a: Agreement, truth: string, got: string | null, file: string): void {
  a.checked++;
  if (got === null) a.missing++;
  if (got === truth) a.agree++;
  else if (a.examples.length < 8)
    a.examples.push(`${path.basename(file)}: expected ${truth}, got ${got ?? "none"}`);
}

function pct(n: number, d: number): string {
  return d === 0 ? "–" : `${((100 * n) / d).toFixed(1)}%`;
}
