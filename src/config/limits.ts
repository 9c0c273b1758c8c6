/**
 * Caps and argument defaults, the one home of each: the schema's defaults and descriptions
 * (src/api/types), the services that apply them (src/api/services) and the query builders that
 * spell them into Cypher (src/graph/queries) all read them here. tests/unit/limits.test.ts pins
 * that they agree. Whatever a client asks for, a request stays within these.
 */
export const limits = {
  /** `first` of a connection when absent, and the most a page holds */
  defaultPageSize: 20,
  maxPageSize: 100,
  /** directivesDriving / tasksImplementing: hops through ingested documents (levels spelled out) */
  defaultTraversalDepth: 3,
  maxTraversalDepth: 6,
  /** path: relationships (the variable-length bound written into the statement) */
  defaultPathLength: 6,
  maxPathLength: 10,
  /** neighborhood: hops (rings written into the statement) and nodes */
  defaultNeighborhoodDepth: 1,
  maxNeighborhoodDepth: 3,
  defaultNeighborhoodNodes: 200,
  maxNeighborhoodNodes: 500,
  /** nesting of fields in one operation (introspection excluded) */
  maxQueryDepth: 10,
  /**
   * Estimated cost of one operation: every field 1, times the size of the lists above it, plus
   * databaseFieldCost for every field that runs a Cypher statement (see src/api/operation-cost.ts).
   */
  maxQueryCost: 20_000,
  /** what a field that runs a Cypher statement adds to the cost, once per occurrence */
  databaseFieldCost: 50,
  /** fields that run a Cypher statement in one operation, aliases and fragment spreads counted */
  maxDatabaseFields: 30,
  /**
   * Lexical tokens in one document (graphql's parse maxTokens). GraphiQL's introspection query is
   * 184 tokens and the explorer's largest operation (ExplorerTask) 143; at 2,000 no nesting is deep enough
   * to exhaust the parser's stack, and graphql-js's own validation of the worst document stays fast.
   */
  maxQueryTokens: 2_000,
  /** input texts */
  maxReferenceChars: 2_000,
  maxSearchChars: 500,
  /** a document symbol as a person types it, with its type word, number and date */
  maxSymbolChars: 300,
  /** global ids, cursors: what the API hands out is far shorter */
  maxIdChars: 1_000,
  maxCursorChars: 1_000,
  /** a task code (II.2.1), a filter's type name or issuer key */
  maxCodeChars: 100,
  maxFilterChars: 200,
  /** a file name given with ingestDocument */
  maxSourceNameChars: 255,
  /** how much of an argument an error message quotes */
  quotedChars: 80,
} as const;

/**
 * Documents as files (src/sources, issue #18): checked before and while a file is read, for every
 * entry point (cancu ingest, the upload endpoint). Bytes: a file and an upload's body.
 */
export const sourceLimits = {
  /** bytes of one file (an upload's body may carry this much plus its multipart framing) */
  maxBytes: 25 * 1024 * 1024,
  /** PDF pages: read one at a time, so memory does not grow with them */
  maxPages: 1_500,
  /** characters of text, the loader's limit (src/graph/ingest-prepare.ts maxSourceChars) */
  maxChars: 5_000_000,
  /** pixels of one image or rendered page: an A3 page at 300 dpi is 17.4 Mpx */
  maxPixels: 40_000_000,
  /** bytes inside a DOCX once unzipped (a zip bomb is refused before it is inflated) */
  maxUnzippedBytes: 100 * 1024 * 1024,
  /** OCR of one page */
  ocrPageTimeoutMs: 120_000,
  /** a PDF's text layer, all pages (pdfjs runs in this thread: checked between pages) */
  maxReadMs: 300_000,
} as const;
