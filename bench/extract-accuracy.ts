/**
 * Accuracy of extractDocument's numbered citations on hand-made gold (bench/gold/, issue #17),
 * beside a same-run baseline: one symbol regular expression, no context.
 *
 *   npx tsx bench/extract-accuracy.ts [--test] [--write]
 *
 * Scores the gold's `dev` part; `--test` scores the part kept aside (only at the end of the
 * extractor work). `--write` writes bench/EXTRACT-ACCURACY.md (dev) or EXTRACT-ACCURACY-TEST.md (test). Predictions match gold by
 * canonical symbol within the passage (matchKey); one item per cited document per passage.
 */
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";
import { extractDocument } from "../src/extract/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.join(here, "..");

// ---------------------------------------------------------------- gold

export type Kind = "party" | "state";
/**
 * dev: read while working; test: kept aside, scored at the end; fresh: a held-out set written
 * after the test part had been scored once (bench/relations-gold/fresh.yaml), never read before
 * being scored.
 */
export type Split = "dev" | "test" | "fresh";

export interface GoldCitation {
  symbol: string;
  printed?: string;
  type: string;
  code: string;
  date: string | null;
  issuer: string | null;
  province?: string | null;
  issuerSource: "text" | "symbol" | null;
  relation: string | null;
  task?: string | null;
  tags?: string[];
}

/** "Chỉ thị số 17 của Ban Bí thư": a type and a number without a symbol (category 6). */
export interface GoldNumberOnly {
  quote: string;
  type: string;
  number: string | number;
  issuer?: string | null;
  year?: number | null;
  /** the symbol when the passage itself identifies the document, else null */
  resolvesTo?: string | null;
}

export type NamedKind = "charter" | "constitution" | "congress" | "law" | "other";

/** A document named without a number (category 7 and laws by name). */
export interface GoldNamed {
  quote: string;
  name: string;
  kind?: NamedKind;
  year?: number | null;
}

export interface GoldPassage {
  id: string;
  batch: number;
  document: string;
  kind: Kind;
  header: boolean;
  damaged: boolean;
  split: Split;
  /** province the document is about: the province of its provincial issuers */
  province: string | null;
  ownSymbol: string | null;
  text: string;
  citations: GoldCitation[];
  numberOnly: GoldNumberOnly[];
  named: GoldNamed[];
}

/** The split rule of bench/gold/README.md: rank by FNV-1a of "cancu-gold-2026:" + id, the first 30 % are test. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, "utf8")) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function seededSplit(
  ids: readonly string[],
  seed = "cancu-gold-2026",
  share = 0.3,
): Map<string, Split> {
  const ranked = [...ids].sort((a, b) => fnv1a(`${seed}:${a}`) - fnv1a(`${seed}:${b}`) || (a < b ? -1 : 1));
  const test = new Set(ranked.slice(0, Math.round(share * ids.length)));
  return new Map(ids.map((id) => [id, test.has(id) ? "test" : "dev"]));
}

interface GoldFile {
  /** gold written in a later round is split on its own (bench/gold/README.md, The split); default 1 */
  batch?: number;
  documents: Record<string, { kind: Kind; file: string; province?: string | null }>;
  passages: Array<{
    id: string;
    document: string;
    start: number;
    end: number;
    sha256: string;
    split: Split;
    header: boolean;
    damaged: boolean;
    own?: { symbol: string | null };
    citations?: GoldCitation[];
    numberOnly?: GoldNumberOnly[];
    named?: GoldNamed[];
  }>;
}

