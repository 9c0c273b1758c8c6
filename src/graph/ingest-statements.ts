import { bumpGraphVersion } from "./graph-version.js";

/**
 * The two statements of one ingest batch (one document or many, in one transaction), both of
 * constant shape (the plan cache keeps one plan each), with every row passed as a parameter list and
 * written by `UNWIND`: two round trips per batch whatever its size, never one query per node or link.
 * A batch of one is the single-document ingest; rows carry the key of their document, so a batch is
 * the rows of its documents concatenated (ingest.ts keeps a key from appearing twice in a batch).
 */
export const ingestStatements = {
  /**
   * Takes the write lock of each document the segment ingests, before anything is read: a
   * concurrent ingest of the same key waits here until this transaction ends, then reads what it
   * committed, so each status (created, replaced, unchanged) is decided after the lock. A key not yet
   * in the graph is created as a bare node marked `ingestPending` (the unique constraint serialises
   * two creators; the write clears the mark, a rollback removes the node); `previous` reads such a
   * node as absent. Keys come sorted, so two batches sharing keys lock them in one order.
   */
  lock: `
    CYPHER replan=skip
    UNWIND $keys AS key
    MERGE (d:Document {key: key})
    ON CREATE SET d.ingestPending = true
    SET d.ingestLock = true
    REMOVE d.ingestLock
    RETURN count(d) AS locked`,

  /**
   * What the graph holds before the write, one row per input document, in input order: the
   * document's state, the stubs and named documents its current version links to (for orphan
   * clean-up), which of its cited keys exist, and for its year-less citations the resolved documents
   * with the same type and symbol.
   */
  previous: `
    CYPHER replan=skip
    UNWIND $inputs AS input
    OPTIONAL MATCH (d:Document {key: input.key})
    CALL (d) {
      // from the document through its tasks; "NOT cited.ingested" rather than "= false", which would
      // let the planner seek every stub in the ingested index and join (plans are not redone)
      OPTIONAL MATCH (d)<-[:IN_DOCUMENT]-(:Task)-[:IMPLEMENTS]->(cited:Document)
      WHERE NOT cited.ingested
      RETURN collect(DISTINCT cited.key) AS citedStubs
    }
    CALL (d) {
      OPTIONAL MATCH (d)<-[:IN_DOCUMENT]-(:Task)-[:REFERS_TO]->(named:NamedDocument)
      RETURN collect(DISTINCT named.key) AS namedKeys
    }
    CALL (input) {
      UNWIND input.citedKeys AS citedKey
      MATCH (existing:Document {key: citedKey})
      WHERE existing.ingestPending IS NULL
      RETURN collect(existing.key) AS existingKeys
    }
    CALL (input) {
      UNWIND input.yearless AS row
      MATCH (candidate:Document {symbol: row.symbol})
      USING INDEX candidate:Document(symbol)
      WHERE candidate.typeCode = row.typeCode AND candidate.resolved = true
      WITH row, collect(candidate.key) AS keys
      RETURN collect({key: row.key, candidates: keys}) AS yearlessCandidates
    }
    RETURN input.key AS key, d IS NOT NULL AND d.ingestPending IS NULL AS exists, coalesce(d.ingested, false) AS ingested,
           d.sourceSha256 AS sha256, d.loaderVersion AS loaderVersion, citedStubs, namedKeys,
           existingKeys, yearlessCandidates`,

  /** Everything the batch writes, in one statement: old versions out, new versions in. */
  write: `
    CYPHER replan=skip
    CALL {
      UNWIND $docKeys AS docKey
      MATCH (citing:Document {key: docKey})-[c:CITES]->()
      USING INDEX citing:Document(key)
      DELETE c
    }
    CALL {
      UNWIND $docKeys AS docKey
      MATCH (d:Document {key: docKey})<-[:IN_DOCUMENT]-(t:Task)
      USING INDEX d:Document(key)
      DETACH DELETE t
    }
    CALL {
      UNWIND $docKeys AS docKey
      MATCH (d:Document {key: docKey})<-[:SET_BY]-(g:Target)
      USING INDEX d:Document(key)
      DETACH DELETE g
    }
    CALL {
      UNWIND $docKeys AS docKey
      MATCH (issued:Document {key: docKey})-[i:ISSUED_BY]->()
      USING INDEX issued:Document(key)
      DELETE i
    }
    CALL {
      UNWIND $organizations AS row
      MERGE (o:Organization {key: row.key})
      ON CREATE SET o.name = row.name, o.kind = row.kind, o.province = row.province, o.aliases = row.aliases
      // a known body written before takes the vocabulary's name, its old one kept as an alias, and
      // the printed forms not seen yet (#20); a body with nothing new is not written (no lock taken)
      WITH o, row
      WHERE (row.canonical AND o.name <> row.name) OR (row.province IS NOT NULL AND o.province IS NULL)
         OR any(a IN row.aliases WHERE NOT a IN coalesce(o.aliases, []))
      WITH o, row, coalesce(o.aliases, []) + CASE WHEN row.canonical AND o.name <> row.name THEN [o.name] ELSE [] END AS known
      SET o.aliases = known + [a IN row.aliases WHERE NOT a IN known AND a <> row.name],
          o.name = CASE WHEN row.canonical THEN row.name ELSE o.name END,
          o.province = coalesce(o.province, row.province)
    }
    CALL {
      UNWIND $partOf AS row
      MATCH (part:Organization {key: row.key}), (whole:Organization {key: row.parentKey})
      MERGE (part)-[:PART_OF]->(whole)
    }
    CALL {
      UNWIND $docs AS input
      WITH input.doc AS doc, input.source AS source
      MERGE (d:Document {key: doc.key})
      SET d.type = doc.type, d.typeCode = doc.typeCode, d.symbol = doc.symbol, d.number = doc.number,
          d.year = doc.year, d.issuedOn = doc.issuedOn, d.title = doc.title, d.signer = doc.signer,
          d.issuerKey = doc.issuerKey, d.resolved = doc.resolved, d.ingested = true,
          d.sourceName = source.name, d.sourceSha256 = source.sha256, d.sourceText = source.text,
          d.sourceMediaType = source.file.mediaType, d.sourceFileName = source.file.name, d.sourceSize = source.file.size,
          d.sourcePageCount = source.file.pageCount, d.sourceMethod = source.file.method,
          d.sourceOcrEngine = source.file.ocrEngine, d.sourceOcrConfidence = source.file.ocrConfidence,
          d.sourcePageStarts = source.file.pageStarts, d.sourcePageConfidences = source.file.pageConfidences,
          d.effectiveFrom = doc.effectiveFrom, d.effectiveRule = doc.effectiveRule,
          d.effectiveUntil = doc.effectiveUntil, d.effectQuote = doc.effectQuote,
          d.ingestedAt = datetime(), d.loaderVersion = $loaderVersion, d.ingestPending = null
      WITH d, doc, source
      // the original file: one node per content (SHA-256), its bytes served for download; a file
      // no document comes from any more is deleted
      CALL (d, source) {
        OPTIONAL MATCH (d)-[old:FROM_FILE]->(previous:SourceFile)
        DELETE old
        WITH previous
        WHERE previous IS NOT NULL AND previous.sha256 <> coalesce(source.file.sha256, "") AND NOT (previous)<-[:FROM_FILE]-()
        DELETE previous
      }
      CALL (d, source) {
        WITH source.file AS file
        WHERE file IS NOT NULL
        MERGE (f:SourceFile {sha256: file.sha256})
        ON CREATE SET f.bytes = file.bytes, f.size = file.size, f.mediaType = file.mediaType, f.name = file.name
        MERGE (d)-[:FROM_FILE]->(f)
      }
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
      WITH c, row
      // a known document is written only when this citation fills a gap in it: a write takes its lock,
      // and the heavily cited documents would otherwise serialize every batch that cites them
      CALL (c, row) {
        WITH c, row
        WHERE (c.issuedOn IS NULL AND row.issuedOn IS NOT NULL) OR (c.title IS NULL AND row.title IS NOT NULL)
           OR (c.issuerKey IS NULL AND row.issuerKey IS NOT NULL) OR (coalesce(c.type, '') = '' AND row.type <> '')
        SET c.issuedOn = coalesce(c.issuedOn, row.issuedOn), c.title = coalesce(c.title, row.title),
            c.issuerKey = coalesce(c.issuerKey, row.issuerKey),
            c.type = CASE WHEN coalesce(c.type, '') = '' THEN row.type ELSE c.type END
      }
      WITH c, row
      WHERE row.issuerKey IS NOT NULL AND NOT EXISTS { (c)-[:ISSUED_BY]->() }
      MATCH (o:Organization {key: row.issuerKey})
      MERGE (c)-[:ISSUED_BY]->(o)
    }
    CALL {
      UNWIND $docs AS input
      MATCH (d:Document {key: input.doc.key})
      // the document's tasks, created in list order; rows below point at them by position, which
      // saves an index seek per task, parent and citation (the cost that dominated a batch)
      CALL (d, input) {
        UNWIND input.tasks AS row
        CREATE (t:Task {key: row.key, code: row.code, title: row.title, text: row.text, level: row.level,
                        order: row.order, kind: row.kind, start: row.start, end: row.end,
                        documentKey: input.doc.key, parentCode: row.parentCode,
                        deadlines: row.deadlines, dueDates: row.dueDates})
        CREATE (t)-[:IN_DOCUMENT]->(d)
        RETURN collect(t) AS created
      }
      CALL (d, input, created) {
        UNWIND range(0, size(input.tasks) - 1) AS i
        WITH input.tasks[i] AS row, created[i] AS t,
             CASE WHEN input.tasks[i].parentIndex IS NULL THEN d ELSE created[input.tasks[i].parentIndex] END AS parent
        WHERE t.key = row.key
        CREATE (parent)-[:HAS_TASK {order: row.order}]->(t)
        RETURN count(*) AS linked
      }
      CALL (input, created) {
        UNWIND input.citations AS row
        MATCH (c:Document {key: row.documentKey})
        WITH row, c, created[row.taskIndex] AS t
        CREATE (t)-[:IMPLEMENTS {quote: row.quote, start: row.start, end: row.end, page: row.page, kind: row.kind, scope: row.scope, sourceKey: input.doc.key,
                                 symbolAsPrinted: row.symbolAsPrinted, date: row.date, issuerKey: row.issuerKey,
                                 title: row.title, relation: row.relation, byName: row.byName,
                                 resolvedBy: row.resolvedBy, warnings: row.warnings}]->(c)
      }
      CALL (input, created) {
        UNWIND input.named AS row
        MERGE (n:NamedDocument {key: row.namedKey})
        ON CREATE SET n.name = row.name, n.kind = row.kind
        WITH row, n, created[row.taskIndex] AS t
        CREATE (t)-[:REFERS_TO {quote: row.quote, start: row.start, end: row.end, sourceKey: input.doc.key,
                                name: row.name, kind: row.relationKind, scope: row.scope}]->(n)
      }
      CALL (d, input, created) {
        UNWIND input.targets AS row
        CREATE (g:Target {key: row.key, ordinal: row.ordinal, group: row.group, text: row.text,
                          quantities: row.quantities, indicator: row.indicator, year: row.year,
                          province: row.province, start: row.start, end: row.end, documentKey: input.doc.key})
        CREATE (g)-[:SET_BY]->(d)
        WITH g, row WHERE row.taskIndex IS NOT NULL
        WITH g, created[row.taskIndex] AS t
        CREATE (g)-[:UNDER]->(t)
      }
      CALL (input, created) {
        UNWIND input.assignments AS row
        MATCH (o:Organization {key: row.organizationKey})
        WITH row, o, created[row.taskIndex] AS t
        CREATE (t)-[:ASSIGNED_TO {duty: row.duty, quote: row.quote, deadlines: row.deadlines, dueDates: row.dueDates,
                                  start: row.start, end: row.end}]->(o)
      }
      RETURN sum(linked) AS treeLinks
    }
    CALL {
      UNWIND $docKeys AS docKey
      MATCH (d:Document {key: docKey})<-[:IN_DOCUMENT]-(:Task)-[:IMPLEMENTS]->(c:Document)
      USING INDEX d:Document(key)
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
    RETURN treeLinks`,

  /**
   * The graph's version raised by one (graph-version.ts), the batch's last statement when it wrote
   * anything: the new version commits with what it describes, or neither does.
   */
  bumpVersion: bumpGraphVersion,
} as const;

/** The name of one of the batch's statements (what the test seam `afterStatement` is told). */
export type IngestStatementName = keyof typeof ingestStatements;
