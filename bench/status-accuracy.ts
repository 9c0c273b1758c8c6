/**
 * Statuses (issue #19) derived from the extractor's relations against statuses derived from the
 * hand-made relations gold (bench/relations-gold/), by the same rules (src/api/services/legal-status.ts).
 *
 *   npx tsx bench/status-accuracy.ts [--test] [--write]
 *
 * For every document a gold statement is about (its target), the status is derived twice, at a
 * date after every statement (the final state): from the gold statements about it, each dated by
 * its stating document's gold effect clause (else its gold date); and from what the extractor reads
 * in the same stating documents' whole texts (every citation and named reference of a status kind:
 * replaces, repeals, suspends, amends, not only the annotated ones), dated by the effect clause it
 * reads (else the issue date). Targets are compared by symbol (matchKey) or, for a law named without
 * a number, by name and year.
 *
 * - contradiction: both say something and differ in force: ended (replaced, repealed, expired),
 *   suspended, in force (with or without parts changed), not yet in force. Goal: 0. Statuses of the
 *   same force that differ in detail (AMENDED vs PARTLY_REPEALED, REPLACED vs REPEALED) are listed.
 * - missed: the gold says something, the extractor nothing (UNKNOWN).
 * - unsupported: the extractor says something of a document no gold statement is about; the gold
 *   was written to hold every statement of these kinds in its documents, so each is either an
 *   extractor error or a gold omission (listed, for reading).
 * A target belongs to the test part when any gold statement about it is a test item; `--test`
 * scores those (only at the end of the relation work), the default the others.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";
import { extractDocument, foldVietnamese, type ParsedDocument } from "../src/extract/index.js";
import {
  deriveStatus,
  eventDate,
  STATUS_KINDS,
  type LegalStatusCode,
  type StatusEvent,
  type StatusKind,
} from "../src/api/services/legal-status.js";
import { matchKey, runGoldBench, type Split } from "./extract-accuracy.js";
import { HELD_OUT_SET, loadRelationsGold, namedTarget } from "./relations-accuracy.js";

const here = path.dirname(fileURLToPath(import.meta.url));
/** after every statement: the final state */
const FINAL = "2100-01-01";
const noEffect = { effectiveFrom: null, effectiveRule: null, effectiveUntil: null, effectQuote: null };
const isStatusKind = (kind: string | undefined): kind is StatusKind =>
  (STATUS_KINDS as readonly string[]).includes(kind ?? "");
const nameKey = (name: string): string => foldVietnamese(name).replace(/\s+/g, " ").trim();

/** A target's identity: a symbol's match key, or a named law's folded name and year. */
function targetId(target: string): string {
  const named = namedTarget(target);
  return named ? `${named.name} ${named.year}` : matchKey(target);
}

interface GoldDocument {
  file: string;
  symbol: string;
  date: unknown;
}
interface GoldFileShape {
  documents: Record<string, GoldDocument>;
  relations: { id: string; document: string; whole?: boolean | null }[];
  effects: { document: string; effectiveFrom: unknown }[];
}

const iso = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

/** What a status says of force: ended, suspended, in force (parts changed or not), not yet in force. */
function forceOf(code: LegalStatusCode): string {
  if (code === "REPLACED" || code === "REPEALED" || code === "EXPIRED") return "ended";
  if (code === "AMENDED" || code === "PARTLY_REPEALED" || code === "IN_FORCE") return "in force";
  return code;
}

interface Compared {
  target: string;
  gold: LegalStatusCode;
  extracted: LegalStatusCode;
  goldBy: string[];
  extractedBy: string[];
}