export function loadGold(goldDir = path.join(here, "gold")): GoldPassage[] {
  const passages: GoldPassage[] = [];
  for (const name of fs
    .readdirSync(goldDir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const gold = parse(fs.readFileSync(path.join(goldDir, name), "utf8")) as GoldFile;
    for (const p of gold.passages) {
      const doc = gold.documents[p.document];
      if (!doc) throw new Error(`${name}: passage ${p.id} names an unknown document ${p.document}`);
      const source = fs.readFileSync(path.resolve(repoRoot, doc.file), "utf8");
      const text = source.slice(p.start, p.end);
      const sha = crypto.createHash("sha256").update(text, "utf8").digest("hex").slice(0, 16);
      if (sha !== p.sha256)
        throw new Error(`${name}: passage ${p.id}: ${doc.file} changed (sha256 ${sha}, gold ${p.sha256})`);
      passages.push({
        id: p.id,
        batch: gold.batch ?? 1,
        document: p.document,
        kind: doc.kind,
        header: p.header,
        damaged: p.damaged,
        split: p.split,
        province: doc.province ?? null,
        ownSymbol: p.own?.symbol ?? null,
        text,
        citations: (p.citations ?? []).map((c) => ({ ...c, date: c.date == null ? null : String(c.date) })),
        numberOnly: p.numberOnly ?? [],
        named: p.named ?? [],
      });
    }
  }
  const expected = new Map<string, Split>();
  for (const batch of new Set(passages.map((p) => p.batch)))
    for (const [id, split] of seededSplit(passages.filter((p) => p.batch === batch).map((p) => p.id)))
      expected.set(id, split);
  // A batch still being written has no split yet ("pending"): it is not scored in either part.
  const wrong = passages.filter((p) => (p.split as string) !== "pending" && expected.get(p.id) !== p.split);
  if (wrong.length)
    throw new Error(
      `split recorded in the gold differs from the seeded split: ${wrong.map((p) => p.id).join(", ")}`,
    );
  return passages;
}

// ---------------------------------------------------------------- matching

/** What identifies a symbol within a passage: no spaces, one kind of dash, upper case, no leading zeros. */
export function matchKey(symbol: string): string {
  return symbol
    .normalize("NFC")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/^0+(?=\d)/, "");
}

/** Lower case, no diacritics, đ → d, words joined by hyphens: the extractor's key scheme. */
export function slug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Gold issuer names whose key in the extractor's vocabulary is not the slug of the name
 * (src/extract/vocabulary/organizations.ts): the same body under another name.
 */
export const ISSUER_KEY_ALIASES: Readonly<Record<string, string>> = {
  "ban-chap-hanh-dang-bo-tinh": "tinh-uy",
  "bch-trung-uong": "ban-chap-hanh-trung-uong",
};

/** The extractor key a gold issuer corresponds to, without the province. */
export function goldIssuerKey(name: string): string {
  const key = slug(name);
  return ISSUER_KEY_ALIASES[key] ?? key;
}

/**
 * Whether a predicted organisation key is the gold issuer: the same body key, with the
 * province appended when the extractor knows it (it must then be the gold's province, when the
 * gold knows one).
 */
export function issuerMatches(goldName: string, goldProvince: string | null, predictedKey: string): boolean {
  const body = goldIssuerKey(goldName);
  if (predictedKey === body) return true;
  if (!predictedKey.startsWith(`${body}-`)) return false;
  // "Thành phố Hồ Chí Minh", "tỉnh Bến Tre": the extractor keys a province by its name alone.
  const province = goldProvince == null ? null : slug(goldProvince).replace(/^(?:thanh-pho|tinh|tp)-/, "");
  return province == null || predictedKey === `${body}-${province}`;
}

/** One predicted mention, whoever predicted it. */
export interface PredictedMention {
  symbol: string;
  date: string | null;
  issuerKey: string | null;
}

/** What one system predicted for one cited document of one passage (its mentions merged). */
export interface PredictedDocument {
  key: string;
  dates: string[];
  issuerKeys: string[];
}

export function groupMentions(mentions: readonly PredictedMention[]): Map<string, PredictedDocument> {
  const byKey = new Map<string, PredictedDocument>();
  for (const m of mentions) {
    const key = matchKey(m.symbol);
    const doc = byKey.get(key) ?? { key, dates: [], issuerKeys: [] };
    if (m.date && !doc.dates.includes(m.date)) doc.dates.push(m.date);
    if (m.issuerKey && !doc.issuerKeys.includes(m.issuerKey)) doc.issuerKeys.push(m.issuerKey);
    byKey.set(key, doc);
  }
  return byKey;
}

