import { createHash } from "node:crypto";
import { extractDocument, ExtractionError } from "../extract/index.js";
import type { ParsedDocument } from "../extract/model.js";
import { UserFacingError } from "../config/user-facing-error.js";
import type { GraphExecutor } from "./executor.js";
import { ingestRows, type IngestRows, type SourceInfo } from "./ingest-rows.js";
import { ingestStatements as q } from "./ingest-statements.js";

/** Bad input, reported to the user with its code; nothing was written for it. */
export class IngestError extends UserFacingError {
  override name = "IngestError";
  constructor(
    readonly code: "EMPTY" | "BINARY" | "NOT_UTF8" | "NO_STRUCTURE" | "UNREADABLE" | "TOO_LARGE",
    message: string,
  ) {
    super(message);
  }
}

export type IngestStatus = "created" | "replaced" | "unchanged" | "upgraded";

export interface IngestResult {
  documentKey: string;
  sourceName: string;
  /** created: new; upgraded: it was a stub, now its text is in; replaced: a changed version; unchanged: same SHA-256 */
  status: IngestStatus;
  tasks: number;
  citations: number;
  namedReferences: number;
  targets: number;
  assignments: number;
  stubsCreated: number;
  /** year-less citations linked to the only known document with that symbol */
  linkedByUniqueSymbol: number;
  warnings: string[];
}

/** A failure injected between two statements, for the all-or-nothing test. */
export interface IngestHooks {
  afterStatement?(name: keyof typeof q): void | Promise<void>;
}

/** Bump when extraction or loading changes what a text produces: same text, new version → re-ingested. */
export const loaderVersion = 2;
export const maxSourceChars = 5_000_000;

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Refuses what has nothing to load: a text in which the extractor found no structure at all. */
export function assertLoadable(parsed: ParsedDocument, sourceName: string): void {
  const found = parsed.tasks.length + parsed.citations.length + parsed.namedReferences.length;
  if (found === 0) {
    const reason = parsed.warnings.find((w) => w.kind === "no-structure")?.message;
    throw new IngestError(
      "NO_STRUCTURE",
      `${sourceName}: no recognisable structure (no headings, articles or citations)${reason ? `: ${reason}` : ""}`,
    );
  }
}

/** Extracts `text` and writes it as one document, in one transaction. */
export async function ingestText(
  executor: GraphExecutor,
  input: { text: string; sourceName: string },
  hooks: IngestHooks = {},
): Promise<IngestResult> {
  if (input.text.trim() === "") throw new IngestError("EMPTY", `${input.sourceName}: the text is empty`);
  if (input.text.length > maxSourceChars) {
    throw new IngestError(
      "TOO_LARGE",
      `${input.sourceName}: ${input.text.length} characters is over the limit of ${maxSourceChars}`,
    );
  }
  let parsed: ParsedDocument;
  try {
    parsed = extractDocument(input.text, { sourceName: input.sourceName });
  } catch (error) {
    if (error instanceof ExtractionError)
      throw new IngestError("NO_STRUCTURE", `${input.sourceName}: ${error.message}`);
    throw error;
  }
  assertLoadable(parsed, input.sourceName);
  return ingestParsed(
    executor,
    parsed,
    { name: input.sourceName, sha256: sha256(input.text), text: input.text },
    hooks,
  );
}

/**
 * Writes one parsed document in ONE write transaction: it lands whole or not at all. Re-ingesting
 * the same source changes nothing; a changed version replaces the document's tasks, targets and
 * links and touches no other document; a stub of the same key is upgraded in place, so links that
 * other documents already hold now lead into its task tree.
 */
export async function ingestParsed(
  executor: GraphExecutor,
  parsed: ParsedDocument,
  source: SourceInfo,
  hooks: IngestHooks = {},
): Promise<IngestResult> {
  const rows = ingestRows(parsed);
  const key = rows.document.key;
  const yearless = rows.citedDocuments.filter((d) => !d.resolved && d.symbol);
  return executor.writeTransaction(async (tx) => {
    const run = async (name: keyof typeof q, params: Record<string, unknown>) => {
      const result = await tx.run(q[name], params);
      await hooks.afterStatement?.(name);
      return result.records;
    };
    const [before] = await run("previous", {
      key,
      citedKeys: rows.citedDocuments.map((d) => d.key),
      yearless: yearless.map((d) => ({ key: d.key, symbol: d.symbol, typeCode: d.typeCode })),
    });
    if (!before) throw new Error("the previous-state query returned no row");
    const existed = Boolean(before.get("exists"));
    const wasIngested = Boolean(before.get("ingested"));
    const result: IngestResult = {
      documentKey: key,
      sourceName: source.name,
      status: !existed ? "created" : wasIngested ? "replaced" : "upgraded",
      tasks: rows.tasks.length,
      citations: rows.citations.length,
      namedReferences: rows.namedReferences.length,
      targets: rows.targets.length,
      assignments: rows.assignments.length,
      stubsCreated: 0,
      linkedByUniqueSymbol: 0,
      warnings: parsed.warnings.map((w) => `${w.kind}: ${w.message}`),
    };
    if (
      wasIngested &&
      before.get("sha256") === source.sha256 &&
      Number(before.get("loaderVersion")) === loaderVersion
    ) {
      return { ...result, status: "unchanged" };
    }
    result.linkedByUniqueSymbol = linkYearless(
      rows,
      before.get("yearlessCandidates") as Array<{ key: string; candidates: string[] }>,
    );
    const existing = new Set(before.get("existingKeys") as string[]);
    result.stubsCreated = rows.citedDocuments.filter((d) => !existing.has(d.key)).length;
    await run("write", {
      doc: rows.document,
      source,
      loaderVersion,
      organizations: rows.organizations,
      cited: rows.citedDocuments,
      tasks: rows.tasks,
      citations: rows.citations,
      named: rows.namedReferences,
      targets: rows.targets,
      assignments: rows.assignments,
      stubKeys: before.get("citedStubs") as string[],
      namedKeys: before.get("namedKeys") as string[],
    });
    return result;
  });
}

/**
 * Party numbering restarts each term, so a citation without a year is not an identity. It is linked
 * to a known document only when exactly one resolved document carries that type and symbol, and the
 * link says so (`resolvedBy: unique-symbol`); otherwise it stays an explicitly unresolved stub.
 */
function linkYearless(rows: IngestRows, candidates: Array<{ key: string; candidates: string[] }>): number {
  const unique = new Map<string, string>();
  for (const { key, candidates: keys } of candidates) {
    const others = keys.filter((k) => k !== rows.document.key);
    if (others.length === 1) unique.set(key, others[0]!);
  }
  let linked = 0;
  for (const citation of rows.citations) {
    const target = unique.get(citation.documentKey);
    if (target) {
      citation.documentKey = target;
      citation.resolvedBy = "unique-symbol";
      linked += 1;
    }
  }
  rows.citedDocuments = rows.citedDocuments.filter((d) => !unique.has(d.key));
  return linked;
}
