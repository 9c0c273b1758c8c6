/**
 * Map projections shared by the read queries, so every query returns documents, tasks and
 * citations in the same shape (mapped once, in src/api/services/graph-records.ts).
 */

/** `d` → a document map, with its issuer (at most one ISSUED_BY) inlined. */
export const documentProjection = (d: string): string =>
  `${d} { .key, .type, .typeCode, .symbol, .number, .year, .issuedOn, .title, .ingested, .resolved, .sourceName, .issuerKey, .signer, .effectiveFrom, .effectiveRule, .effectiveUntil, .effectQuote, issuer: head([(${d})-[:ISSUED_BY]->(o:Organization) | o { .key, .name, .kind }]), sourceFile: CASE WHEN ${d}.sourceMediaType IS NULL THEN null ELSE { name: coalesce(${d}.sourceFileName, ${d}.sourceName), mediaType: ${d}.sourceMediaType, size: ${d}.sourceSize, sha256: ${d}.sourceSha256, pageCount: ${d}.sourcePageCount, method: ${d}.sourceMethod, ocrEngine: ${d}.sourceOcrEngine, ocrConfidence: ${d}.sourceOcrConfidence, pageStarts: ${d}.sourcePageStarts, pageConfidences: ${d}.sourcePageConfidences } END }`;

/** `t` → a task map. */
export const taskProjection = (t: string): string =>
  `${t} { .key, .code, .title, .text, .level, .order, .kind, .start, .end, .documentKey, .parentCode, .deadlines }`;

/** `r` (an IMPLEMENTS relationship) → a citation map naming both ends by key, and the page of its quote. */
export const citationProjection = (r: string): string =>
  `{ taskKey: startNode(${r}).key, documentKey: endNode(${r}).key, quote: ${r}.quote, start: ${r}.start, end: ${r}.end, page: ${r}.page, kind: ${r}.kind, scope: ${r}.scope, sourceKey: ${r}.sourceKey, symbolAsPrinted: ${r}.symbolAsPrinted, date: ${r}.date, issuerKey: ${r}.issuerKey, title: ${r}.title, relation: ${r}.relation, warnings: ${r}.warnings }`;

/** Which parts of a chain's citations (`via`) the client selected, beyond quote, start and end. */
export interface ChainFields {
  /** the citing task and the cited document (`task`, `document`): their keys */
  ends: boolean;
  /** date, symbolAsPrinted, relation, warnings, page */
  details: boolean;
}

export const allChainFields: ChainFields = { ends: true, details: true };

/**
 * `r` (an IMPLEMENTS relationship in a chain) → the citation map the API can show: quote and span
 * always, the ends' keys and the details only when selected. A drawing of drivers at depth 6 holds
 * thousands of citations, and decoding them was most of its cost; what the API has no field for
 * (sourceKey, issuerKey, title) is never read. A key left out maps to "" (graph-records.ts): its
 * field was not selected, so nothing resolves it.
 */
export function chainCitationProjection(r: string, fields: ChainFields): string {
  const parts = [`quote: ${r}.quote`, `start: ${r}.start`, `end: ${r}.end`];
  if (fields.ends) parts.push(`taskKey: startNode(${r}).key`, `documentKey: endNode(${r}).key`);
  if (fields.details)
    parts.push(
      `symbolAsPrinted: ${r}.symbolAsPrinted`,
      `date: ${r}.date`,
      `relation: ${r}.relation`,
      `warnings: ${r}.warnings`,
      `page: ${r}.page`,
    );
  return `{ ${parts.join(", ")} }`;
}

/** The labels a graph node can carry, most specific first: the first one present names the node. */
export const NODE_LABELS = ["Document", "Task", "Organization", "Target", "NamedDocument"] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The label that names a node: the first of NODE_LABELS among the labels it carries. */
export function primaryLabel(labels: unknown): NodeLabel {
  const carried: unknown[] = Array.isArray(labels) ? labels : [];
  return NODE_LABELS.find((label) => carried.includes(label)) ?? "Document";
}

// Neo4j 5.26 fails to plan some richer projections over a SHORTEST path's nodes (a cached-property
// cast error), so drawable nodes and edges are returned raw and named in TypeScript.

/**
 * `n` (any node) → its labels and key; what its caption is made of (symbol, code, title, name and
 * text, in a list) only when `$captions` is true (the client selected `caption`); its stored
 * properties only when `$nodeProperties` is true, and never a document's source text (which made a
 * neighbourhood of ingested documents megabytes long; the key stays, set to null, and is dropped in
 * TypeScript), nor its page map. Original files (SourceFile, their bytes) are never drawn: the
 * traversals leave them out. A task's text is long too: only its first 80 characters travel, for the caption.
 * What is not selected is not read or sent at all: decoding the answer is most of a drawing's cost
 * in the API.
 */
export const graphNodeProjection = (n: string): string =>
  `{ labels: labels(${n}), key: ${n}.key, caption: CASE WHEN $captions THEN [${n}.symbol, ${n}.code, ${n}.title, ${n}.name, left(${n}.text, 80)] END, properties: CASE WHEN $nodeProperties THEN ${n} { .*, sourceText: null, sourcePageStarts: null, sourcePageConfidences: null } END }`;

/**
 * `r` (any relationship) → its type, quote and both ends' labels and keys; its id only when
 * `$edgeIds` is true, all its stored properties only when `$edgeProperties` is true.
 */
export const graphEdgeProjection = (r: string): string =>
  `{ id: CASE WHEN $edgeIds THEN elementId(${r}) END, type: type(${r}), fromLabels: labels(startNode(${r})), fromKey: startNode(${r}).key, toLabels: labels(endNode(${r})), toKey: endNode(${r}).key, quote: ${r}.quote, properties: CASE WHEN $edgeProperties THEN properties(${r}) END }`;

/** What of a drawing the client selected (the parameters the two projections above read). */
export interface DrawnProperties {
  nodeProperties: boolean;
  edgeProperties: boolean;
  captions: boolean;
  edgeIds: boolean;
}

export const allProperties: DrawnProperties = {
  nodeProperties: true,
  edgeProperties: true,
  captions: true,
  edgeIds: true,
};

/** Labels, keys, types and quotes only. */
export const noProperties: DrawnProperties = {
  nodeProperties: false,
  edgeProperties: false,
  captions: false,
  edgeIds: false,
};
