import neo4j from "neo4j-driver";
import { limits } from "../../config/limits.js";
import type { CypherQuery } from "../cypher.js";
import { NOT_DRIVING_KINDS } from "./relation.queries.js";
import {
  allChainFields,
  chainCitationProjection,
  citationProjection,
  documentProjection,
  taskProjection,
  type ChainFields,
} from "./projections.js";

/**
 * A validated depth: the number of search levels spelled into the statement (a level per hop, so
 * the search goes no deeper than asked), capped at limits.maxTraversalDepth: at most that many
 * query shapes exist per builder and selection, each planned once.
 */
function depthBound(maxDepth: number): number {
  if (!Number.isInteger(maxDepth) || maxDepth < 1)
    throw new RangeError(`maxDepth must be a positive integer, got ${maxDepth}`);
  return Math.min(maxDepth, limits.maxTraversalDepth);
}

export interface CitationPageRequest {
  first: number;
  /** the last (citing task key, start) already seen */
  after: { taskKey: string; start: number } | null;
  withTotal: boolean;
}

/**
 * Links pointing at each document, ordered by (citing task key, start) for keyset paging:
 * one row per document key, `key`, `rows` (citation + citing task), `total`.
 */
export function citedByPages(documentKeys: readonly string[], page: CitationPageRequest): CypherQuery {
  const total = page.withTotal
    ? `CALL (d) {
  MATCH (:Task)-[r:IMPLEMENTS]->(d)
  RETURN count(r) AS total
}`
    : "WITH key, d, null AS total";
  return {
    cypher: `UNWIND $keys AS key
MATCH (d:Document {key: key})
${total}
CALL (d) {
  MATCH (t:Task)-[r:IMPLEMENTS]->(d)
  WHERE $afterTask IS NULL OR t.key > $afterTask OR (t.key = $afterTask AND r.start > $afterStart)
  WITH t, r ORDER BY t.key, r.start LIMIT $limit
  RETURN collect({ citation: ${citationProjection("r")}, task: ${taskProjection("t")} }) AS rows
}
RETURN key, rows, total`,
    params: {
      keys: [...documentKeys],
      afterTask: page.after?.taskKey ?? null,
      afterStart: page.after ? neo4j.int(page.after.start) : null,
      limit: neo4j.int(page.first + 1),
    },
  };
}

/** A page of the citations a document's own tasks make. */
export interface CitesPageRequest {
  first: number;
  /** the last (start, cited document key) already seen */
  after: { start: number; documentKey: string } | null;
  withTotal: boolean;
}

/**
 * The citations each document's own tasks make, in text order (start, then cited key) for keyset
 * paging: where exactly the text cites what, with the page of each quote when the original has pages.
 */
export function citesPages(documentKeys: readonly string[], page: CitesPageRequest): CypherQuery {
  const total = page.withTotal
    ? `CALL (d) {
  MATCH (d)<-[:IN_DOCUMENT]-(:Task)-[r:IMPLEMENTS]->(:Document)
  RETURN count(r) AS total
}`
    : "WITH key, d, null AS total";
  return {
    cypher: `UNWIND $keys AS key
MATCH (d:Document {key: key})
${total}
CALL (d) {
  MATCH (d)<-[:IN_DOCUMENT]-(t:Task)-[r:IMPLEMENTS]->(c:Document)
  WHERE $afterStart IS NULL OR r.start > $afterStart OR (r.start = $afterStart AND c.key > $afterKey)
  WITH t, r, c ORDER BY r.start, c.key LIMIT $limit
  RETURN collect({ citation: ${citationProjection("r")}, task: ${taskProjection("t")} }) AS rows
}
RETURN key, rows, total`,
    params: {
      keys: [...documentKeys],
      afterStart: page.after ? neo4j.int(page.after.start) : null,
      afterKey: page.after?.documentKey ?? null,
      limit: neo4j.int(page.first + 1),
    },
  };
}