/** The outcome of one gold item. */
export interface ItemOutcome {
  passage: GoldPassage;
  gold: GoldCitation;
  found: boolean;
  /** what the system predicted for this document, when it found it */
  predicted: PredictedDocument | null;
  /** gold has a date: predicted the same date and no other */
  dateRight: boolean | null;
  /** gold has an issuer: predicted it and no other */
  issuerRight: boolean | null;
  /** a predicted issuer that is not the gold's (gold has one) */
  issuerWrong: boolean;
  /** a predicted issuer where the gold has none */
  issuerUnsupported: boolean;
}

export interface PassageOutcome {
  passage: GoldPassage;
  items: ItemOutcome[];
  /** predicted documents that the gold does not have */
  falsePositives: string[];
  /** predictions equal to the passage's own number */
  ownNumberCited: number;
}

export function scorePassage(
  passage: GoldPassage,
  predicted: Map<string, PredictedDocument>,
): PassageOutcome {
  const goldKeys = new Set(passage.citations.map((c) => matchKey(c.symbol)));
  const items = passage.citations.map((gold): ItemOutcome => {
    const p = predicted.get(matchKey(gold.symbol));
    const province = gold.province ?? passage.province;
    const issuerOk = (k: string): boolean => gold.issuer != null && issuerMatches(gold.issuer, province, k);
    return {
      passage,
      gold,
      found: p != null,
      predicted: p ?? null,
      dateRight: gold.date == null ? null : p != null && p.dates.length === 1 && p.dates[0] === gold.date,
      issuerRight:
        gold.issuer == null ? null : p != null && p.issuerKeys.length > 0 && p.issuerKeys.every(issuerOk),
      issuerWrong: gold.issuer != null && p != null && p.issuerKeys.some((k) => !issuerOk(k)),
      issuerUnsupported: gold.issuer == null && p != null && p.issuerKeys.length > 0,
    };
  });
  const falsePositives = [...predicted.keys()].filter((k) => !goldKeys.has(k));
  const own = passage.ownSymbol == null ? null : matchKey(passage.ownSymbol);
  return { passage, items, falsePositives, ownNumberCited: own != null && predicted.has(own) ? 1 : 0 };
}

export interface Figures {
  gold: number;
  found: number;
  falsePositives: number;
  precision: number;
  recall: number;
  f1: number;
  datesGiven: number;
  datesRight: number;
  issuersGiven: number;
  issuersRight: number;
  issuersWrong: number;
  issuersUnsupported: number;
  ownNumberCited: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b);

/** Figures over some passages; `only` restricts the gold items (a category), false positives then not counted. */
export function figures(outcomes: readonly PassageOutcome[], only?: (item: ItemOutcome) => boolean): Figures {
  const items = outcomes.flatMap((o) => o.items).filter((i) => (only ? only(i) : true));
  const found = items.filter((i) => i.found).length;
  const falsePositives = only ? 0 : outcomes.reduce((n, o) => n + o.falsePositives.length, 0);
  const precision = only ? NaN : ratio(found, found + falsePositives);
  const recall = ratio(found, items.length);
  return {
    gold: items.length,
    found,
    falsePositives,
    precision,
    recall,
    f1: only ? NaN : (2 * precision * recall) / (precision + recall),
    datesGiven: items.filter((i) => i.dateRight != null).length,
    datesRight: items.filter((i) => i.dateRight === true).length,
    issuersGiven: items.filter((i) => i.issuerRight != null).length,
    issuersRight: items.filter((i) => i.issuerRight === true).length,
    issuersWrong: items.filter((i) => i.issuerWrong).length,
    issuersUnsupported: items.filter((i) => i.issuerUnsupported).length,
    ownNumberCited: only ? 0 : outcomes.reduce((n, o) => n + o.ownNumberCited, 0),
  };
}

// ---------------------------------------------------------------- the two systems

