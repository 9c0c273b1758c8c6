/**
 * Accuracy of relation kinds, scopes and effect clauses (issue #19) on hand-made gold
 * (bench/relations-gold/), beside a same-run baseline: the relation word alone.
 *
 *   npx tsx bench/relations-accuracy.ts [--test] [--write]
 *
 * The gold's items are split by the seeded rule of bench/gold (FNV-1a of "cancu-gold-2026:" + id,
 * 30 % test, per file); the dev part is scored by default, `--test` scores the part kept aside (only
 * at the end of the relation work). `--write` writes bench/RELATIONS-ACCURACY.md (or -TEST.md).
 *
 * A gold statement is matched to the extractor's citation of its target (same symbol, matchKey)
 * whose span meets the statement's quote; the prediction is that citation's relationKind (none:
 * not found). A target named without a number ("Luật Thương mại 1997") is matched to the named
 * reference (namedReferences) whose name (folded) and year are the target's and whose span meets
 * the quote. A target given by its number is matched to a citation first, else to a law named
 * without its number that the same text numbers elsewhere (NamedReference.resolvedSymbol). Precision per kind is over the annotated statements: of those predicted as kind K,
 * how many are K. The baseline predicts, for each statement, the kind of the first relation word
 * in its quote (vocabulary/relations.ts), whatever it refers to.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";
import {
  extractDocument,
  foldVietnamese,
  RELATION_KIND_OF_WORD,
  RELATION_WORDS,
  type ParsedDocument,
} from "../src/extract/index.js";
import { matchKey, occurrences, runGoldBench, seededSplit, type Split } from "./extract-accuracy.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.join(here, "..");

interface GoldRelation {
  id: string;
  document: string;
  quote: string;
  kind: string;
  target: string;
  scope: string | null;
}

interface GoldEffect {
  id: string;
  document: string;
  quote: string;
  effectiveFrom: string | null;
  rule: string | null;
  effectiveUntil: string | null;
}

interface GoldFile {
  set?: string;
  documents: Record<string, { file: string; symbol: string }>;
  relations: GoldRelation[];
  effects: GoldEffect[];
}

interface Loaded {
  relations: (GoldRelation & { split: Split; text: string; at: [number, number] | null })[];
  effects: (GoldEffect & { split: Split; text: string; at: [number, number] | null })[];
  texts: Map<string, string>;
}

const dateOf = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

/** Where a quote first lies in a text, white space compared loosely. */
function locate(text: string, quote: string): [number, number] | null {
  return occurrences(text, quote)[0] ?? null;
}

/**
 * The gold set kept aside whole, scored once with --fresh: fresh.yaml was (2026-12-03, commit
 * 9789382: RELATIONS-ACCURACY-FRESH.md), then fresh2.yaml (commit e1c172b:
 * RELATIONS-ACCURACY-FRESH2.md), then fresh3.yaml (commit 189b43e: RELATIONS-ACCURACY-FRESH3.md),
 * each read with dev afterwards. The next one written is to be named fresh4.yaml.
 */
export const HELD_OUT_SET = "fresh4";
// fresh4.yaml was scored once (commit f2f2e57: RELATIONS-ACCURACY-FRESH4.md); a next held-out set
// is to be named fresh5.yaml, and HELD_OUT_SET moved to it before any work on fresh4's misses.

/**
 * One convention across the gold's annotators, fixed before the third fresh set was scored: an
 * annex or form replaced ("Thay thế Phụ lục … ban hành kèm theo …") amends its document (fresh,
 * fresh2; the extractor's reading), where two annotators wrote REPLACES with the annex as scope
 * (laws-councils lc-104, fresh3). Such a gold REPLACES is scored as AMENDS.
 */
export function conventionalKind(r: { kind: string; scope?: string | null; whole?: boolean | null }): string {
  if (r.kind !== "REPLACES" || !r.scope) return r.kind;
  const parts = r.scope.split(/\s*,\s*/);
  return parts.every((p) => /^(?:Phụ lục|Mẫu|Biểu mẫu)/u.test(p)) ? "AMENDS" : r.kind;
}

export function loadRelationsGold(dir = path.join(here, "relations-gold")): Loaded {
  const loaded: Loaded = { relations: [], effects: [], texts: new Map() };
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const gold = parse(fs.readFileSync(path.join(dir, name), "utf8")) as GoldFile;
    const ids = [...gold.relations.map((r) => r.id), ...gold.effects.map((e) => e.id)];
    // the held-out set (HELD_OUT_SET) is scored whole with --fresh; an earlier one, once scored,
    // is read with dev
    const split: Map<string, Split> =
      gold.set === HELD_OUT_SET
        ? new Map(ids.map((id) => [id, "fresh"]))
        : gold.set?.startsWith("fresh")
          ? new Map(ids.map((id) => [id, "dev"]))
          : seededSplit(ids);
    const textOf = (doc: string): string => {
      const entry = gold.documents[doc];
      if (!entry) throw new Error(`${name}: unknown document ${doc}`);
      const file = path.resolve(repoRoot, entry.file);
      const key = `${name}:${doc}`;
      if (!loaded.texts.has(key)) loaded.texts.set(key, fs.readFileSync(file, "utf8"));
      return key;
    };
    for (const r of gold.relations) {
      const key = textOf(r.document);
      loaded.relations.push({
        ...r,
        kind: conventionalKind(r),
        split: split.get(r.id)!,
        text: key,
        at: locate(loaded.texts.get(key)!, r.quote),
      });
    }
    for (const e of gold.effects) {
      const key = textOf(e.document);
      loaded.effects.push({
        ...e,
        effectiveFrom: dateOf(e.effectiveFrom),
        effectiveUntil: dateOf(e.effectiveUntil),
        split: split.get(e.id)!,
        text: key,
        at: locate(loaded.texts.get(key)!, e.quote),
      });
    }
  }
  return loaded;
}