/** A position in a chain ordered by depth, then date (UNDATED for none), then key. */
export interface ChainCursor {
  depth: number;
  date: string;
  key: string;
}

/** The sort date of an undated document: after every yyyy-mm-dd date. */
export const UNDATED = "~";

/** Keyset parameters of a chain page: rows after `after`, `first + 1` of them. */
function chainPageParams(page: { first: number; after: ChainCursor | null; withTotal: boolean }) {
  return {
    afterDepth: page.after ? neo4j.int(page.after.depth) : null,
    afterDate: page.after?.date ?? null,
    afterKey: page.after?.key ?? null,
    limit: neo4j.int(page.first + 1),
    withTotal: page.withTotal,
  };
}

/** Whether (depth, date, key) comes after the page's cursor (needs chainPageParams). */
function afterCursor(depth: string, date: string, key: string): string {
  return `($afterDepth IS NULL OR ${depth} > $afterDepth OR (${depth} = $afterDepth AND (${date} > $afterDate OR (${date} = $afterDate AND ${key} > $afterKey))))`;
}

export interface TaskPageRequest {
  first: number;
  /** the last (depth, date of its document, task key) already seen */
  after: ChainCursor | null;
  withTotal: boolean;
  /** 1 = tasks citing the document themselves; n = also through n-1 documents in between */
  maxDepth: number;
  /** what of each chain's citations to read (all when left out) */
  via?: ChainFields;
}

/**
 * One level of the backward breadth-first search from a document, at `depth`: the tasks citing a
 * document of `frontier` (found at the level before: the document asked about first), each with
 * its chain onwards to that document as `via`, and the documents holding them that were not
 * `seen`, for the next level (each once, behind its task of lowest key, then earliest citation).
 * The `last` level skips that frontier: nothing expands it.
 */
function implementingLevel(depth: number, last: boolean, stopEarly: boolean): string {
  const hits = `CALL (frontier, seen) {
    UNWIND frontier AS f
    WITH f, f.d AS y
    MATCH (x:Document)<-[:IN_DOCUMENT]-(t:Task)-[r:IMPLEMENTS]->(y)
    WHERE NOT coalesce(r.kind, 'CITES') IN $notDriving
    RETURN collect({ x: x, t: t, via: [r] + f.via, depth: ${depth}, date: coalesce(x.issuedOn, '${UNDATED}') }) AS hits
  }`;
  // the deepest level only collects its tasks: no level comes after it to expand a frontier
  if (last)
    return `${hits}
  WITH d, found + [h IN hits WHERE h.x <> d] AS found`;
  return `${hits}
  CALL (hits, seen) {
    UNWIND hits AS h
    WITH h WHERE NOT h.x IN seen
    WITH h, h.t.key AS taskKey, h.via[0].start AS at ORDER BY taskKey, at
    WITH h.x AS d, collect(h)[0] AS best
    RETURN collect({ d: d, via: best.via }) AS next
  }
  WITH d, found + [h IN hits WHERE h.x <> d] AS found, seen + [e IN next | e.d] AS seen, next AS frontier${
    stopEarly
      ? `
  ${implementingPageFull}`
      : ""
  }`;
}

/**
 * After a level, without totalCount: when the tasks found so far already fill the page after the
 * cursor, the frontier is emptied (deeper tasks sort after all of them, so no level below can
 * enter the page). Each task counts once, at its least depth so far.
 */
const implementingPageFull = `CALL (found) {
    UNWIND CASE WHEN $withTotal THEN [] ELSE found END AS h
    WITH h.t AS t, min(h.depth) AS depth, min(h.date) AS date
    WITH t WHERE ${afterCursor("depth", "date", "t.key")}
    RETURN count(t) >= $limit AS full
  }
  WITH d, found, seen, CASE WHEN full THEN [] ELSE frontier END AS frontier`;