/** The baseline's one pattern: a Party symbol (12-NQ/TW) or a State one (128/NQ-CP, 16/2021/NQ-HĐND, 45/2019/QH14). */
export const BASELINE_SYMBOL =
  /(?<![\p{L}\d/-])\d{1,5}(?:-[\p{Lu}][\p{L}]*\/[\p{Lu}][\p{L}\d]*|\/(?:\d{4}\/)?[\p{Lu}][\p{L}\d]*(?:-[\p{Lu}][\p{L}\d]*)*)/gu;

export function baselineMentions(text: string): PredictedMention[] {
  return [...text.normalize("NFC").matchAll(BASELINE_SYMBOL)].map((m) => ({
    symbol: m[0],
    date: null,
    issuerKey: null,
  }));
}

export function extractorMentions(text: string): PredictedMention[] {
  return extractDocument(text).citations.map((c) => ({
    symbol: c.symbol,
    date: c.date,
    issuerKey: c.issuer?.key ?? null,
  }));
}

// ---------------------------------------------------------------- references without a symbol

/** Batch 1 gives named items no kind: it follows from the name. */
export function namedKind(n: GoldNamed): NamedKind {
  if (n.kind) return n.kind;
  if (/^Điều lệ/.test(n.name)) return "charter";
  if (/^Hiến pháp/.test(n.name)) return "constitution";
  if (/Đại hội/.test(n.name)) return "congress";
  if (/^(?:Bộ )?[Ll]uật /.test(n.name)) return "law";
  return "other";
}

/** The extractor's kinds that a gold kind accepts. */
const EXTRACTOR_KINDS: Record<NamedKind, readonly string[]> = {
  charter: ["charter"],
  constitution: ["constitution"],
  congress: ["congress"],
  law: ["law"],
  other: ["plan", "programme", "project", "strategy", "other", "alias"],
};

/** Kinds the extractor only gives to references it is sure of: scored for precision too. */
const PRECISE_KINDS = new Set(["charter", "constitution", "congress", "number-only"]);

export interface UnnumberedOutcome {
  /** gold kind ("number-only" for category 6) → [gold, found] */
  byKind: Map<string, { gold: number; found: number; resolvedRight: number; resolvable: number }>;
  falsePositives: string[];
  misses: string[];
}

/** Every [start, end) where `quote` occurs in `text` (white space compared loosely). */
export function occurrences(text: string, quote: string): [number, number][] {
  const pattern = new RegExp(
    quote
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("\\s+"),
    "g",
  );
  return [...text.matchAll(pattern)].map((m) => [m.index!, m.index! + m[0].length]);
}

const overlaps = (a: readonly [number, number], b: readonly [number, number]): boolean =>
  a[0] < b[1] && b[0] < a[1];