const fold = foldVietnamese;

/** The baseline: the kind of the first relation word of the quote. */
export function baselineKind(quote: string): string {
  const folded = fold(quote);
  let best: { at: number; kind: string } | null = null;
  for (const [word, canonical] of RELATION_WORDS) {
    const m = new RegExp(`(?<![a-z])${word.replace(/ /g, "\\s+")}(?![a-z])`).exec(folded);
    const kind = RELATION_KIND_OF_WORD.get(canonical);
    if (m && kind && (!best || m.index < best.at)) best = { at: m.index, kind };
  }
  if (/het\s+hieu\s+luc/.test(folded) && (!best || best.kind === "CITES")) return "REPEALS";
  return best?.kind ?? "CITES";
}

/** A gold target named without a number ("Luật Thương mại 1997", "Hiến pháp 1992"): its name and year. */
export function namedTarget(target: string): { name: string; year: number } | null {
  const m = /^(\D+?)\s+((?:19|20)\d{2})$/.exec(target.trim());
  return m ? { name: nameKey(m[1]!), year: Number(m[2]) } : null;
}

/** A name compared folded, spaces squashed. */
const nameKey = (name: string): string => fold(name).replace(/\s+/g, " ").trim();

/** A scope as a set of codes, for comparison: "Điều 5.2, Điều 7" → {"dieu 5.2", "dieu 7"}. */
function scopeSet(scope: string | null): string {
  if (!scope) return "";
  return [
    ...new Set(
      fold(scope)
        .split(/\s*[,;]\s*|\s+va\s+/)
        .map((s) => s.replace(/\s+/g, " ").trim())
        .filter(Boolean),
    ),
  ]
    .sort()
    .join("|");
}

interface KindRow {
  gold: number;
  right: number;
  predicted: number;
  baseRight: number;
  basePredicted: number;
}