export function statusReport(part: Split, commit: string, date: string): string {
  const loaded = loadRelationsGold();
  // the gold documents' own facts (dates, effect dates, whole/part), read from the same files
  const facts = new Map<string, { symbol: string; date: string | null; effectiveFrom: string | null }>();
  const whole = new Map<string, boolean | null>();
  const dir = path.join(here, "relations-gold");
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
    const gold = parse(fs.readFileSync(path.join(dir, name), "utf8")) as GoldFileShape;
    for (const [id, d] of Object.entries(gold.documents)) {
      const effect = gold.effects.find((e) => e.document === id && e.effectiveFrom != null);
      facts.set(`${name}:${id}`, {
        symbol: d.symbol,
        date: iso(d.date),
        effectiveFrom: effect ? iso(effect.effectiveFrom) : null,
      });
    }
    for (const r of gold.relations) whole.set(r.id, r.whole ?? null);
  }

  // gold events by target, and the part each target is scored in
  const goldEvents = new Map<string, StatusEvent[]>();
  const targetSplit = new Map<string, Split>();
  const stating = new Set<string>();
  for (const r of loaded.relations) {
    if (!isStatusKind(r.kind)) continue;
    const id = targetId(r.target);
    // a target any fresh statement is about is scored with the fresh set, else with test, else dev
    const rank = { dev: 0, test: 1, fresh: 2 } as const;
    if (!targetSplit.has(id) || rank[r.split] > rank[targetSplit.get(id)!]) targetSplit.set(id, r.split);
    const doc = facts.get(r.text)!;
    stating.add(r.text);
    // a part not named ("một số điều"): not the whole
    const scope = r.scope ?? (whole.get(r.id) === false ? "một phần" : null);
    const list = goldEvents.get(id) ?? [];
    list.push({
      kind: r.kind,
      scope,
      byKey: doc.symbol,
      ...eventDate({ effectiveFrom: doc.effectiveFrom, issuedOn: doc.date }),
      quote: r.quote,
      start: r.at?.[0] ?? 0,
      end: r.at?.[1] ?? 0,
      taskKey: r.id,
    });
    goldEvents.set(id, list);
  }

  // extractor events, from every stating document of the gold (whole texts)
  const extractedEvents = new Map<string, StatusEvent[]>();
  for (const key of stating) {
    const parsed: ParsedDocument = extractDocument(loaded.texts.get(key)!);
    const by = parsed.document.symbol ?? parsed.document.key;
    const when = eventDate({
      effectiveFrom: parsed.document.effect?.effectiveFrom ?? null,
      issuedOn: parsed.document.issuedOn ?? null,
    });
    const add = (
      id: string,
      kind: StatusKind,
      scope: string | null,
      quote: string,
      span: [number, number],
    ) => {
      const list = extractedEvents.get(id) ?? [];
      list.push({ kind, scope, byKey: by, ...when, quote, start: span[0], end: span[1], taskKey: key });
      extractedEvents.set(id, list);
    };
    for (const c of parsed.citations) {
      if (isStatusKind(c.relationKind) && c.symbol)
        add(matchKey(c.symbol), c.relationKind, c.scope ?? null, c.quote, c.span);
      // the parts an amending list's items repeal (a second relation to the same document)
      for (const r of c.listedRelations ?? [])
        if (c.symbol) add(matchKey(c.symbol), r.kind, r.scope, r.quote, r.span);
    }
    for (const n of parsed.namedReferences)
      if (isStatusKind(n.relationKind) && n.year)
        add(`${nameKey(n.name)} ${n.year}`, n.relationKind, n.scope ?? null, n.quote, n.span);
  }

  const compared: Compared[] = [];
  const unsupported: Compared[] = [];
  const codeOf = (events: StatusEvent[] | undefined) => deriveStatus(noEffect, events ?? [], FINAL).code;
  const bySymbols = (events: StatusEvent[] | undefined) => [
    ...new Set((events ?? []).map((e) => `${e.kind} by ${e.byKey}${e.scope ? ` (${e.scope})` : ""}`)),
  ];
  for (const [id, split] of targetSplit) {
    if (split !== part) continue;
    compared.push({
      target: id,
      gold: codeOf(goldEvents.get(id)),
      extracted: codeOf(extractedEvents.get(id)),
      goldBy: bySymbols(goldEvents.get(id)),
      extractedBy: bySymbols(extractedEvents.get(id)),
    });
  }
  // listed with dev for the split files' documents, with fresh for the fresh set's own documents
  const freshTexts = new Set(loaded.relations.filter((r) => r.split === "fresh").map((r) => r.text));
  if (part !== "test")
    for (const [id, all] of extractedEvents) {
      const events = all.filter((e) => freshTexts.has(e.taskKey) === (part === "fresh"));
      if (events.length > 0 && !targetSplit.has(id))
        unsupported.push({
          target: id,
          gold: "UNKNOWN",
          extracted: codeOf(events),
          goldBy: [],
          extractedBy: bySymbols(events),
        });
    }

  const agree = compared.filter((c) => c.gold === c.extracted);
  const known = (c: Compared) => c.gold !== "UNKNOWN" && c.extracted !== "UNKNOWN";
  const contradictions = compared.filter((c) => known(c) && forceOf(c.gold) !== forceOf(c.extracted));
  const detail = compared.filter(
    (c) => known(c) && c.gold !== c.extracted && forceOf(c.gold) === forceOf(c.extracted),
  );
  const missed = compared.filter((c) => c.gold !== "UNKNOWN" && c.extracted === "UNKNOWN");
  const byCode = new Map<string, { gold: number; agree: number }>();
  for (const c of compared) {
    const row = byCode.get(c.gold) ?? { gold: 0, agree: 0 };
    row.gold++;
    if (c.gold === c.extracted) row.agree++;
    byCode.set(c.gold, row);
  }
  const line = (c: Compared) =>
    `- ${c.target}: gold ${c.gold} (${c.goldBy.join("; ") || "–"}), extractor ${c.extracted} (${c.extractedBy.join("; ") || "–"})`;
  return [
    "# Statuses derived from extracted relations, against the gold's",
    "",
    `Run: \`npx tsx bench/status-accuracy.ts${part === "dev" ? "" : ` --${part}`}\` on ${date}, commit ${commit}. **Part: ${part === "fresh" ? `fresh (${HELD_OUT_SET}.yaml, kept aside whole)` : part}** ` +
      `(${compared.length} documents that gold statements of kinds REPLACES, REPEALS, SUSPENDS, AMENDS are about).`,
    "",
    "Both statuses by the API's rules (src/api/services/legal-status.ts) at a date after every statement: from the gold statements, and from every citation of those kinds the extractor reads in the same documents.",
    "",
    `| | documents |`,
    `|---|---|`,
    `| same status | ${agree.length} |`,
    `| **contradicting** (both say something, and differ in force: ended, suspended, in force, not yet in force) | **${contradictions.length}** |`,
    `| same force, other detail (AMENDED vs PARTLY_REPEALED, REPLACED vs REPEALED) | ${detail.length} |`,
    `| missed (gold says something, extractor nothing) | ${missed.length} |`,
    ...(part === "dev"
      ? [
          `| unsupported (extractor says something of a document no gold statement is about) | ${unsupported.length} |`,
        ]
      : []),
    "",
    "| gold status | documents | extractor agrees |",
    "|---|---|---|",
    ...[...byCode.entries()].sort().map(([code, r]) => `| ${code} | ${r.gold} | ${r.agree} |`),
    "",
    `## Contradicting (${contradictions.length})`,
    contradictions.length ? contradictions.map(line).join("\n") : "none",
    "",
    `## Same force, other detail (${detail.length})`,
    detail.length ? detail.map(line).join("\n") : "none",
    "",
    `## Missed (${missed.length})`,
    missed.length ? missed.map(line).join("\n") : "none",
    ...(part === "dev"
      ? [
          "",
          `## Unsupported (${unsupported.length})`,
          unsupported.length ? unsupported.map(line).join("\n") : "none",
        ]
      : []),
    "",
  ].join("\n");
}

function main(): void {
  runGoldBench("STATUS-ACCURACY", statusReport, HELD_OUT_SET.toUpperCase());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