export function scoreUnnumbered(passages: readonly GoldPassage[]): UnnumberedOutcome {
  const byKind = new Map<
    string,
    { gold: number; found: number; resolvedRight: number; resolvable: number }
  >();
  const falsePositives: string[] = [];
  const misses: string[] = [];
  const bump = (kind: string) => {
    const row = byKind.get(kind) ?? { gold: 0, found: 0, resolvedRight: 0, resolvable: 0 };
    byKind.set(kind, row);
    return row;
  };
  for (const p of passages) {
    const doc = extractDocument(p.text);
    const goldSpans: [number, number][] = [];
    for (const g of p.numberOnly) {
      const row = bump("number-only");
      row.gold++;
      const at = occurrences(p.text, g.quote);
      goldSpans.push(...at);
      const number = String(g.number).replace(/^0+(?=\d)/, "");
      const sameNumber = (n: string | null | undefined) => n != null && n.replace(/^0+(?=\d)/, "") === number;
      const short = doc.citations.filter((c) => c.shortFormOf && at.some((o) => overlaps(o, c.span)));
      const partial = doc.namedReferences.filter(
        (r) => r.kind === "number-only" && sameNumber(r.number) && at.some((o) => overlaps(o, r.span)),
      );
      const found = short.length > 0 || partial.length > 0;
      if (found) row.found++;
      else misses.push(`${p.id}: "${g.quote}"`);
      if (g.resolvesTo) {
        row.resolvable++;
        if (short.some((c) => matchKey(c.symbol) === matchKey(g.resolvesTo!))) row.resolvedRight++;
      } else if (found && short.length === 0) {
        // not identified by the passage: right to keep it partial
        row.resolvable++;
        row.resolvedRight++;
      } else if (found) {
        row.resolvable++;
      }
    }
    for (const g of p.named) {
      const kind = namedKind(g);
      const row = bump(kind);
      row.gold++;
      const at = occurrences(p.text, g.quote);
      goldSpans.push(...at);
      const hit = doc.namedReferences.some(
        (r) => EXTRACTOR_KINDS[kind].includes(r.kind) && at.some((o) => overlaps(o, r.span)),
      );
      if (hit) row.found++;
      else misses.push(`${p.id}: ${kind} "${g.quote.replace(/\s+/g, " ")}"`);
    }
    // One predicted document per kind and name (its mentions merged, as for citations): a false
    // positive when none of its mentions lies over a gold quote.
    const predicted = new Map<string, (typeof doc.namedReferences)[number][]>();
    for (const r of doc.namedReferences) {
      if (!PRECISE_KINDS.has(r.kind)) continue;
      const k = `${r.kind}|${r.key ?? r.name}`;
      predicted.set(k, [...(predicted.get(k) ?? []), r]);
    }
    for (const mentions of predicted.values()) {
      if (mentions.some((r) => goldSpans.some((o) => overlaps(o, r.span)))) continue;
      const r = mentions[0]!;
      falsePositives.push(`${p.id}: ${r.kind} "${r.quote.replace(/\s+/g, " ")}"`);
    }
  }
  return { byKind, falsePositives, misses };
}

// ---------------------------------------------------------------- report

const pct = (x: number): string => (Number.isNaN(x) ? "–" : `${(100 * x).toFixed(1)} %`);
const num = (x: number): string => (Number.isNaN(x) ? "–" : x.toFixed(3));

interface Group {
  name: string;
  passages: (p: GoldPassage) => boolean;
  items?: (i: ItemOutcome) => boolean;
}

const TAGS = [
  "self-number-risk",
  "form-space-dash",
  "form-joint",
  "form-line-break",
  "form-amp",
  "line-break",
  "issuer-not-in-vocabulary",
  "conference-issuer",
  "shared-date",
  "shared-issuer",
  "shared-relation",
  "ocr-repair",
  "original-error",
];

function rowsFor(groups: readonly Group[], systems: ReadonlyArray<[string, PassageOutcome[]]>): string[] {
  const rows: string[] = [];
  for (const g of groups) {
    const [ext, base] = systems.map(([, outs]) =>
      figures(
        outs.filter((o) => g.passages(o.passage)),
        g.items,
      ),
    );
    if (!ext || !base || ext.gold === 0) continue;
    rows.push(
      `| ${g.name} | ${ext.gold} | ${num(ext.precision)} / ${num(base.precision)} | ${num(ext.recall)} / ${num(base.recall)} | ${num(ext.f1)} / ${num(base.f1)} | ${pct(ratio(ext.datesRight, ext.datesGiven))} (${ext.datesRight}/${ext.datesGiven}) | ${pct(ratio(ext.issuersRight, ext.issuersGiven))} (${ext.issuersRight}/${ext.issuersGiven}) | ${ext.issuersWrong} |`,
    );
  }
  return rows;
}

