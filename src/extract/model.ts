/**
 * The typed hand-off between the extractor (pure, text in) and the graph loader.
 *
 * Every span is `[start, end)` in UTF-16 code units of the ORIGINAL input string, so that
 * `input.slice(start, end) === quote` always holds, whatever normalisation was used to match.
 */
import type { Comparator, QuantityUnit } from "./vocabulary/quantities.js";
import type { RelationKind } from "./vocabulary/relations.js";

export type Span = [start: number, end: number];

/** What kind of body an organisation is. */
export type OrganizationKind = "party" | "state" | "legislature" | "council" | "ministry" | "other";

/** Every kind of warning the extractor gives (src/extract/README.md, "Warnings"). */
export type WarningKind =
  | "no-structure"
  | "internal-error"
  | "no-year"
  | "issuer-mismatch"
  | "type-mismatch"
  | "year-mismatch"
  | "bad-date"
  | "unknown-type"
  | "unresolved-short-form"
  | "number-only"
  | "numbering-gap"
  | "ocr-repair"
  | "symbol-from-source-name"
  | "no-province";

/** What a unit of the task tree is (src/extract/README.md, "Task codes"). */
export type TaskKind = "part" | "chapter" | "section" | "article" | "clause" | "point" | "heading" | "item";

/** What a reference by name names: `alias` is a document known by name (resolved from known-documents). */
export type NamedReferenceKind =
  | "alias"
  | "plan"
  | "programme"
  | "project"
  | "strategy"
  | "law"
  /** Hiến pháp ("Hiến pháp năm 2013") */
  | "constitution"
  /** Điều lệ of the Party or a mass organisation ("Điều lệ Đảng", "Điều lệ Hội Nông dân Việt Nam") */
  | "charter"
  /** a congress resolution ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng") */
  | "congress"
  /** a type and a number without a symbol ("Chỉ thị số 17 của Ban Bí thư") that no citation in the text identifies */
  | "number-only"
  | "other";

/** A target's unit and comparator: the canonical ones of vocabulary/quantities.ts. */
export type { Comparator, QuantityUnit };
export type { RelationKind };

/** A normalised organisation: `key` is stable across documents ("tinh-uy-quang-ninh", "chinh-phu"). */
export interface OrganizationRef {
  key: string;
  name: string;
  kind: OrganizationKind;
  /** the name as the text printed it, when it differs from `name` (repaired, or a known body's short name; #20) */
  printed?: string;
}

/** Where a citation's issuer came from (optional field added by the extractor). */
export type IssuerSource = "text" | "list" | "symbol";

export interface ExtractionWarning {
  kind: WarningKind;
  message: string;
  span?: Span;
}

/** When a document takes effect and ends, as it says of itself (#19), with the quote. */
export interface EffectClause {
  /** ISO date it takes effect, when the text gives one or it follows from its own date */
  effectiveFrom: string | null;
  /** when no date is written: "signature", "+45 days from signature", "adoption" …; null when a date is */
  rule: string | null;
  /** ISO date it says it ends, else null */
  effectiveUntil: string | null;
  quote: string;
  span: Span;
  /** true when the clause is about the whole document; false for a part ("Khoản 8 Điều 69 của Nghị định này …") */
  whole?: boolean;
  /** the part concerned, as task codes ("Điều 69.8"), when `whole` is false and the clause names one */
  scope?: string | null;
}

export interface DocumentHeader {
  /** Stable identity. For a numbered document: `${typeCode}|${symbol}|${year}`; otherwise derived from type, issuer, year, subject. */
  key: string;
  /** Vietnamese type name, e.g. "Nghị quyết" */
  type: string;
  /** type code, e.g. "NQ" */
  typeCode: string;
  /** normalised symbol ("128/NQ-CP", "16/2021/NQ-HĐND") or null when the text carries no number */
  symbol: string | null;
  number: string | null;
  year: number | null;
  /** ISO date yyyy-mm-dd or null */
  issuedOn: string | null;
  issuer: OrganizationRef | null;
  /** subject, e.g. "về phương hướng, nhiệm vụ năm 2022" */
  title: string | null;
  signer: string | null;
  span: Span | null;
  /** province named by the text (used to key provincial bodies), e.g. "Quảng Ninh" */
  province?: string | null;
  /** where the header facts came from when not from the header itself, e.g. ["issuer:signature", "year:subject"] */
  provenance?: string[];
  /** its own effect clause ("Nghị định này có hiệu lực từ ngày …"), when it has one (#19) */
  effect?: EffectClause | null;
  /** every effect clause about itself or a part of it, in text order (`effect` is the first about the whole) (#19) */
  effects?: EffectClause[];
}

export interface TaskNode {
  /** hierarchical code, e.g. "II.2.1"; for normative texts "Điều 5", "Chương II.Điều 5" as the extractor decides */
  code: string;
  title: string;
  /** body text of this node alone (without its children), cleaned for reading */
  text: string;
  parent: string | null;
  level: number;
  /** order among siblings, 0-based */
  order: number;
  kind: TaskKind;
  /** span of the whole node including children */
  span: Span;
}

export interface Quantity {
  value: number;
  /** upper bound for ranges such as "3 - 3,5%" */
  valueMax?: number;
  unit: QuantityUnit | null;
  comparator: Comparator | null;
  quote: string;
  span: Span;
}