/**
 * Tasks implementing each document, directly or through a chain of ingested documents (each task
 * at its shortest depth, with that chain's citations as `via`, from the task to the document).
 * Tasks of the document itself are left out (a chain that returns home is a cycle).
 * Ordered by depth, then the date of the task's document (undated last), then task key, keyset-paged.
 * One row per document key: `key`, `rows`, `total`.
 *
 * Beyond depth 1, searched breadth-first backwards over documents, level by level (spelled out,
 * at most limits.maxTraversalDepth): each document is expanded once, not once per citing task. The
 * count and the page come from one search; without the count, the search ends at the level where
 * the page is full (a deeper task sorts after every task found so far).
 */
export function tasksImplementingPages(documentKeys: readonly string[], page: TaskPageRequest): CypherQuery {
  const params = {
    keys: [...documentKeys],
    ...chainPageParams(page),
    notDriving: [...NOT_DRIVING_KINDS],
  };
  return {
    cypher: `UNWIND $keys AS key
MATCH (d:Document {key: key})
${reachedTasks(page.maxDepth, true)}
CALL (reached) {
  UNWIND reached AS x
  WITH x.t AS t, x
  WHERE ${afterCursor("x.depth", "x.date", "t.key")}
  WITH t, x ORDER BY x.depth, x.date, t.key LIMIT $limit
  RETURN collect({ task: ${taskProjection("t")}, depth: x.depth, date: x.date, via: [r IN x.via | ${chainCitationProjection("r", page.via ?? allChainFields)}] }) AS rows
}
RETURN key, rows, ${page.withTotal ? "size(reached)" : "null"} AS total`,
    params,
  };
}

/**
 * `reached` for the document `d`: the tasks implementing it up to `maxDepth` (1: citing it
 * themselves), each once at its shortest depth with that chain's citations as `via` (from the
 * task to the document) and the date of its document (UNDATED for none), as {t, depth, date, via}.
 * Needs $notDriving; with `stopEarly`, chainPageParams too: the search stops at the level that
 * fills the page asked for (unless $withTotal).
 */
function reachedTasks(maxDepth: number, stopEarly: boolean): string {
  if (depthBound(maxDepth) === 1)
    return `CALL (d) {
  MATCH (x:Document)<-[:IN_DOCUMENT]-(t:Task)-[first:IMPLEMENTS]->(d)
  WHERE x <> d AND NOT coalesce(first.kind, 'CITES') IN $notDriving
  // a task citing the document twice: its first citation
  WITH t, x, first ORDER BY first.start
  WITH t, x, collect(first)[0] AS first
  RETURN collect({ t: t, depth: 1, date: coalesce(x.issuedOn, '${UNDATED}'), via: [first] }) AS reached
}`;
  const deepest = depthBound(maxDepth);
  const levels: string[] = [];
  for (let depth = 1; depth <= deepest; depth++)
    levels.push(implementingLevel(depth, depth === deepest, stopEarly));
  return `CALL (d) {
  WITH d, [{ d: d, via: [] }] AS frontier, [] AS found, [d] AS seen
  ${levels.join("\n  ")}
  UNWIND found AS h
  // each task at its shortest depth; a task citing twice at that depth: its first citation
  WITH h, h.t AS t, h.via[0].start AS at ORDER BY h.depth, at
  WITH t, collect(h)[0] AS best
  RETURN collect({ t: t, depth: best.depth, date: best.date, via: best.via }) AS reached
}`;
}

export interface ImplementerPageRequest {
  first: number;
  /** the last (depth, organization key) already seen */
  after: { depth: number; organizationKey: string } | null;
  withTotal: boolean;
  /** as for tasksImplementingPages */
  maxDepth: number;
}

/** At most this many proofs (assignments) are returned per organization. */
export const PROOFS_PER_IMPLEMENTER = 20;
/** Headings above a task searched for the bodies they assign. */
const HEADING_LEVELS = 6;

