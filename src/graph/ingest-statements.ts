/**
 * The two statements of one ingest, both of constant shape (the plan cache keeps one plan each),
 * with every row passed as a parameter list and written by `UNWIND`: two round trips per document
 * whatever its size, never one query per node or link.
 */
export const ingestStatements = {
  /**
   * What the graph holds before the write: the document's state, the stubs and named documents its
   * current version links to (for orphan clean-up), which cited keys exist, and for year-less
   * citations the resolved documents with the same type and symbol.
   */
  previous: `
    OPTIONAL MATCH (d:Document {key: $key})
    CALL (d) {
      OPTIONAL MATCH (:Task {documentKey: $key})-[:IMPLEMENTS]->(cited:Document)
      WHERE cited.ingested = false
      RETURN collect(DISTINCT cited.key) AS citedStubs
    }
    CALL (d) {
      OPTIONAL MATCH (:Task {documentKey: $key})-[:REFERS_TO]->(named:NamedDocument)
      RETURN collect(DISTINCT named.key) AS namedKeys
    }
    CALL {
      UNWIND $citedKeys AS citedKey
      MATCH (existing:Document {key: citedKey})
      RETURN collect(existing.key) AS existingKeys
    }
    CALL {
      UNWIND $yearless AS row
      MATCH (candidate:Document {symbol: row.symbol})
      WHERE candidate.typeCode = row.typeCode AND candidate.resolved = true
      WITH row, collect(candidate.key) AS keys
      RETURN collect({key: row.key, candidates: keys}) AS yearlessCandidates
    }
    RETURN d IS NOT NULL AS exists, coalesce(d.ingested, false) AS ingested, d.sourceSha256 AS sha256,
           d.loaderVersion AS loaderVersion, citedStubs, namedKeys, existingKeys, yearlessCandidates`,

  /** Everything the document writes, in one statement: old version out, new version in. */
  write: `
    CALL { MATCH (:Document {key: $doc.key})-[c:CITES]->() DELETE c }
    CALL { MATCH (t:Task {documentKey: $doc.key}) DETACH DELETE t }
    CALL { MATCH (g:Target {documentKey: $doc.key}) DETACH DELETE g }
    CALL { MATCH (:Document {key: $doc.key})-[i:ISSUED_BY]->() DELETE i }
    CALL {
      UNWIND $organizations AS row
      MERGE (o:Organization {key: row.key})
      ON CREATE SET o.name = row.name, o.kind = row.kind
    }
    MERGE (d:Document {key: $doc.key})
    SET d.type = $doc.type, d.typeCode = $doc.typeCode, d.symbol = $doc.symbol, d.number = $doc.number,
        d.year = $doc.year, d.issuedOn = $doc.issuedOn, d.title = $doc.title, d.signer = $doc.signer,
        d.issuerKey = $doc.issuerKey, d.resolved = $doc.resolved, d.ingested = true,
        d.sourceName = $source.name, d.sourceSha256 = $source.sha256, d.sourceText = $source.text,
        d.ingestedAt = datetime(), d.loaderVersion = $loaderVersion
    WITH d
    CALL (d) {
      MATCH (o:Organization {key: $doc.issuerKey})
      MERGE (d)-[:ISSUED_BY]->(o)
    }
    CALL {
      UNWIND $cited AS row
      MERGE (c:Document {key: row.key})
      ON CREATE SET c.type = row.type, c.typeCode = row.typeCode, c.symbol = row.symbol, c.number = row.number,
                    c.year = row.year, c.issuedOn = row.issuedOn, c.title = row.title,
                    c.issuerKey = row.issuerKey, c.resolved = row.resolved, c.ingested = false
      ON MATCH SET c.issuedOn = coalesce(c.issuedOn, row.issuedOn), c.title = coalesce(c.title, row.title),
                   c.issuerKey = coalesce(c.issuerKey, row.issuerKey),
                   c.type = CASE WHEN coalesce(c.type, '') = '' THEN row.type ELSE c.type END
      WITH c, row
      WHERE row.issuerKey IS NOT NULL AND NOT EXISTS { (c)-[:ISSUED_BY]->() }
      MATCH (o:Organization {key: row.issuerKey})
      MERGE (c)-[:ISSUED_BY]->(o)
    }
    CALL (d) {
      UNWIND $tasks AS row
      CREATE (t:Task {key: row.key, code: row.code, title: row.title, text: row.text, level: row.level,
                      order: row.order, kind: row.kind, start: row.start, end: row.end,
                      documentKey: $doc.key, parentCode: row.parentCode})
      CREATE (t)-[:IN_DOCUMENT]->(d)
    }
    CALL (d) {
      UNWIND $tasks AS row
      WITH row WHERE row.parentKey IS NULL
      MATCH (t:Task {key: row.key})
      CREATE (d)-[:HAS_TASK {order: row.order}]->(t)
    }
    CALL {
      UNWIND $tasks AS row
      WITH row WHERE row.parentKey IS NOT NULL
      MATCH (p:Task {key: row.parentKey})
      MATCH (t:Task {key: row.key})
      CREATE (p)-[:HAS_TASK {order: row.order}]->(t)
    }
    CALL {
      UNWIND $citations AS row
      MATCH (t:Task {key: row.taskKey})
      MATCH (c:Document {key: row.documentKey})
      CREATE (t)-[:IMPLEMENTS {quote: row.quote, start: row.start, end: row.end, sourceKey: $doc.key,
                               symbolAsPrinted: row.symbolAsPrinted, date: row.date, issuerKey: row.issuerKey,
                               title: row.title, relation: row.relation, byName: row.byName,
                               resolvedBy: row.resolvedBy, warnings: row.warnings}]->(c)
    }
    CALL {
      UNWIND $named AS row
      MATCH (t:Task {key: row.taskKey})
      MERGE (n:NamedDocument {key: row.namedKey})
      ON CREATE SET n.name = row.name, n.kind = row.kind
      CREATE (t)-[:REFERS_TO {quote: row.quote, start: row.start, end: row.end, sourceKey: $doc.key,
                              name: row.name}]->(n)
    }
    CALL (d) {
      UNWIND $targets AS row
      CREATE (g:Target {key: row.key, ordinal: row.ordinal, group: row.group, text: row.text,
                        quantities: row.quantities, start: row.start, end: row.end, documentKey: $doc.key})
      CREATE (g)-[:SET_BY]->(d)
      WITH g, row
      MATCH (t:Task {key: row.taskKey})
      CREATE (g)-[:UNDER]->(t)
    }
    CALL {
      UNWIND $assignments AS row
      MATCH (t:Task {key: row.taskKey})
      MATCH (o:Organization {key: row.organizationKey})
      CREATE (t)-[:ASSIGNED_TO {duty: row.duty, deadlines: row.deadlines, start: row.start, end: row.end}]->(o)
    }
    CALL (d) {
      MATCH (d)<-[:IN_DOCUMENT]-(:Task)-[:IMPLEMENTS]->(c:Document)
      WHERE c <> d
      WITH d, c, count(*) AS n
      CREATE (d)-[:CITES {count: n}]->(c)
    }
    CALL {
      UNWIND $stubKeys AS stubKey
      MATCH (s:Document {key: stubKey})
      WHERE s.ingested = false AND NOT EXISTS { (s)<-[:IMPLEMENTS]-() }
      DETACH DELETE s
    }
    CALL {
      UNWIND $namedKeys AS namedKey
      MATCH (n:NamedDocument {key: namedKey})
      WHERE NOT EXISTS { (n)<-[:REFERS_TO]-() }
      DETACH DELETE n
    }
    RETURN d.key AS key`,
} as const;
