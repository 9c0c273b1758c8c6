/**
 * The extractor: text of a Vietnamese policy document in, a typed `ParsedDocument` out. Pure.
 * The one entry point: code outside src/extract imports only from here.
 */
export { extractDocument, type ExtractOptions } from "./extract-document.js";
export { extractCitations, type ExtractedCitations } from "./extract-citations.js";
export { normaliseSymbol, parseSymbol, type ParsedSymbol } from "./header/normalise-symbol.js";
export { checkSourceText, decodeSource } from "./text/decode-source.js";
export { ExtractionError, type ExtractionErrorCode } from "./text/extraction-error.js";
export { foldVietnamese, slugify } from "./text/fold-vietnamese.js";
export { boundedEditDistance } from "./text/bounded-edit-distance.js";
/** Organizations (#20): where a body stands (province, parent), and the repair of damaged names. */
export { organizationStructure, type OrganizationStructure } from "./header/resolve-organization.js";
export { repairBodyName } from "./header/repair-body-name.js";
export { KNOWN_DOCUMENTS, type KnownDocumentFact } from "./references/known-documents.js";
export type * from "./model.js";
export { PREAMBLE_TITLE } from "./vocabulary/structure.js";
export { vietnameseDate, writtenReference } from "./vocabulary/written-reference.js";
/** Relation kinds and the words that give them (#19): what a citation says of the cited document. */
export { RELATION_KINDS, RELATION_KIND_OF_WORD, type RelationKind } from "./vocabulary/relations.js";
export { RELATION_WORDS } from "./vocabulary/phrases.js";
export { ORGANIZATIONS } from "./vocabulary/organizations.js";
export { UNITS } from "./vocabulary/quantities.js";
export { INDICATORS, indicatorByKey, type IndicatorEntry } from "./vocabulary/indicators.js";