export function accuracyReport(
  passages: readonly GoldPassage[],
  part: Split,
  commit: string,
  date: string,
): string {
  const scored = passages.filter((p) => p.split === part);
  const ext = scored.map((p) => scorePassage(p, groupMentions(extractorMentions(p.text))));
  const base = scored.map((p) => scorePassage(p, groupMentions(baselineMentions(p.text))));
  const systems: Array<[string, PassageOutcome[]]> = [
    ["extractor", ext],
    ["baseline", base],
  ];
  const all = (): boolean => true;
  const overall = systems.map(([name, outs]) => ({ name, f: figures(outs) }));
  const header =
    "| | gold items | precision (extractor / baseline) | recall (extractor / baseline) | F1 (extractor / baseline) | dates right (extractor) | issuers right (extractor) | wrong issuers (extractor) |";
  const rule = "|---|---|---|---|---|---|---|---|";
  const kinds: Group[] = [
    { name: "all", passages: all },
    { name: "Party documents", passages: (p) => p.kind === "party" },
    { name: "State documents", passages: (p) => p.kind === "state" },
    { name: "with a header", passages: (p) => p.header },
    { name: "without a header", passages: (p) => !p.header },
    { name: "damaged", passages: (p) => p.damaged },
    { name: "clean", passages: (p) => !p.damaged },
    { name: "gold batch 1", passages: (p) => p.batch === 1 },
    { name: "gold batch 2 (Party documents only)", passages: (p) => p.batch === 2 },
  ];
  const categories: Group[] = [
    ...TAGS.map((t) => ({
      name: t,
      passages: all,
      items: (i: ItemOutcome) => (i.gold.tags ?? []).includes(t),
    })),
    { name: "issuer from the symbol", passages: all, items: (i) => i.gold.issuerSource === "symbol" },
    { name: "issuer in the text", passages: all, items: (i) => i.gold.issuerSource === "text" },
  ];
  const misses = ext.flatMap((o) =>
    o.items.filter((i) => !i.found).map((i) => `${o.passage.id}: ${i.gold.symbol}`),
  );
  const extras = ext.flatMap((o) => o.falsePositives.map((k) => `${o.passage.id}: ${k}`));
  const baseOnly = ext.flatMap((o, n) =>
    o.items
      .filter((i, k) => !i.found && base[n]!.items[k]!.found)
      .map((i) => `${o.passage.id}: ${i.gold.symbol}`),
  );
  const disagreements = ext.flatMap((o) =>
    o.items
      .filter((i) => i.found && (i.dateRight === false || i.issuerRight === false || i.issuerWrong))
      .map(
        (i) =>
          `- ${o.passage.id}: ${i.gold.symbol}: date ${i.gold.date ?? "–"} / ${i.predicted?.dates.join(", ") || "none"}; ` +
          `issuer ${i.gold.issuer ?? "–"} / ${i.predicted?.issuerKeys.join(", ") || "none"}`,
      ),
  );
  const unnumbered = scoreUnnumbered(scored);
  const lines = [
    "# Extraction accuracy on hand-made gold",
    "",
    `Run: \`npx tsx bench/extract-accuracy.ts${part === "test" ? " --test" : ""}\` on ${date}, commit ${commit}. ` +
      `**Part scored: ${part}** (${scored.length} passages, ${scored.reduce((n, p) => n + p.citations.length, 0)} numbered citations, ` +
      `${new Set(scored.map((p) => p.document)).size} documents) of the gold in bench/gold/ ` +
      `(${passages.length} passages, ${passages.reduce((n, p) => n + p.citations.length, 0)} citations in all; ` +
      `the ${part === "dev" ? "test" : "dev"} part is not scored here).`,
    "",
    "Extractor: `extractDocument(passage)`; baseline, same run: one regular expression for Party and State symbols, no context",
    "(`BASELINE_SYMBOL`). A prediction matches a gold item when its symbol has the same `matchKey` in the same passage",
    "(spaces and dash variants removed, upper case, leading zeros dropped); mentions of one document are merged. A date",
    "is right when the document's mentions carry exactly the gold date; an issuer when every issuer predicted for it is the",
    "gold's (organisation key: the slug of the gold name, `ISSUER_KEY_ALIASES`, and the province when both know it).",
    "Dates and issuers count over every gold item that has one, found or not. The baseline predicts no date or issuer.",
    "",
    "## Overall",
    "| system | precision | recall | F1 | found / gold | false positives | dates right | issuers right | wrong issuers | issuer where the gold has none | own number cited |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...overall.map(
      ({ name, f }) =>
        `| ${name} | ${num(f.precision)} | ${num(f.recall)} | ${num(f.f1)} | ${f.found} / ${f.gold} | ${f.falsePositives} | ${pct(ratio(f.datesRight, f.datesGiven))} (${f.datesRight}/${f.datesGiven}) | ${pct(ratio(f.issuersRight, f.issuersGiven))} (${f.issuersRight}/${f.issuersGiven}) | ${f.issuersWrong} | ${f.issuersUnsupported} | ${f.ownNumberCited} |`,
    ),
    "",
    "## By kind of document",
    header,
    rule,
    ...rowsFor(kinds, systems),
    "",
    "## By category (issue #17; recall over the gold items of the category, no precision)",
    header,
    rule,
    ...rowsFor(categories, systems),
    "",
    "## References without a symbol (categories 6 and 7; the baseline reads none)",
    "A gold item is found when the extractor gives, over its quote, a reference of its kind: for a number-only",
    "reference a short form resolved to a citation or a partial reference of the same number; `resolved right`: the",
    "citation the passage itself identifies (`resolvesTo`), or kept partial when the passage identifies none. False",
    "positives: constitution, charter, congress and number-only references over no gold quote.",
    "",
    "| kind | gold | found | recall | resolved right |",
    "|---|---|---|---|---|",
    ...[...unnumbered.byKind].map(
      ([kind, r]) =>
        `| ${kind} | ${r.gold} | ${r.found} | ${num(ratio(r.found, r.gold))} | ${kind === "number-only" ? `${r.resolvedRight}/${r.resolvable}` : "–"} |`,
    ),
    "",
    `False positives (${unnumbered.falsePositives.length}): ${unnumbered.falsePositives.join("; ") || "none"}.`,
    "",
    `Not found (${unnumbered.misses.length}): ${unnumbered.misses.join("; ") || "none"}.`,
    "",
    `## Extractor misses (${misses.length})`,
    misses.length ? misses.map((m) => `- ${m}`).join("\n") : "none",
    "",
    `Of which the baseline finds: ${baseOnly.length}${baseOnly.length ? ` (${baseOnly.join("; ")})` : ""}.`,
    "",
    `## Extractor false positives (${extras.length})`,
    extras.length ? extras.map((m) => `- ${m}`).join("\n") : "none",
    "",
    `## Found, with a date or issuer that is not the gold's (${disagreements.length}; gold / extractor)`,
    disagreements.length ? disagreements.join("\n") : "none",
    "",
  ];
  return lines.join("\n");
}

