/** The extractor: text of a Vietnamese policy document in, a typed `ParsedDocument` out. Pure. */
export { extractDocument, type ExtractOptions } from "./extract-document.js";
export { extractCitations, type ExtractedCitations } from "./extract-citations.js";
export { normaliseSymbol, parseSymbol, type ParsedSymbol } from "./normalise-symbol.js";
export { checkSourceText, decodeSource } from "./decode-source.js";
export { ExtractionError, type ExtractionErrorCode } from "./extraction-error.js";
export { renderExtractionTable } from "./render-extraction-table.js";
export { KNOWN_DOCUMENTS, type KnownDocumentFact } from "./known-documents.js";
export type * from "./model.js";
