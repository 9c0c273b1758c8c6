import type { GraphExecutor } from "./executor.js";
import { bumpGraphVersion } from "./graph-version.js";

export interface Migration {
  version: number;
  name: string;
  /** schema statements, each re-runnable (IF NOT EXISTS): a half-applied migration can be applied again */
  statements: string[];
}

/** Append only: a released migration never changes; a new need is a new version. */
export const migrations: Migration[] = [
  {
    version: 1,
    name: "uniqueness of keys",
    statements: [
      "CREATE CONSTRAINT document_key IF NOT EXISTS FOR (d:Document) REQUIRE d.key IS UNIQUE",
      "CREATE CONSTRAINT task_key IF NOT EXISTS FOR (t:Task) REQUIRE t.key IS UNIQUE",
      "CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (o:Organization) REQUIRE o.key IS UNIQUE",
      "CREATE CONSTRAINT target_key IF NOT EXISTS FOR (g:Target) REQUIRE g.key IS UNIQUE",
      "CREATE CONSTRAINT named_document_key IF NOT EXISTS FOR (n:NamedDocument) REQUIRE n.key IS UNIQUE",
      "CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:Migration) REQUIRE m.version IS UNIQUE",
    ],
  },
  {
    version: 2,
    name: "lookup indexes for the API",
    statements: [
      "CREATE INDEX document_symbol IF NOT EXISTS FOR (d:Document) ON (d.symbol)",
      "CREATE INDEX document_year IF NOT EXISTS FOR (d:Document) ON (d.year)",
      "CREATE INDEX document_type IF NOT EXISTS FOR (d:Document) ON (d.typeCode)",
      "CREATE INDEX document_issuer IF NOT EXISTS FOR (d:Document) ON (d.issuerKey)",
      "CREATE INDEX document_ingested IF NOT EXISTS FOR (d:Document) ON (d.ingested)",
      "CREATE INDEX task_document IF NOT EXISTS FOR (t:Task) ON (t.documentKey)",
      "CREATE INDEX task_code IF NOT EXISTS FOR (t:Task) ON (t.code)",
      "CREATE INDEX target_document IF NOT EXISTS FOR (g:Target) ON (g.documentKey)",
    ],
  },
  {
    version: 3,
    name: "full-text search over tasks and documents, diacritics folded",
    statements: [
      `CREATE FULLTEXT INDEX cancu_search IF NOT EXISTS
       FOR (n:Task|Document) ON EACH [n.title, n.text, n.symbol]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
    ],
  },
  {
    version: 4,
    name: "drop the task-code index, which no query uses",
    // every task written paid for an entry in it; tasks are found by key, by document or through
    // the tree, never by code alone
    statements: ["DROP INDEX task_code IF EXISTS"],
  },
  {
    version: 5,
    name: "drop the task and target document-key indexes; the loader reaches them from their document",
    // each entry was written at commit; the loader finds a document's tasks and targets through
    // IN_DOCUMENT and SET_BY from the document's unique key
    statements: ["DROP INDEX task_document IF EXISTS", "DROP INDEX target_document IF EXISTS"],
  },
  {
    version: 6,
    name: "original files (SourceFile) are known by their content",
    statements: [
      "CREATE CONSTRAINT source_file_sha256 IF NOT EXISTS FOR (f:SourceFile) REQUIRE f.sha256 IS UNIQUE",
    ],
  },
  {
    version: 7,
    name: "relation kinds on links loaded before kinds were read, from their relation word",
    // Links written by loader version 3 or older carry the relation word (canonical) but no kind.
    // The words are those of src/extract/vocabulary/relations.ts when kinds were introduced, frozen
    // here: a released migration never changes. What the word alone cannot tell (a list's lead,
    // "… hết hiệu lực" after a citation, scopes) comes with a re-ingest: an unchanged text loaded by
    // an older loader version is written again (ingest-plan.ts).
    statements: [
      `MATCH ()-[r:IMPLEMENTS]->() WHERE r.kind IS NULL
CALL (r) {
  SET r.kind = CASE r.relation
    WHEN 'căn cứ' THEN 'BASED_ON'
    WHEN 'thực hiện' THEN 'IMPLEMENTS'
    WHEN 'tiếp tục thực hiện' THEN 'IMPLEMENTS'
    WHEN 'triển khai' THEN 'IMPLEMENTS'
    WHEN 'tiếp tục triển khai' THEN 'IMPLEMENTS'
    WHEN 'quán triệt' THEN 'IMPLEMENTS'
    WHEN 'cụ thể hóa' THEN 'IMPLEMENTS'
    WHEN 'hướng dẫn' THEN 'GUIDES'
    WHEN 'hướng dẫn thi hành' THEN 'GUIDES'
    WHEN 'quy định chi tiết' THEN 'GUIDES'
    WHEN 'sửa đổi, bổ sung' THEN 'AMENDS'
    WHEN 'sửa đổi' THEN 'AMENDS'
    WHEN 'bổ sung' THEN 'AMENDS'
    WHEN 'thay thế' THEN 'REPLACES'
    WHEN 'bãi bỏ' THEN 'REPEALS'
    WHEN 'hủy bỏ' THEN 'REPEALS'
    WHEN 'đình chỉ' THEN 'SUSPENDS'
    WHEN 'tạm ngưng' THEN 'SUSPENDS'
    WHEN 'hợp nhất' THEN 'CONSOLIDATES'
    WHEN 'đính chính' THEN 'CORRECTS'
    ELSE 'CITES'
  END
} IN TRANSACTIONS OF 10000 ROWS`,
    ],
  },
  {
    version: 8,
    name: "the graph's version (#21) is one node",
    statements: [
      "CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.id IS UNIQUE",
    ],
  },
  {
    version: 9,
    name: "targets across documents by indicator (#20)",
    // Query.targets filters on the indicator and orders by indicator, province, year: a composite
    // range index answers the equality on its first property and returns rows in index order
    statements: [
      "CREATE INDEX target_indicator IF NOT EXISTS FOR (g:Target) ON (g.indicator, g.province, g.year)",
    ],
  },
];

/**
 * Applies the migrations that the database has not recorded yet, in order, and records each.
 * Safe to run at every start and from several processes: statements are idempotent.
 * Returns the names of the migrations applied now.
 */
export async function applyMigrations(executor: GraphExecutor): Promise<string[]> {
  const records = await executor.read({
    cypher: "MATCH (m:Migration) RETURN m.version AS version",
    params: {},
  });
  const applied = new Set(records.map((r) => Number(r.get("version"))));
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.statements) {
      await executor.runAutoCommit({ cypher: statement, params: {} });
    }
    await executor.write({
      cypher: "MERGE (m:Migration {version: $version}) SET m.name = $name, m.appliedAt = datetime()",
      params: { version: migration.version, name: migration.name },
    });
    done.push(`${migration.version}: ${migration.name}`);
  }
  if (done.length > 0) {
    // a migration may rewrite data (7 did): answers cached under the old version must go (#21)
    await executor.write({ cypher: bumpGraphVersion, params: {} });
    // the full-text index must be online before the first search
    await executor.runAutoCommit({ cypher: "CALL db.awaitIndexes(300)", params: {} });
  }
  return done;
}