export function relationsReport(loaded: Loaded, part: Split, commit: string, date: string): string {
  const parsed = new Map<string, ParsedDocument>();
  const parsedOf = (key: string) => {
    let p = parsed.get(key);
    if (!p) {
      p = extractDocument(loaded.texts.get(key)!);
      parsed.set(key, p);
    }
    return p;
  };
  const rows = new Map<string, KindRow>();
  const row = (kind: string) => {
    let r = rows.get(kind);
    if (!r) rows.set(kind, (r = { gold: 0, right: 0, predicted: 0, baseRight: 0, basePredicted: 0 }));
    return r;
  };
  const misses: string[] = [];
  let scopeGold = 0;
  const scopeMisses: string[] = [];
  let scopeRight = 0;
  let unlocated = 0;
  const items = loaded.relations.filter((r) => r.split === part);
  for (const g of items) {
    row(g.kind).gold++;
    const base = baselineKind(g.quote);
    row(base).basePredicted++;
    if (base === g.kind) row(g.kind).baseRight++;
    if (!g.at) {
      unlocated++;
      misses.push(`${g.id}: quote not found in its file`);
      continue;
    }
    const doc = parsedOf(g.text);
    const meets = (span: [number, number]) => span[0] < g.at![1] && span[1] > g.at![0];
    const named = namedTarget(g.target);
    const candidates: { relationKind?: string; scope?: string | null }[] = named
      ? doc.namedReferences.filter(
          (r) => r.year === named.year && nameKey(r.name) === named.name && meets(r.span),
        )
      : [
          ...doc.citations.filter((c) => matchKey(c.symbol) === matchKey(g.target) && meets(c.span)),
          // an item of an amending list that repeals a part of the document its lead cites
          ...doc.citations
            .filter((c) => matchKey(c.symbol) === matchKey(g.target))
            .flatMap((c) => c.listedRelations ?? [])
            .filter((r) => meets(r.span))
            .map((r) => ({ relationKind: r.kind, scope: r.scope })),
          // a law named without its number that the same text numbers elsewhere (resolvedSymbol)
          ...doc.namedReferences.filter(
            (r) => r.resolvedSymbol && matchKey(r.resolvedSymbol) === matchKey(g.target) && meets(r.span),
          ),
        ];
    const predicted = candidates[0]?.relationKind ?? null;
    if (predicted) row(predicted).predicted++;
    if (predicted === g.kind) row(g.kind).right++;
    else misses.push(`${g.id} (${g.kind} ${g.target}): ${predicted ?? "not found"}`);
    if (g.scope && predicted === g.kind) {
      scopeGold++;
      if (scopeSet(candidates[0]!.scope ?? null) === scopeSet(g.scope)) scopeRight++;
      else scopeMisses.push(`${g.id} (${g.target}): ${candidates[0]!.scope ?? "none"} (gold ${g.scope})`);
    }
  }
  const effects = loaded.effects.filter((e) => e.split === part);
  let effectFound = 0;
  let effectRight = 0;
  const effectMisses: string[] = [];
  for (const e of effects) {
    const clauses = parsedOf(e.text).document.effects ?? [];
    const effect = e.at ? clauses.find((c) => c.span[0] < e.at![1] && c.span[1] > e.at![0]) : undefined;
    if (!effect) {
      effectMisses.push(`${e.id}: ${clauses.length > 0 ? "another clause read" : "none read"}`);
      continue;
    }
    effectFound++;
    // a clause whose date is not written ("kể từ ngày ký") is compared by its rule; the extractor
    // also derives the date from the document's own when it can
    const fromRight = e.rule ? effect.rule === e.rule : (effect.effectiveFrom ?? null) === e.effectiveFrom;
    if (fromRight && (effect.effectiveUntil ?? null) === (e.effectiveUntil ?? null)) effectRight++;
    else
      effectMisses.push(
        `${e.id}: from ${effect.effectiveFrom} rule ${effect.rule} (gold ${e.effectiveFrom} rule ${e.rule}), until ${effect.effectiveUntil} (gold ${e.effectiveUntil})`,
      );
  }
  const num = (a: number, b: number) => (b === 0 ? "–" : (a / b).toFixed(3));
  const kinds = [...rows.keys()].sort();
  return [
    "# Relation kinds and effect clauses on hand-made gold",
    "",
    `Run: \`npx tsx bench/relations-accuracy.ts${part === "dev" ? "" : ` --${part}`}\` on ${date}, commit ${commit}. **Part scored: ${part === "fresh" ? `fresh (${HELD_OUT_SET}.yaml, kept aside whole)` : part}** ` +
      `(${items.length} relation statements, ${effects.length} effect clauses) of bench/relations-gold/ ` +
      `(${loaded.relations.length} statements, ${loaded.effects.length} effect clauses in all, written by hand before the extractor ran on them).`,
    "",
    "Extractor: `extractDocument(whole text)`; a statement is matched to the citation of its target (same symbol) whose span meets the quote, and predicted as that citation's `relationKind` (or, for an item of an amending list that repeals a part, REPEALS). " +
      "Gold convention, one for all annotators: an annex or form replaced is scored as AMENDS of its document (`conventionalKind`). " +
      "Precision is over the annotated statements (of those predicted as a kind, how many are that kind); recall over the gold statements of the kind. " +
      "Baseline, same run: the kind of the first relation word in the quote, whatever it refers to. " +
      'A target named without a number (a law by its name and year, "Luật Thương mại 1997") is matched to the named reference of the same name (folded) and year whose span meets the quote.',
    "",
    "| kind | gold | extractor precision | extractor recall | baseline precision | baseline recall |",
    "|---|---|---|---|---|---|",
    ...kinds.map((k) => {
      const r = rows.get(k)!;
      return `| ${k} | ${r.gold} | ${num(r.right, r.predicted)} | ${num(r.right, r.gold)} | ${num(r.baseRight, r.basePredicted)} | ${num(r.baseRight, r.gold)} |`;
    }),
    "",
    `Scope (the part of the target, for statements whose kind is right and whose gold names one): ${scopeRight} of ${scopeGold} right.`,
    "",
    `Effect clauses: ${effectFound} of ${effects.length} read, ${effectRight} with the gold's dates. A gold clause is matched to the clause of \`document.effects\` (every clause about the document or a part of it) whose span meets its quote; ` +
      'it is right when its start date is the gold\'s (its rule, "signature", "+45 days from signature" …, when the gold writes no date) and its end date is the gold\'s.',
    "",
    `Quotes not found in their files: ${unlocated}.`,
    "",
    `## Statements not right (${misses.length})`,
    misses.length ? misses.map((m) => `- ${m}`).join("\n") : "none",
    "",
    `## Scopes not right (${scopeMisses.length})`,
    scopeMisses.length ? scopeMisses.map((m) => `- ${m}`).join("\n") : "none",
    "",
    `## Effect clauses not right (${effectMisses.length})`,
    effectMisses.length ? effectMisses.map((m) => `- ${m}`).join("\n") : "none",
    "",
  ].join("\n");
}

function main(): void {
  runGoldBench(
    "RELATIONS-ACCURACY",
    (part, commit, date) => relationsReport(loadRelationsGold(), part, commit, date),
    HELD_OUT_SET.toUpperCase(),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