/**
 * The organizations carrying out each document: the bodies assigned to the tasks that implement
 * it (those of tasksImplementingPages, to \`maxDepth\`). A task's bodies are its own ASSIGNED_TO
 * links, else those of the nearest heading above it that has some (\`basis\` TASK, HEADING); a task
 * with neither takes the bodies its document assigns anywhere (a resolution's section "Tổ chức
 * thực hiện": \`basis\` DOCUMENT). Each organization once, at the least depth of its proofs, then by
 * key (keyset paging); its proofs by basis (TASK, HEADING, DOCUMENT), depth, then text order, each
 * assignment once (through its first implementing task in that order), at most
 * PROOFS_PER_IMPLEMENTER, with their count. Rows: \`key\`, \`rows\` ({organization, depth,
 * proofs, proofCount}), \`total\`.
 */
export function implementersPages(
  documentKeys: readonly string[],
  page: ImplementerPageRequest,
): CypherQuery {
  return {
    cypher: `UNWIND $keys AS key
MATCH (d:Document {key: key})
${reachedTasks(page.maxDepth, false)}
CALL (reached) {
  UNWIND reached AS x
  WITH x.t AS t, x.depth AS depth
  // the task itself, else the nearest heading above it that assigns bodies
  CALL (t) {
    OPTIONAL MATCH p = (h:Task)-[:HAS_TASK*0..${HEADING_LEVELS}]->(t)
    WHERE EXISTS { (h)-[:ASSIGNED_TO]->(:Organization) }
    WITH h, length(p) AS up ORDER BY up LIMIT 1
    RETURN h AS holder, CASE WHEN h IS NULL THEN null WHEN up = 0 THEN 'TASK' ELSE 'HEADING' END AS basis
  }
  // else what its document assigns
  CALL (t, holder) {
    WITH t, holder WHERE holder IS NULL
    MATCH (t)-[:IN_DOCUMENT]->(:Document)<-[:IN_DOCUMENT]-(h:Task)-[:ASSIGNED_TO]->(:Organization)
    RETURN collect(DISTINCT h) AS documentHolders
  }
  WITH t, depth, CASE WHEN holder IS NULL THEN [h IN documentHolders | {h: h, basis: 'DOCUMENT'}]
                      ELSE [{h: holder, basis: basis}] END AS holders
  UNWIND holders AS hb
  WITH t, depth, hb.h AS h, hb.basis AS basis
  MATCH (h)-[a:ASSIGNED_TO]->(o:Organization)
  WITH o, { implementingTaskKey: t.key, taskKey: h.key, basis: basis, depth: depth,
              duty: a.duty, quote: a.quote, deadlines: a.deadlines, start: a.start, end: a.end,
              rank: CASE basis WHEN 'TASK' THEN 0 WHEN 'HEADING' THEN 1 ELSE 2 END } AS proof
  ORDER BY proof.rank, proof.depth, proof.implementingTaskKey, proof.start
  // one assignment proves once, through its nearest implementing task
  WITH o, proof.taskKey AS assigning, proof.start AS at, collect(proof)[0] AS proof
  WITH o, proof ORDER BY proof.rank, proof.depth, proof.implementingTaskKey, proof.start
  WITH o, collect(proof) AS proofs
  WITH o, proofs, reduce(m = 1000, p IN proofs | CASE WHEN p.depth < m THEN p.depth ELSE m END) AS depth
  RETURN collect({ o: o, depth: depth, proofs: proofs }) AS bodies
}
CALL (bodies) {
  UNWIND bodies AS e
  WITH e WHERE $afterDepth IS NULL OR e.depth > $afterDepth OR (e.depth = $afterDepth AND e.o.key > $afterKey)
  WITH e, e.o AS o ORDER BY e.depth, o.key LIMIT $limit
  RETURN collect({ organization: o { .key, .name, .kind }, depth: e.depth,
                   proofs: e.proofs[0..${PROOFS_PER_IMPLEMENTER}], proofCount: size(e.proofs) }) AS rows
}
RETURN key, rows, ${page.withTotal ? "size(bodies)" : "null"} AS total`,
    params: {
      keys: [...documentKeys],
      afterDepth: page.after ? neo4j.int(page.after.depth) : null,
      afterKey: page.after?.organizationKey ?? null,
      limit: neo4j.int(page.first + 1),
      notDriving: [...NOT_DRIVING_KINDS],
    },
  };
}