export interface Target {
  ordinal: number;
  group: string;
  text: string;
  quantities: Quantity[];
  task: string | null;
  span: Span;
  quote: string;
  /** the indicator it commits to, a key of vocabulary/indicators.ts ("grdp-growth"), null when none is named (#20) */
  indicator?: string | null;
  /** the year it is for: printed ("đến năm 2030", "- Đến năm 2025:" over a list), else the document's plan year (#20) */
  year?: number | null;
}

export interface Citation {
  /** key of the cited document (same scheme as DocumentHeader.key); `${typeCode}|${symbol}|?` when the year is unknown */
  key: string;
  /** true when the year (so identity) is known */
  resolved: boolean;
  type: string;
  typeCode: string;
  /** normalised symbol */
  symbol: string;
  /** the symbol exactly as printed (may contain a line break) */
  symbolAsPrinted: string;
  number: string;
  year: number | null;
  date: string | null;
  issuer: OrganizationRef | null;
  title: string | null;
  /** code of the innermost task containing the citation, or null (preamble) */
  task: string | null;
  /**
   * relation word before the citation when recognised: "căn cứ", "thực hiện", "triển khai", …
   * (the canonical words of RELATION_WORDS; a spelling the map lacks comes back folded, e.g.
   * "sua doi bo sung", so this is not a closed set)
   */
  relation: string | null;
  span: Span;
  quote: string;
  warnings: ExtractionWarning[];
  /** "text" (written "của …"), "list" (shared by a list it belongs to), "symbol" (the symbol's issuer code names one body) */
  issuerSource?: IssuerSource | null;
  /** when the issuer is left null because the symbol's issuer code names several bodies (TW, TU): those bodies */
  issuerCandidates?: OrganizationRef[];
  /** span of `title` in the original text */
  titleSpan?: Span | null;
  /** set when this is a short form ("Nghị định 81") resolved to an earlier full citation: that citation's span */
  shortFormOf?: Span | null;
  /**
   * what the citation says of the cited document (#19): BASED_ON (căn cứ), IMPLEMENTS, GUIDES,
   * AMENDS, REPLACES, REPEALS, SUSPENDS, CONSOLIDATES, CORRECTS, or CITES (vocabulary/relations.ts)
   */
  relationKind?: RelationKind;
  /** AMENDS, REPEALS …: the part of the cited document concerned ("Điều 5.2.a"); null: the whole or unsaid */
  scope?: string | null;
  /**
   * what the text says of this document in places that do not name it: the items of an amending
   * list it leads ("b) Bãi bỏ khoản 3 Điều 22."), the articles of a text that amends it alone
   * ("Điều 7. Bãi bỏ Điều 9."); each a relation with its item or heading as quote
   */
  listedRelations?: ListedRelation[];
}

/** A relation stated about a cited document by an item or article that does not name it. */
export interface ListedRelation {
  kind: "REPEALS" | "AMENDS" | "REPLACES";
  /** task codes of the cited document ("Điều 22.3, Điều 171"), or a part as printed */
  scope: string;
  /** the item's first line, in the original text */
  span: Span;
  quote: string;
  /** the task (code) the item stands in, as for citations */
  task: string | null;
}

export interface NamedReference {
  name: string;
  kind: NamedReferenceKind;
  resolvedSymbol: string | null;
  /** document key when resolved, else null */
  resolvedKey: string | null;
  /** where the fact that resolved it comes from */
  resolvedBy: string | null;
  task: string | null;
  span: Span;
  quote: string;
  /** ISO date given with the reference (laws: "Luật Đất đai ngày 29 tháng 11 năm 2013") */
  date?: string | null;
  year?: number | null;
  /** identity of a law cited by name and year: `Luật|Luật Đất đai|2013` (no symbol is printed) */
  key?: string | null;
  /** number-only references: the type word, its key code and the number as read ("17", "05") */
  type?: string | null;
  typeCode?: string | null;
  number?: string | null;
  /** number-only references: the issuer written after the number ("của Ban Bí thư"), else null */
  issuer?: OrganizationRef | null;
  /** Party term written with it ("khóa XII"), Roman; congresses: the congress number, Roman */
  term?: string | null;
  /**
   * what the text says of the document named (#19), by the rule of a numbered citation's
   * `relationKind`: "Căn cứ Luật Đất đai …" BASED_ON, "Luật này thay thế Luật … ngày …" REPLACES,
   * "Luật … hết hiệu lực kể từ …" REPEALS …; CITES when nothing is said
   */
  relationKind: RelationKind;
  /** AMENDS, REPEALS …: the part of the named document concerned ("Điều 5.2.a"); null: the whole or unsaid */
  scope: string | null;
}

export interface Deadline {
  /** ISO date when a day is given, else null */
  date: string | null;
  /** e.g. "2022-Q3" for "hết Quý III/2022" */
  period: string | null;
  quote: string;
  span: Span;
  /** innermost task containing the deadline (set on ParsedDocument.deadlines) */
  task?: string | null;
}

export interface Responsibility {
  task: string;
  organizations: OrganizationRef[];
  duty: string;
  deadlines: Deadline[];
  span: Span;
  /** the passage at `span` (bodies and duty, as printed) */
  quote?: string;
}

export interface ParsedDocument {
  document: DocumentHeader;
  tasks: TaskNode[];
  targets: Target[];
  citations: Citation[];
  namedReferences: NamedReference[];
  responsibilities: Responsibility[];
  warnings: ExtractionWarning[];
  /** every deadline found in the text, with its task (responsibilities carry their own) */
  deadlines?: Deadline[];
}
