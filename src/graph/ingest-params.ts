import neo4j, { type Integer } from "neo4j-driver";
import { organizationStructure, type OrganizationRef } from "../extract/index.js";
import type { DocumentRow, IngestRows, SourceInfo } from "./ingest-rows.js";
import { loaderVersion, type Planned } from "./ingest-plan.js";

/**
 * The parameters of the `write` statement for planned documents: per document its rows, tasks in
 * order, and every other row pointing at its task by position in that list (the statement links
 * them without looking tasks up again).
 */
export function writeParams(planned: readonly Planned[]): Record<string, unknown> {
  // one row per cited document, as the citations one by one would leave it: the first creates it,
  // each later one only fills its gaps; a document ingested in the batch overwrites what the
  // citations before it said (its own header is SET), so only the citations after it count
  const cited = new Map<string, DocumentRow>();
  const organizations = new Map<string, OrganizationParam>();
  const partOf = new Map<string, { key: string; parentKey: string }>();
  for (const { rows } of planned) {
    cited.delete(rows.document.key);
    // MERGE … ON CREATE: the first spelling of an organization's name wins, as one by one
    for (const org of rows.organizations) addOrganization(organizations, partOf, org);
    for (const doc of rows.citedDocuments) {
      const known = cited.get(doc.key);
      if (known) fillGaps(known, doc);
      else cited.set(doc.key, { ...doc });
    }
  }
  return {
    docKeys: planned.map((p) => p.rows.document.key),
    docs: planned.map(({ rows, source }) => documentParams(rows, source)),
    loaderVersion,
    organizations: [...organizations.values()],
    partOf: [...partOf.values()],
    cited: [...cited.values()],
    stubKeys: [...new Set(planned.flatMap((p) => p.stubKeys))],
    namedKeys: [...new Set(planned.flatMap((p) => p.namedKeys))],
  };
}

/** An organization as the write stores it (#20): its province, and the printed names beside its name. */
interface OrganizationParam {
  key: string;
  name: string;
  kind: string;
  province: string | null;
  /** printed forms and other names it was given, not its name */
  aliases: string[];
  /** the name is the vocabulary's: it replaces a name stored before */
  canonical: boolean;
}

/**
 * Adds a body, and the bodies it is part of, with a PART_OF row to each parent
 * (organizationStructure). A known body takes the vocabulary's name for its key ("Tỉnh ủy Quảng
 * Ninh"), the name the text gave it ("Ban Chấp hành Đảng bộ tỉnh Quảng Ninh") and its printed form
 * ("UBND tỉnh") kept as aliases, merged over the batch.
 */
function addOrganization(
  organizations: Map<string, OrganizationParam>,
  partOf: Map<string, { key: string; parentKey: string }>,
  org: OrganizationRef,
): void {
  const structure = organizationStructure(org);
  const name = structure.canonicalName ?? org.name;
  const aliases = [org.name, org.printed].filter((a): a is string => a !== undefined && a !== name);
  const known = organizations.get(org.key);
  if (known) {
    for (const alias of aliases) if (!known.aliases.includes(alias)) known.aliases.push(alias);
    return;
  }
  organizations.set(org.key, {
    key: org.key,
    name,
    kind: org.kind,
    province: structure.province,
    aliases: [...new Set(aliases)],
    canonical: structure.canonicalName !== null,
  });
  if (structure.parent) {
    addOrganization(organizations, partOf, structure.parent);
    partOf.set(org.key, { key: org.key, parentKey: structure.parent.key });
  }
}

/** What the write's cited-document step does to a known document, in the same terms. */
function fillGaps(into: DocumentRow, from: DocumentRow): void {
  into.issuedOn ??= from.issuedOn;
  into.title ??= from.title;
  into.issuerKey ??= from.issuerKey;
  if (!into.type) into.type = from.type;
}

/** The 1-based page holding a text offset, from the page starts of the original; null without pages. */
export function pageAt(pageStarts: readonly number[] | null | undefined, offset: number): Integer | null {
  if (!pageStarts || pageStarts.length === 0) return null;
  let page = 0;
  for (const start of pageStarts) if (start <= offset) page++;
  return neo4j.int(Math.max(page, 1));
}

function documentParams(rows: IngestRows, source: SourceInfo) {
  const position = new Map(rows.tasks.map((task, index) => [task.key, index]));
  // list positions must be Cypher integers: a JavaScript number is sent as a float
  const at = (key: string | null): Integer | null => {
    if (key === null) return null;
    const index = position.get(key);
    if (index === undefined)
      throw new Error(`${source.name}: a row points at task ${key}, which is not in its tree`);
    return neo4j.int(index);
  };
  const file = source.file;
  return {
    doc: rows.document,
    source: {
      ...source,
      // Cypher integers, and the bytes as a byte array (the driver sends an Int8Array as one)
      file: file && {
        ...file,
        size: neo4j.int(file.size),
        pageCount: file.pageCount === null ? null : neo4j.int(file.pageCount),
        pageStarts: file.pageStarts?.map((n) => neo4j.int(n)) ?? null,
        bytes: new Int8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
      },
    },
    tasks: rows.tasks.map((task) => ({ ...task, parentIndex: at(task.parentKey) })),
    // the page of each quote in the original (PDF, scan): null without pages
    citations: rows.citations.map((c) => ({
      ...c,
      taskIndex: at(c.taskKey),
      page: pageAt(file?.pageStarts, c.start),
    })),
    named: rows.namedReferences.map((n) => ({ ...n, taskIndex: at(n.taskKey) })),
    targets: rows.targets.map((g) => ({ ...g, taskIndex: at(g.taskKey) })),
    assignments: rows.assignments.map((a) => ({ ...a, taskIndex: at(a.taskKey) })),
  };
}