/**
 * One level of the breadth-first search over the citation graph of documents, at `depth`: from
 * each document of `frontier` (found at the level before) into its own task tree and out by a
 * citation, to documents not `seen` yet. Each document reached is kept once, behind the frontier
 * entry of the best `rank` (the first citation it descends from), then the citing document's key,
 * then the citation's position: a chain of the same length through any other parent is no shorter.
 * Entries: `d`, `rank`, `via` (citations from the first one on), `depth`.
 */
function drivingLevel(depth: number): string {
  return `CALL (frontier, seen) {
    UNWIND frontier AS f
    WITH f, f.d AS x
    MATCH (x)<-[:IN_DOCUMENT]-(:Task)-[r:IMPLEMENTS]->(y:Document)
    WHERE NOT y IN seen AND NOT coalesce(r.kind, 'CITES') IN $notDriving
    WITH y, f, r ORDER BY f.rank, x.key, r.start
    WITH y, collect({ d: y, rank: f.rank, via: f.via + r, depth: ${depth} })[0] AS entry
    RETURN collect(entry) AS next
  }
  WITH start, home, roots, found + next AS found, seen + [e IN next | e.d] AS seen, next AS frontier`;
}

/**
 * The start of a drivers' search (directivesDriving, directivesDrivingPages), opening a
 * `CALL (start, home) {` block: the task's first citations, ranked (its own before its headings',
 * then by position), as `roots`, and the documents they cite as the first `frontier`, `found` and
 * `seen` (depth 1).
 */
const drivingStart = `MATCH (start:Task {key: key})
OPTIONAL MATCH (start)-[:IN_DOCUMENT]->(home:Document)
CALL (start, home) {
  // the first citations, ranked: the task's own before its headings', then by position
  MATCH (origin:Task)-[:HAS_TASK*0..]->(start)
  MATCH (origin)-[first:IMPLEMENTS]->(cited:Document)
  WHERE NOT coalesce(first.kind, 'CITES') IN $notDriving
  WITH start, home, origin, first, cited ORDER BY CASE WHEN origin = start THEN 0 ELSE 1 END, first.start
  WITH start, home, collect({ origin: origin, first: first, cited: cited }) AS roots
  CALL (roots) {
    UNWIND range(0, size(roots) - 1) AS i
    WITH roots[i].cited AS d, min(i) AS rank
    RETURN collect({ d: d, rank: rank, via: [roots[rank].first], depth: 1 }) AS frontier
  }
  WITH start, home, roots, frontier, frontier AS found, [e IN frontier | e.d] AS seen`;

/**
 * The directives driving each task: documents its own citations, and those of the headings above
 * it, point at, and onwards through the task trees of ingested documents up to `maxDepth` hops.
 * Each document once, at its shortest chain (own citations before inherited ones at equal depth,
 * then the earlier citation); the task's own document is left out (a cycle). One row per task key:
 * `key`, `drivers`.
 *
 * Searched breadth-first over documents, level by level (the levels are spelled out, at most
 * limits.maxTraversalDepth of them): every document is expanded once, whatever number of first
 * citations lead to it, where a shortest-path search per first citation would expand the same
 * documents again for each. Ranking the first citations before the search keeps the tie-break
 * exact: a document's best chain descends from the best-ranked first citation among its parents'
 * (the minimum over a union is the minimum of the minima).
 */
