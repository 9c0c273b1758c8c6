import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import {
  allChainFields,
  chainCitationProjection,
  citedByPages,
  directivesDriving,
  directivesDrivingPages,
  documentsBySymbol,
  documentsPage,
  implementersPages,
  luceneQuery,
  neighborhood,
  noProperties,
  referenceCandidates,
  searchPage,
  shortestPath,
  tasksImplementingPages,
} from "../../../src/graph/queries/index.js";

// TCK-style: the Cypher each builder generates, checked without a database. Values never appear
// in the text: they travel as parameters (integers as neo4j Integers).

describe("read Cypher builders", () => {
  it("documentsBySymbol matches the normalised symbol, optionally one year", () => {
    const query = documentsBySymbol("26-NQ/TW", 2018);
    expect(query.cypher).toMatchInlineSnapshot(`
      "MATCH (d:Document {symbol: $symbol})
      WHERE $year IS NULL OR d.year = $year
      RETURN d { .key, .type, .typeCode, .symbol, .number, .year, .issuedOn, .title, .ingested, .resolved, .sourceName, .issuerKey, .signer, .effectiveFrom, .effectiveRule, .effectiveUntil, .effectQuote, issuer: head([(d)-[:ISSUED_BY]->(o:Organization) | o { .key, .name, .kind }]), sourceFile: CASE WHEN d.sourceMediaType IS NULL THEN null ELSE { name: coalesce(d.sourceFileName, d.sourceName), mediaType: d.sourceMediaType, size: d.sourceSize, sha256: d.sourceSha256, pageCount: d.sourcePageCount, method: d.sourceMethod, ocrEngine: d.sourceOcrEngine, ocrConfidence: d.sourceOcrConfidence, pageStarts: d.sourcePageStarts, pageConfidences: d.sourcePageConfidences } END } AS document
      ORDER BY d.year DESC, d.key"
    `);
    expect(query.params).toEqual({ symbol: "26-NQ/TW", year: neo4j.int(2018) });
  });

  it("documentsPage pages by key and counts only when asked", () => {
    const withTotal = documentsPage(
      { type: "NQ", ingested: true },
      { first: 10, after: "NQ|a", withTotal: true },
    );
    expect(withTotal.cypher).toMatchInlineSnapshot(`
      "CALL () {
        MATCH (d:Document)
        WHERE ($type IS NULL OR d.type = $type OR d.typeCode = $type)
        AND ($issuer IS NULL OR d.issuerKey = $issuer)
        AND ($yearFrom IS NULL OR d.year >= $yearFrom)
        AND ($yearTo IS NULL OR d.year <= $yearTo)
        AND ($ingested IS NULL OR d.ingested = $ingested)
        RETURN count(d) AS total
      }
      CALL () {
        MATCH (d:Document)
        WHERE ($type IS NULL OR d.type = $type OR d.typeCode = $type)
        AND ($issuer IS NULL OR d.issuerKey = $issuer)
        AND ($yearFrom IS NULL OR d.year >= $yearFrom)
        AND ($yearTo IS NULL OR d.year <= $yearTo)
        AND ($ingested IS NULL OR d.ingested = $ingested)
          AND ($after IS NULL OR d.key > $after)
        WITH d ORDER BY d.key LIMIT $limit
        RETURN collect(d { .key, .type, .typeCode, .symbol, .number, .year, .issuedOn, .title, .ingested, .resolved, .sourceName, .issuerKey, .signer, .effectiveFrom, .effectiveRule, .effectiveUntil, .effectQuote, issuer: head([(d)-[:ISSUED_BY]->(o:Organization) | o { .key, .name, .kind }]), sourceFile: CASE WHEN d.sourceMediaType IS NULL THEN null ELSE { name: coalesce(d.sourceFileName, d.sourceName), mediaType: d.sourceMediaType, size: d.sourceSize, sha256: d.sourceSha256, pageCount: d.sourcePageCount, method: d.sourceMethod, ocrEngine: d.sourceOcrEngine, ocrConfidence: d.sourceOcrConfidence, pageStarts: d.sourcePageStarts, pageConfidences: d.sourcePageConfidences } END }) AS rows
      }
      RETURN rows, total"
    `);
    expect(withTotal.params).toEqual({
      type: "NQ",
      issuer: null,
      yearFrom: null,
      yearTo: null,
      ingested: true,
      after: "NQ|a",
      limit: neo4j.int(11),
    });
    const without = documentsPage({}, { first: 10, after: null, withTotal: false });
    expect(without.cypher).not.toContain("count(");
    expect(without.cypher.startsWith("WITH null AS total")).toBe(true);
  });

  it("citedByPages batches documents and pages by (task key, start)", () => {
    const query = citedByPages(["NQ|26-NQ/TW|2018"], {
      first: 5,
      after: { taskKey: "doc#II.2.2", start: 12 },
      withTotal: false,
    });
    expect(query.cypher).toMatchInlineSnapshot(`
      "UNWIND $keys AS key
      MATCH (d:Document {key: key})
      WITH key, d, null AS total
      CALL (d) {
        MATCH (t:Task)-[r:IMPLEMENTS]->(d)
        WHERE $afterTask IS NULL OR t.key > $afterTask OR (t.key = $afterTask AND r.start > $afterStart)
        WITH t, r ORDER BY t.key, r.start LIMIT $limit
        RETURN collect({ citation: { taskKey: startNode(r).key, documentKey: endNode(r).key, quote: r.quote, start: r.start, end: r.end, page: r.page, kind: r.kind, scope: r.scope, sourceKey: r.sourceKey, symbolAsPrinted: r.symbolAsPrinted, date: r.date, issuerKey: r.issuerKey, title: r.title, relation: r.relation, warnings: r.warnings }, task: t { .key, .code, .title, .text, .level, .order, .kind, .start, .end, .documentKey, .parentCode, .deadlines } }) AS rows
      }
      RETURN key, rows, total"
    `);
    expect(query.params).toEqual({
      keys: ["NQ|26-NQ/TW|2018"],
      afterTask: "doc#II.2.2",
      afterStart: neo4j.int(12),
      limit: neo4j.int(6),
    });
  });

  it("tasksImplementingPages searches breadth-first over documents, one level per hop, no deeper than maxDepth", () => {
    const query = tasksImplementingPages(["NQ|26-NQ/TW|2018"], {
      first: 20,
      after: null,
      withTotal: true,
      maxDepth: 3,
    });
    expect(query.cypher).toMatchInlineSnapshot(`
      "UNWIND $keys AS key
      MATCH (d:Document {key: key})
      CALL (d) {
        WITH d, [{ d: d, via: [] }] AS frontier, [] AS found, [d] AS seen
        CALL (frontier, seen) {
          UNWIND frontier AS f
          WITH f, f.d AS y
          MATCH (x:Document)<-[:IN_DOCUMENT]-(t:Task)-[r:IMPLEMENTS]->(y)
          WHERE NOT coalesce(r.kind, 'CITES') IN $notDriving
          RETURN collect({ x: x, t: t, via: [r] + f.via, depth: 1, date: coalesce(x.issuedOn, '~') }) AS hits
        }
        CALL (hits, seen) {
          UNWIND hits AS h
          WITH h WHERE NOT h.x IN seen
          WITH h, h.t.key AS taskKey, h.via[0].start AS at ORDER BY taskKey, at
          WITH h.x AS d, collect(h)[0] AS best
          RETURN collect({ d: d, via: best.via }) AS next
        }
        WITH d, found + [h IN hits WHERE h.x <> d] AS found, seen + [e IN next | e.d] AS seen, next AS frontier
        CALL (found) {
          UNWIND CASE WHEN $withTotal THEN [] ELSE found END AS h
          WITH h.t AS t, min(h.depth) AS depth, min(h.date) AS date
          WITH t WHERE ($afterDepth IS NULL OR depth > $afterDepth OR (depth = $afterDepth AND (date > $afterDate OR (date = $afterDate AND t.key > $afterKey))))
          RETURN count(t) >= $limit AS full
        }
        WITH d, found, seen, CASE WHEN full THEN [] ELSE frontier END AS frontier
        CALL (frontier, seen) {
          UNWIND frontier AS f
          WITH f, f.d AS y
          MATCH (x:Document)<-[:IN_DOCUMENT]-(t:Task)-[r:IMPLEMENTS]->(y)
          WHERE NOT coalesce(r.kind, 'CITES') IN $notDriving
          RETURN collect({ x: x, t: t, via: [r] + f.via, depth: 2, date: coalesce(x.issuedOn, '~') }) AS hits
        }
        CALL (hits, seen) {
          UNWIND hits AS h
          WITH h WHERE NOT h.x IN seen
          WITH h, h.t.key AS taskKey, h.via[0].start AS at ORDER BY taskKey, at
          WITH h.x AS d, collect(h)[0] AS best
          RETURN collect({ d: d, via: best.via }) AS next
        }
        WITH d, found + [h IN hits WHERE h.x <> d] AS found, seen + [e IN next | e.d] AS seen, next AS frontier
        CALL (found) {
          UNWIND CASE WHEN $withTotal THEN [] ELSE found END AS h
          WITH h.t AS t, min(h.depth) AS depth, min(h.date) AS date
          WITH t WHERE ($afterDepth IS NULL OR depth > $afterDepth OR (depth = $afterDepth AND (date > $afterDate OR (date = $afterDate AND t.key > $afterKey))))
          RETURN count(t) >= $limit AS full
        }
        WITH d, found, seen, CASE WHEN full THEN [] ELSE frontier END AS frontier
        CALL (frontier, seen) {
          UNWIND frontier AS f
          WITH f, f.d AS y
          MATCH (x:Document)<-[:IN_DOCUMENT]-(t:Task)-[r:IMPLEMENTS]->(y)
          WHERE NOT coalesce(r.kind, 'CITES') IN $notDriving
          RETURN collect({ x: x, t: t, via: [r] + f.via, depth: 3, date: coalesce(x.issuedOn, '~') }) AS hits
        }
        WITH d, found + [h IN hits WHERE h.x <> d] AS found
        UNWIND found AS h
        // each task at its shortest depth; a task citing twice at that depth: its first citation
        WITH h, h.t AS t, h.via[0].start AS at ORDER BY h.depth, at
        WITH t, collect(h)[0] AS best
        RETURN collect({ t: t, depth: best.depth, date: best.date, via: best.via }) AS reached
      }
      CALL (reached) {
        UNWIND reached AS x
        WITH x.t AS t, x
        WHERE ($afterDepth IS NULL OR x.depth > $afterDepth OR (x.depth = $afterDepth AND (x.date > $afterDate OR (x.date = $afterDate AND t.key > $afterKey))))
        WITH t, x ORDER BY x.depth, x.date, t.key LIMIT $limit
        RETURN collect({ task: t { .key, .code, .title, .text, .level, .order, .kind, .start, .end, .documentKey, .parentCode, .deadlines }, depth: x.depth, date: x.date, via: [r IN x.via | { quote: r.quote, start: r.start, end: r.end, taskKey: startNode(r).key, documentKey: endNode(r).key, symbolAsPrinted: r.symbolAsPrinted, date: r.date, relation: r.relation, warnings: r.warnings, page: r.page }] }) AS rows
      }
      RETURN key, rows, size(reached) AS total"
    `);
    // one backward level per hop, each expanding only the documents the level before reached
    expect(query.cypher.match(/CALL \(frontier, seen\)/g)).toHaveLength(3);
    expect(query.cypher).toContain("WITH h WHERE NOT h.x IN seen");
    // one search gives both the count and the page
    expect(query.cypher).toContain("size(reached) AS total");
    // depth 1 has no onward hop: a plain one-hop match, no levels
    const direct = tasksImplementingPages(["NQ|26-NQ/TW|2018"], {
      first: 20,
      after: null,
      withTotal: false,
      maxDepth: 1,
    });
    expect(direct.cypher).not.toContain("frontier");
    expect(direct.cypher).toContain("null AS total");
    expect(() =>
      tasksImplementingPages([], { first: 1, after: null, withTotal: false, maxDepth: 0 }),
    ).toThrow(RangeError);
  });

  it("chain pages are keyset-paged on (depth, date, key) and stop searching at the level that fills the page", () => {
    const after = { depth: 2, date: "2021-10-11", key: "NQ|128/NQ-CP|2021" };
    const drivers = directivesDrivingPages(["doc#II.1"], { first: 5, after, withTotal: false, maxDepth: 4 });
    expect(drivers.params).toMatchObject({
      keys: ["doc#II.1"],
      afterDepth: neo4j.int(2),
      afterDate: "2021-10-11",
      afterKey: "NQ|128/NQ-CP|2021",
      limit: neo4j.int(6),
      withTotal: false,
    });
    // one level per hop beyond the first, each behind a check that may empty the frontier
    expect(drivers.cypher.match(/CALL \(frontier, seen\)/g)).toHaveLength(3);
    expect(drivers.cypher.match(/CALL \(found, home\)/g)).toHaveLength(3);
    expect(drivers.cypher).toContain("CASE WHEN full THEN [] ELSE frontier END AS frontier");
    expect(drivers.cypher).toContain("ORDER BY a.e.depth, a.date, d.key LIMIT $limit");
    expect(drivers.cypher).toContain("null AS total");
    // the documents are projected for the page only, after the limit
    expect(drivers.cypher.indexOf("LIMIT $limit")).toBeLessThan(drivers.cypher.indexOf("document: d {"));
    expect(
      directivesDrivingPages(["t"], { first: 5, after: null, withTotal: true, maxDepth: 1 }).cypher,
    ).not.toContain("CALL (found, home)");

    const tasks = tasksImplementingPages(["d"], { first: 5, after, withTotal: false, maxDepth: 3 });
    expect(tasks.cypher).toContain("ORDER BY x.depth, x.date, t.key LIMIT $limit");
    // a check after every level but the deepest (nothing comes after it)
    expect(tasks.cypher.match(/CALL \(found\)/g)).toHaveLength(2);
    // the bodies carrying a document out need every task: no early stop there
    expect(
      implementersPages(["d"], { first: 5, after: null, withTotal: false, maxDepth: 3 }).cypher,
    ).not.toContain("CALL (found)");
  });

  it("directivesDriving includes the headings above the task and takes each document's shortest chain", () => {
    const query = directivesDriving(["doc#II.1"], 2);
    expect(query.cypher).toMatchInlineSnapshot(`
      "UNWIND $keys AS key
      MATCH (start:Task {key: key})
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
        WITH start, home, roots, frontier, frontier AS found, [e IN frontier | e.d] AS seen
        CALL (frontier, seen) {
          UNWIND frontier AS f
          WITH f, f.d AS x
          MATCH (x)<-[:IN_DOCUMENT]-(:Task)-[r:IMPLEMENTS]->(y:Document)
          WHERE NOT y IN seen AND NOT coalesce(r.kind, 'CITES') IN $notDriving
          WITH y, f, r ORDER BY f.rank, x.key, r.start
          WITH y, collect({ d: y, rank: f.rank, via: f.via + r, depth: 2 })[0] AS entry
          RETURN collect(entry) AS next
        }
        WITH start, home, roots, found + next AS found, seen + [e IN next | e.d] AS seen, next AS frontier
        UNWIND found AS e
        WITH start, home, roots, e, e.d AS d
        WHERE home IS NULL OR d <> home
        WITH start, roots, e, d ORDER BY e.depth, d.key
        RETURN collect({
          document: d { .key, .type, .typeCode, .symbol, .number, .year, .issuedOn, .title, .ingested, .resolved, .sourceName, .issuerKey, .signer, .effectiveFrom, .effectiveRule, .effectiveUntil, .effectQuote, issuer: head([(d)-[:ISSUED_BY]->(o:Organization) | o { .key, .name, .kind }]), sourceFile: CASE WHEN d.sourceMediaType IS NULL THEN null ELSE { name: coalesce(d.sourceFileName, d.sourceName), mediaType: d.sourceMediaType, size: d.sourceSize, sha256: d.sourceSha256, pageCount: d.sourcePageCount, method: d.sourceMethod, ocrEngine: d.sourceOcrEngine, ocrConfidence: d.sourceOcrConfidence, pageStarts: d.sourcePageStarts, pageConfidences: d.sourcePageConfidences } END },
          depth: e.depth,
          inheritedFrom: CASE WHEN roots[e.rank].origin = start THEN null ELSE roots[e.rank].origin.key END,
          via: [r IN e.via | { quote: r.quote, start: r.start, end: r.end, taskKey: startNode(r).key, documentKey: endNode(r).key, symbolAsPrinted: r.symbolAsPrinted, date: r.date, relation: r.relation, warnings: r.warnings, page: r.page }]
        }) AS drivers
      }
      RETURN key, drivers"
    `);
    // drivers follow what carries a document out, never what acts on it (amends, repeals …)
    expect(query.params).toEqual({
      keys: ["doc#II.1"],
      notDriving: ["AMENDS", "REPLACES", "REPEALS", "SUSPENDS", "CONSOLIDATES", "CORRECTS"],
    });
    // first citations ranked (own before inherited, then by position), then one level per onward hop
    expect(query.cypher).toContain("ORDER BY CASE WHEN origin = start THEN 0 ELSE 1 END, first.start");
    expect(query.cypher.match(/CALL \(frontier, seen\)/g)).toHaveLength(1);
    expect(directivesDriving(["doc#II.1"], 6).cypher.match(/CALL \(frontier, seen\)/g)).toHaveLength(5);
    expect(directivesDriving(["doc#II.1"], 1).cypher).not.toContain("CALL (frontier, seen)");
  });

  it("chain citations read the quote and span always, the ends and details only when selected", () => {
    expect(chainCitationProjection("r", { ends: false, details: false })).toBe(
      "{ quote: r.quote, start: r.start, end: r.end }",
    );
    const full = chainCitationProjection("r", allChainFields);
    expect(full).toContain("taskKey: startNode(r).key, documentKey: endNode(r).key");
    expect(full).toContain("warnings: r.warnings");
    // what the API has no field for is never read
    expect(full).not.toMatch(/sourceKey|issuerKey|title/);
    const lean = { ends: false, details: false };
    expect(directivesDriving(["t"], 3, lean).cypher).not.toContain("startNode(r)");
    expect(
      tasksImplementingPages(["d"], { first: 5, after: null, withTotal: false, maxDepth: 3, via: lean })
        .cypher,
    ).toContain("via: [r IN x.via | { quote: r.quote, start: r.start, end: r.end }]");
  });

  it("searchPage queries the cancu_search full-text index with a keyset on (score, key)", () => {
    const query = searchPage("chuyen AND doi", {
      first: 3,
      after: { score: 1.5, key: "k" },
      withTotal: false,
    });
    expect(query.cypher).toMatchInlineSnapshot(`
      "WITH null AS total
      CALL () {
        CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
        WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND node.key > $afterKey)
        WITH node, score ORDER BY score DESC, node.key LIMIT $limit
        RETURN collect({
          score: score,
          task: CASE WHEN node:Task THEN node { .key, .code, .title, .text, .level, .order, .kind, .start, .end, .documentKey, .parentCode, .deadlines } END,
          document: CASE WHEN node:Document THEN node { .key, .type, .typeCode, .symbol, .number, .year, .issuedOn, .title, .ingested, .resolved, .sourceName, .issuerKey, .signer, .effectiveFrom, .effectiveRule, .effectiveUntil, .effectQuote, issuer: head([(node)-[:ISSUED_BY]->(o:Organization) | o { .key, .name, .kind }]), sourceFile: CASE WHEN node.sourceMediaType IS NULL THEN null ELSE { name: coalesce(node.sourceFileName, node.sourceName), mediaType: node.sourceMediaType, size: node.sourceSize, sha256: node.sourceSha256, pageCount: node.sourcePageCount, method: node.sourceMethod, ocrEngine: node.sourceOcrEngine, ocrConfidence: node.sourceOcrConfidence, pageStarts: node.sourcePageStarts, pageConfidences: node.sourcePageConfidences } END } END
        }) AS rows
      }
      RETURN rows, total"
    `);
    expect(query.params).toEqual({
      index: "cancu_search",
      query: "chuyen AND doi",
      afterScore: 1.5,
      afterKey: "k",
      limit: neo4j.int(4),
    });
  });

  it("shortestPath and neighborhood put only whitelisted labels in the text", () => {
    const path = shortestPath({ label: "Task", key: "a" }, { label: "Document", key: "b" }, 4);
    expect(path.cypher).toMatchInlineSnapshot(`
      "MATCH (a:Task {key: $fromKey}), (b:Document {key: $toKey})
      MATCH p = shortestPath((a)-[*0..10]-(b))
      WHERE none(n IN nodes(p) WHERE n:SourceFile)
      WITH p WHERE length(p) <= $maxDepth
      RETURN [n IN nodes(p) | { labels: labels(n), key: n.key, caption: CASE WHEN $captions THEN [n.symbol, n.code, n.title, n.name, left(n.text, 80)] END, properties: CASE WHEN $nodeProperties THEN n { .*, sourceText: null, sourcePageStarts: null, sourcePageConfidences: null } END }] AS nodes,
             [r IN relationships(p) | { id: CASE WHEN $edgeIds THEN elementId(r) END, type: type(r), fromLabels: labels(startNode(r)), fromKey: startNode(r).key, toLabels: labels(endNode(r)), toKey: endNode(r).key, quote: r.quote, properties: CASE WHEN $edgeProperties THEN properties(r) END }] AS edges"
    `);
    expect(path.params).toEqual({
      fromKey: "a",
      toKey: "b",
      maxDepth: neo4j.int(4),
      nodeProperties: true,
      edgeProperties: true,
      captions: true,
      edgeIds: true,
    });
    // a drawing that shows no stored properties, captions or edge ids does not fetch them
    expect(neighborhood({ label: "Document", key: "d" }, 1, 5, noProperties).params).toMatchObject({
      nodeProperties: false,
      edgeProperties: false,
      captions: false,
      edgeIds: false,
    });
    const around = neighborhood({ label: "Document", key: "d" }, 2, 50);
    expect(around.cypher).toMatchInlineSnapshot(`
      "MATCH (center:Document {key: $key})
      WITH center, [center] AS ring0
      CALL (center, ring0) {
        UNWIND ring0 AS x
        MATCH (x)--(m)
        WHERE $depth >= 1 AND m <> center AND NOT m:SourceFile
        WITH DISTINCT m ORDER BY m.key LIMIT $ringLimit
        RETURN collect(m) AS ring1
      }
      CALL (center, ring0, ring1) {
        UNWIND ring1 AS x
        MATCH (x)--(m)
        WHERE $depth >= 2 AND m <> center AND NOT m:SourceFile AND NOT m IN ring1
        WITH DISTINCT m ORDER BY m.key LIMIT $ringLimit
        RETURN collect(m) AS ring2
      }
      CALL (center, ring0, ring1, ring2) {
        UNWIND ring2 AS x
        MATCH (x)--(m)
        WHERE $depth >= 3 AND m <> center AND NOT m:SourceFile AND NOT m IN ring1 AND NOT m IN ring2
        WITH DISTINCT m ORDER BY m.key LIMIT $ringLimit
        RETURN collect(m) AS ring3
      }
      WITH ring0 + ring1 + ring2 + ring3 AS reached
      WITH reached[0..$limit] AS kept, size(reached) > $limit AS truncated
      CALL (kept) {
        UNWIND kept AS x
        MATCH (x)-[r]->(y)
        WHERE y IN kept
        RETURN collect({ id: CASE WHEN $edgeIds THEN elementId(r) END, type: type(r), fromLabels: labels(startNode(r)), fromKey: startNode(r).key, toLabels: labels(endNode(r)), toKey: endNode(r).key, quote: r.quote, properties: CASE WHEN $edgeProperties THEN properties(r) END }) AS edges
      }
      RETURN [n IN kept | { labels: labels(n), key: n.key, caption: CASE WHEN $captions THEN [n.symbol, n.code, n.title, n.name, left(n.text, 80)] END, properties: CASE WHEN $nodeProperties THEN n { .*, sourceText: null, sourcePageStarts: null, sourcePageConfidences: null } END }] AS nodes, edges, truncated"
    `);
    expect(around.params).toEqual({
      key: "d",
      depth: neo4j.int(2),
      limit: neo4j.int(50),
      ringLimit: neo4j.int(51),
      nodeProperties: true,
      edgeProperties: true,
      captions: true,
      edgeIds: true,
    });
    expect(() =>
      shortestPath({ label: "Evil) DETACH DELETE (x" as never, key: "a" }, { label: "Task", key: "b" }, 1),
    ).toThrow(/unknown node label/);
  });

  it("referenceCandidates reads exact symbols and same-tail near misses with their evidence", () => {
    const query = referenceCandidates(["26-NQ/TW"], "NQ", "-NQ/TW");
    expect(query.cypher).toMatchInlineSnapshot(`
      "MATCH (d:Document)
      WHERE d.symbol IN $symbols OR (d.typeCode = $typeCode AND d.symbol ENDS WITH $symbolTail)
      CALL (d) {
        MATCH (:Task)-[r:IMPLEMENTS]->(d)
        WITH r ORDER BY r.sourceKey, r.start LIMIT 20
        RETURN collect({ taskKey: startNode(r).key, documentKey: endNode(r).key, quote: r.quote, start: r.start, end: r.end, page: r.page, kind: r.kind, scope: r.scope, sourceKey: r.sourceKey, symbolAsPrinted: r.symbolAsPrinted, date: r.date, issuerKey: r.issuerKey, title: r.title, relation: r.relation, warnings: r.warnings }) AS evidence
      }
      RETURN d { .key, .type, .typeCode, .symbol, .number, .year, .issuedOn, .title, .ingested, .resolved, .sourceName, .issuerKey, .signer, .effectiveFrom, .effectiveRule, .effectiveUntil, .effectQuote, issuer: head([(d)-[:ISSUED_BY]->(o:Organization) | o { .key, .name, .kind }]), sourceFile: CASE WHEN d.sourceMediaType IS NULL THEN null ELSE { name: coalesce(d.sourceFileName, d.sourceName), mediaType: d.sourceMediaType, size: d.sourceSize, sha256: d.sourceSha256, pageCount: d.sourcePageCount, method: d.sourceMethod, ocrEngine: d.sourceOcrEngine, ocrConfidence: d.sourceOcrConfidence, pageStarts: d.sourcePageStarts, pageConfidences: d.sourcePageConfidences } END } AS document, d.symbol IN $symbols AS exact, evidence
      ORDER BY exact DESC, d.year DESC, d.key
      LIMIT 50"
    `);
  });
});

describe("luceneQuery", () => {
  it.each([
    ["chuyen doi so", '"chuyen doi so"^4 OR (chuyen AND doi AND so)'],
    ["chuyển đổi số", '"chuyển đổi số"^4 OR (chuyển AND đổi AND số)'],
    ["128/NQ-CP", "128\\/NQ\\-CP"],
    ['a "b" (c)', '"a \\"b\\" (c)"^4 OR (a AND \\"b\\" AND \\(c\\))'],
    ["OR", "or"],
    ["   ", null],
  ])("%j → %j", (text, expected) => {
    expect(luceneQuery(text)).toBe(expected);
  });
});
