/**
 * The two statements of one ingest batch (one document or many, in one transaction), both of
 * constant shape (the plan cache keeps one plan each), with every row passed as a parameter list and
 * written by `UNWIND`: two round trips per batch whatever its size, never one query per node or link.
 * A batch of one is the single-document ingest; rows carry the key of their document, so a batch is
 * the rows of its documents concatenated (ingest.ts keeps a key from appearing twice in a batch).
 */
export const ingestStatements = {
  /**
   * What the graph holds before the write, one row per input document, in input order: the
   * document's state, the stubs and named documents its current version links to (for orphan
   * clean-up), which of its cited keys exist, and for its year-less citations the resolved documents
   * with the same type and symbol.
   */
  previous: `
    UNWIND $inputs AS input
    OPTIONAL MATCH (d:Document {key: input.key})
    CALL (input) {
      OPTIONAL MATCH (:Task {documentKey: input.key})-[:IMPLEMENTS]->(cited:Document)
      WHERE cited.ingested = false
      RETURN collect(DISTINCT cited.key) AS citedStubs
    }
    CALL (input) {
      OPTIONAL MATCH (:Task {documentKey: input.key})-[:REFERS_TO]->(named:NamedDocument)
      RETURN collect(DISTINCT named.key) AS namedKeys
    }
    CALL (input) {
      UNWIND input.citedKeys AS citedKey
      MATCH (existing:Document {key: citedKey})
      RETURN collect(existing.key) AS existingKeys
    }
    CALL (input) {
      UNWIND input.yearless AS row
      MATCH (candidate:Document {symbol: row.symbol})
      WHERE candidate.typeCode = row.typeCode AND candidate.resolved = true
      WITH row, collect(candidate.key) AS keys
      RETURN collect({key: row.key, candidates: keys}) AS yearlessCandidates
    }
    RETURN input.key AS key, d IS NOT NULL AS exists, coalesce(d.ingested, false) AS ingested,
           d.sourceSha256 AS sha256, d.loaderVersion AS loaderVersion, citedStubs, namedKeys,
           existingKeys, yearlessCandidates`,

  /** Everything the batch writes, in one statement: old versions out, new versions in. */
  write: `
    CALL {
      UNWIND $docKeys AS docKey
      MATCH (:Document {key: docKey})-[c:CITES]->()
      DELETE c
    }
    CALL {
      UNWIND $docKeys AS docKey
      MATCH (t:Task {documentKey: docKey})
      DETACH DELETE t
    }
    CALL {
      UNWIND $docKeys AS docKey
      MATCH (g:Target {documentKey: docKey})
      DETACH DELETE g
    }
    CALL {
      UNWIND $docKeys AS docKey
      MATCH (:Document {key: docKey})-[i:ISSUED_BY]->()
      DELETE i
    }
    CALL {
      UNWIND $organizations AS row
      MERGE (o:Organization {key: row.key})
      ON CREATE SET o.name = row.name, o.kind = row.kind
    }
    CALL {
      UNWIND $docs AS input
      WITH input.doc AS doc, input.source AS source
      MERGE (d:Document {key: doc.key})
      SET d.type = doc.type, d.typeCode = doc.typeCode, d.symbol = doc.symbol, d.number = doc.number,
          d.year = doc.year, d.issuedOn = doc.issuedOn, d.title = doc.title, d.signer = doc.signer,
          d.issuerKey = doc.issuerKey, d.resolved = doc.resolved, d.ingested = true,
          d.sourceName = source.name, d.sourceSha256 = source.sha256, d.sourceText = source.text,
          d.ingestedAt = datetime(), d.loaderVersion = $loaderVersion
      WITH d, doc
      MATCH (o:Organization {key: doc.issuerKey})
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
    CALL {
      UNWIND $tasks AS row
      MATCH (d:Document {key: row.documentKey})
      CREATE (t:Task {key: row.key, code: row.code, title: row.title, text: row.text, level: row.level,
                      order: row.order, kind: row.kind, start: row.start, end: row.end,
                      documentKey: row.documentKey, parentCode: row.parentCode})
      CREATE (t)-[:IN_DOCUMENT]->(d)
    }
    CALL {
      UNWIND $tasks AS row
      WITH row WHERE row.parentKey IS NULL
      MATCH (d:Document {key: row.documentKey})
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
      CREATE (t)-[:IMPLEMENTS {quote: row.quote, start: row.start, end: row.end, sourceKey: row.sourceKey,
                               symbolAsPrinted: row.symbolAsPrinted, date: row.date, issuerKey: row.issuerKey,
                               title: row.title, relation: row.relation, byName: row.byName,
                               resolvedBy: row.resolvedBy, warnings: row.warnings}]->(c)
    }
    CALL {
      UNWIND $named AS row
      MATCH (t:Task {key: row.taskKey})
      MERGE (n:NamedDocument {key: row.namedKey})
      ON CREATE SET n.name = row.name, n.kind = row.kind
      CREATE (t)-[:REFERS_TO {quote: row.quote, start: row.start, end: row.end, sourceKey: row.sourceKey,
                              name: row.name}]->(n)
    }
    CALL {
      UNWIND $targets AS row
      MATCH (d:Document {key: row.documentKey})
      CREATE (g:Target {key: row.key, ordinal: row.ordinal, group: row.group, text: row.text,
                        quantities: row.quantities, start: row.start, end: row.end, documentKey: row.documentKey})
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
    CALL {
      UNWIND $docKeys AS docKey
      MATCH (d:Document {key: docKey})<-[:IN_DOCUMENT]-(:Task)-[:IMPLEMENTS]->(c:Document)
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
    RETURN size($docKeys) AS written`,
} as const;