export function directivesDriving(
  taskKeys: readonly string[],
  maxDepth: number,
  via: ChainFields = allChainFields,
): CypherQuery {
  const levels: string[] = [];
  for (let depth = 2; depth <= depthBound(maxDepth); depth++) levels.push(drivingLevel(depth));
  return {
    cypher: `UNWIND $keys AS key
${drivingStart}
  ${levels.join("\n  ")}
  UNWIND found AS e
  WITH start, home, roots, e, e.d AS d
  WHERE home IS NULL OR d <> home
  WITH start, roots, e, d ORDER BY e.depth, d.key
  RETURN collect({
    document: ${documentProjection("d")},
    depth: e.depth,
    inheritedFrom: CASE WHEN roots[e.rank].origin = start THEN null ELSE roots[e.rank].origin.key END,
    via: [r IN e.via | ${chainCitationProjection("r", via)}]
  }) AS drivers
}
RETURN key, drivers`,
    params: { keys: [...taskKeys], notDriving: [...NOT_DRIVING_KINDS] },
  };
}

export interface DrivingPageRequest {
  first: number;
  /** the last (depth, date, document key) already seen */
  after: ChainCursor | null;
  withTotal: boolean;
  maxDepth: number;
  /** what of each chain's citations to read (all when left out) */
  via?: ChainFields;
}

/**
 * After a level of the drivers' search, without totalCount: when the documents found so far
 * (not the task's own) fill the page after the cursor, the frontier is emptied: every deeper
 * document sorts after them.
 */
const drivingPageFull = `CALL (found, home) {
    UNWIND CASE WHEN $withTotal THEN [] ELSE found END AS e
    WITH e WHERE (home IS NULL OR e.d <> home)
      AND ${afterCursor("e.depth", "coalesce(e.d.issuedOn, '" + UNDATED + "')", "e.d.key")}
    RETURN count(e) >= $limit AS full
  }
  WITH start, home, roots, found, seen, CASE WHEN full THEN [] ELSE frontier END AS frontier`;

/**
 * directivesDriving as pages: the same search and choice of chains, ordered by depth, then the
 * document's date (undated last), then its key, keyset-paged. Without the count the search ends at
 * the level that fills the page, and only the page's documents and chains are projected.
 * One row per task key: `key`, `rows` ({document, depth, date, inheritedFrom, via}), `total`.
 */
export function directivesDrivingPages(taskKeys: readonly string[], page: DrivingPageRequest): CypherQuery {
  const levels: string[] = [];
  for (let depth = 2; depth <= depthBound(page.maxDepth); depth++)
    levels.push(`${drivingPageFull}\n  ${drivingLevel(depth)}`);
  return {
    cypher: `UNWIND $keys AS key
${drivingStart}
  ${levels.join("\n  ")}
  UNWIND found AS e
  WITH start, home, roots, e, e.d AS d
  WHERE home IS NULL OR d <> home
  // a task citing nothing has no row here: the loader answers an empty page
  WITH collect({ e: e, d: d, date: coalesce(d.issuedOn, '${UNDATED}'),
    inheritedFrom: CASE WHEN roots[e.rank].origin = start THEN null ELSE roots[e.rank].origin.key END }) AS chains
  CALL (chains) {
    UNWIND chains AS a
    WITH a, a.d AS d WHERE ${afterCursor("a.e.depth", "a.date", "d.key")}
    WITH a, d ORDER BY a.e.depth, a.date, d.key LIMIT $limit
    RETURN collect({
      document: ${documentProjection("d")},
      depth: a.e.depth,
      date: a.date,
      inheritedFrom: a.inheritedFrom,
      via: [r IN a.e.via | ${chainCitationProjection("r", page.via ?? allChainFields)}]
    }) AS rows
  }
  RETURN rows, size(chains) AS total
}
RETURN key, rows, ${page.withTotal ? "total" : "null"} AS total`,
    params: { keys: [...taskKeys], notDriving: [...NOT_DRIVING_KINDS], ...chainPageParams(page) },
  };
}