/**
 * The command line of a gold bench (this one, relations-accuracy.ts, status-accuracy.ts): the part
 * scored (`--test` for the held-out one), the report printed and, with `--write`, written to
 * bench/<NAME>.md (or <NAME>-TEST.md); a section reviewed by hand ("## Reviewed …") in the file is
 * kept below the regenerated figures.
 */
export function runGoldBench(
  name: string,
  report: (part: Split, commit: string, date: string) => string,
  /** the report of the fresh part: `${name}-${freshReport}.md` (one per held-out set, so that each run stays on record) */
  freshReport = "FRESH",
): void {
  const part: Split = process.argv.includes("--fresh")
    ? "fresh"
    : process.argv.includes("--test")
      ? "test"
      : "dev";
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
    cwd: repoRoot,
    encoding: "utf8",
  }).trim();
  const text = report(part, commit, new Date().toISOString().slice(0, 10));
  process.stdout.write(text);
  if (!process.argv.includes("--write")) return;
  const file = path.join(
    here,
    part === "test" ? `${name}-TEST.md` : part === "fresh" ? `${name}-${freshReport}.md` : `${name}.md`,
  );
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const reviewed = previous.indexOf("\n## Reviewed");
  fs.writeFileSync(file, reviewed >= 0 ? text + previous.slice(reviewed + 1) : text);
}

function main(): void {
  runGoldBench("EXTRACT-ACCURACY", (part, commit, date) => accuracyReport(loadGold(), part, commit, date));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
