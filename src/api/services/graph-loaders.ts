import DataLoader from "dataloader";
import type { GraphExecutor } from "../../graph/executor.js";
import type { CypherQuery } from "../../graph/cypher.js";
import { column, listOf, numberOf, stringOf, type PlainValue } from "../../graph/record-mapping.js";
import {
  childrenOfTasks,
  citationsOfTasks,
  citedByPages,
  citesPages,
  type CitesPageRequest,
  directivesDriving,
  directivesDrivingPages,
  type DrivingPageRequest,
  documentsByKeys,
  relationPages,
  assignmentsOfTasks,
  targetsOfDocuments,
  targetsOfTasks,
  statementWindows,
  statusEvidence,
  type RelationDirection,
  type RelationPageRequest,
  type StatusKind,
  organizationsByKeys,
  tasksByKeys,
  tasksImplementingPages,
  implementersPages,
  type ImplementerPageRequest,
  topTasksOfDocuments,
  type ChainFields,
  type CitationPageRequest,
  type TaskPageRequest,
} from "../../graph/queries/index.js";
import {
  toAssignment,
  toTarget,
  type AssignmentRecord,
  type TargetRecord,
  toCitation,
  toDocument,
  toDriving,
  toOrganization,
  toTask,
  type CitationRecord,
  type DocumentRecord,
  type DrivingRecord,
  type OrganizationRecord,
  type TaskRecord,
} from "./graph-records.js";
import { eventDate, type StatusEvent } from "./legal-status.js";
import { SENTENCE_WINDOW, sentenceAround } from "./statement-sentence.js";

export interface CitedByRow {
  node: CitationRecord;
}
export interface ImplementingRow {
  node: TaskRecord;
  depth: number;
  /** its document's date, UNDATED for none: the second sort key */
  date: string;
  via: CitationRecord[];
}
/** A directive driving a task, on a page ordered by (depth, date, document key). */
export interface DrivingRow {
  node: DrivingRecord;
  /** the document's date, UNDATED for none */
  date: string;
}
/** A body carrying out a document, with the assignments that prove it (#20). */
export interface ImplementerRow {
  node: {
    organization: OrganizationRecord;
    depth: number;
    proofs: { basis: string; depth: number; implementingTaskKey: string; assignment: AssignmentRecord }[];
    proofCount: number;
  };
}
export interface RelationRow {
  node: CitationRecord & { direction: RelationDirection };
  sortKey: string;
}
export interface RelationRows {
  rows: RelationRow[];
  counts: { direction: RelationDirection; kind: string; count: number }[];
}
export interface PageRows<Row> {
  rows: Row[];
  total: number | null;
}

/**
 * Per-request batching: every field that needs the graph asks a loader, and each loader sends
 * one statement for all the keys asked for in the same tick. So a nested query costs one round
 * trip per level of nesting, whatever the length of the lists (no N+1).
 */
export class GraphLoaders {
  readonly documents: DataLoader<string, DocumentRecord | null>;
  readonly tasks: DataLoader<string, TaskRecord | null>;
  readonly organizations: DataLoader<string, OrganizationRecord | null>;
  readonly topTasks: DataLoader<string, TaskRecord[]>;
  readonly children: DataLoader<string, TaskRecord[]>;
  readonly citations: DataLoader<string, CitationRecord[]>;
  /** what other ingested documents say of each document's force (legal-status.ts) */
  readonly statusEvents: DataLoader<string, StatusEvent[]>;
  private readonly relationPages = new Map<string, DataLoader<string, RelationRows>>();
  /** the bodies each task is assigned to, the targets each document and task sets (#20) */
  readonly assignments: DataLoader<string, AssignmentRecord[]>;
  readonly documentTargets: DataLoader<string, TargetRecord[]>;
  readonly taskTargets: DataLoader<string, TargetRecord[]>;
  /** the sentence around a statement's quote, by JSON [sourceKey, start, end, quote] */
  readonly sentences: DataLoader<string, string | null>;
  private readonly drivers = new Map<string, DataLoader<string, DrivingRecord[]>>();
  private readonly driverPages = new Map<string, DataLoader<string, PageRows<DrivingRow>>>();
  private readonly citedByPages = new Map<string, DataLoader<string, PageRows<CitedByRow>>>();
  private readonly citesPages = new Map<string, DataLoader<string, PageRows<CitedByRow>>>();
  private readonly implementingPages = new Map<string, DataLoader<string, PageRows<ImplementingRow>>>();
  private readonly implementerPages = new Map<string, DataLoader<string, PageRows<ImplementerRow>>>();

  constructor(private readonly graph: GraphExecutor) {
    this.documents = new DataLoader((keys) =>
      this.byKey(documentsByKeys(keys), keys, (r) => toDocument(column(r, "document")), null),
    );
    this.tasks = new DataLoader((keys) =>
      this.byKey(tasksByKeys(keys), keys, (r) => toTask(column(r, "task")), null),
    );
    this.organizations = new DataLoader((keys) =>
      this.byKey(organizationsByKeys(keys), keys, (r) => toOrganization(column(r, "organization")), null),
    );
    this.topTasks = new DataLoader((keys) =>
      this.byKey(
        topTasksOfDocuments(keys),
        keys,
        (r) => this.primeTasks(listOf(column(r, "tasks")).map(toTask)),
        [],
      ),
    );
    this.children = new DataLoader((keys) =>
      this.byKey(
        childrenOfTasks(keys),
        keys,
        (r) => this.primeTasks(listOf(column(r, "tasks")).map(toTask)),
        [],
      ),
    );
    this.citations = new DataLoader((keys) =>
      this.byKey(
        citationsOfTasks(keys),
        keys,
        (r) =>
          listOf(column(r, "citations")).map((entry) => {
            const pair = entry as { citation: PlainValue; document: PlainValue };
            const document = toDocument(pair.document);
            this.documents.prime(document.key, document);
            return toCitation(pair.citation);
          }),
        [],
      ),
    );
    this.assignments = new DataLoader((keys) =>
      this.byKey(
        assignmentsOfTasks(keys),
        keys,
        (r) => listOf(column(r, "assignments")).map(toAssignment),
        [],
      ),
    );
    this.documentTargets = new DataLoader((keys) =>
      this.byKey(targetsOfDocuments(keys), keys, (r) => listOf(column(r, "targets")).map(toTarget), []),
    );
    this.taskTargets = new DataLoader((keys) =>
      this.byKey(targetsOfTasks(keys), keys, (r) => listOf(column(r, "targets")).map(toTarget), []),
    );
    this.sentences = new DataLoader((ids) => {
      const requests = ids.map((id) => {
        const [sourceKey, start, end] = JSON.parse(id) as [string, number, number, string];
        return { id, sourceKey, start, end };
      });
      return this.byKey(
        statementWindows(requests, SENTENCE_WINDOW),
        ids,
        (r) => {
          const [, , , quote] = JSON.parse(stringOf(column(r, "key")) ?? "[]") as [
            string,
            number,
            number,
            string,
          ];
          return sentenceAround(
            stringOf(column(r, "window")) ?? "",
            quote,
            numberOf(column(r, "expectedAt")) ?? 0,
            column(r, "cutBefore") === true,
            column(r, "cutAfter") === true,
          );
        },
        null,
      );
    });
    this.statusEvents = new DataLoader((keys) =>
      this.byKey(
        statusEvidence(keys),
        keys,
        (r) =>
          listOf(column(r, "events")).map((entry) => {
            const pair = entry as { citation: PlainValue; by: PlainValue };
            const by = toDocument(pair.by);
            this.documents.prime(by.key, by);
            const citation = toCitation(pair.citation);
            return {
              kind: citation.kind as StatusKind,
              scope: citation.scope,
              byKey: by.key,
              ...eventDate(by),
              quote: citation.quote,
              start: citation.start,
              end: citation.end,
              taskKey: citation.taskKey,
            };
          }),
        [],
      ),
    );
  }

  /** The sentence of its stating text around a statement (a relation, a status statement). */
  sentenceOf(statement: {
    sourceKey: string;
    start: number;
    end: number;
    quote: string;
  }): Promise<string | null> {
    return this.sentences.load(
      JSON.stringify([statement.sourceKey, statement.start, statement.end, statement.quote]),
    );
  }

  /** A page of each document's relations, with its counts per direction and kind (one loader per request shape). */
  relationsOf(page: RelationPageRequest): DataLoader<string, RelationRows> {
    return loaderFor(
      this.relationPages,
      JSON.stringify(page),
      () =>
        new DataLoader((keys) =>
          this.byKey(
            relationPages(keys, page),
            keys,
            (r) => ({
              counts: listOf(column(r, "counts")).map((entry) => {
                const count = entry as { direction: PlainValue; kind: PlainValue; count: PlainValue };
                return {
                  direction: stringOf(count.direction) as RelationDirection,
                  kind: stringOf(count.kind) ?? "CITES",
                  count: numberOf(count.count) ?? 0,
                };
              }),
              rows: listOf(column(r, "rows")).map((entry) => {
                const row = entry as {
                  citation: PlainValue;
                  direction: PlainValue;
                  other: PlainValue;
                  sortKey: PlainValue;
                };
                const other = toDocument(row.other);
                this.documents.prime(other.key, other);
                return {
                  node: {
                    ...toCitation(row.citation),
                    direction: stringOf(row.direction) as RelationDirection,
                  },
                  sortKey: stringOf(row.sortKey) ?? "",
                };
              }),
            }),
            { rows: [], counts: [] },
          ),
        ),
    );
  }

  /**
   * Directives driving each task, up to `maxDepth` hops, reading of each chain's citations what
   * `via` says (one loader per depth and selection asked for).
   */
  driversOf(maxDepth: number, via: ChainFields): DataLoader<string, DrivingRecord[]> {
    const signature = `${maxDepth}|${via.ends}|${via.details}`;
    return loaderFor(
      this.drivers,
      signature,
      () =>
        new DataLoader((keys) =>
          this.byKey(
            directivesDriving(keys, maxDepth, via),
            keys,
            (r) =>
              listOf(column(r, "drivers")).map((entry) => {
                const driving = toDriving(entry);
                this.documents.prime(driving.document.key, driving.document);
                return driving;
              }),
            [],
          ),
        ),
    );
  }

  /** A page of the directives driving each task (one loader per page request shape). */
  driverPagesOf(page: DrivingPageRequest): DataLoader<string, PageRows<DrivingRow>> {
    return loaderFor(
      this.driverPages,
      JSON.stringify(page),
      () =>
        new DataLoader((keys) =>
          this.byKey(
            directivesDrivingPages(keys, page),
            keys,
            (r) => ({
              rows: listOf(column(r, "rows")).map((entry) => {
                const node = toDriving(entry);
                this.documents.prime(node.document.key, node.document);
                return { node, date: stringOf((entry as { date: PlainValue }).date) ?? "" };
              }),
              total: numberOf(column(r, "total")),
            }),
            { rows: [], total: 0 },
          ),
        ),
    );
  }

  /** A page of citations pointing at each document (one loader per page request shape). */
  citedByOf(page: CitationPageRequest): DataLoader<string, PageRows<CitedByRow>> {
    return this.citationPageLoader(this.citedByPages, page, (keys) => citedByPages(keys, page));
  }

  /** A page of the citations each document's own tasks make (one loader per page request shape). */
  citesOf(page: CitesPageRequest): DataLoader<string, PageRows<CitedByRow>> {
    return this.citationPageLoader(this.citesPages, page, (keys) => citesPages(keys, page));
  }

  /** One loader per page request shape, over a query whose rows are {citation, task} pairs (tasks primed). */
  private citationPageLoader(
    cache: Map<string, DataLoader<string, PageRows<CitedByRow>>>,
    page: CitationPageRequest | CitesPageRequest,
    query: (keys: readonly string[]) => CypherQuery,
  ): DataLoader<string, PageRows<CitedByRow>> {
    return loaderFor(
      cache,
      JSON.stringify(page),
      () =>
        new DataLoader((keys) =>
          this.byKey(
            query(keys),
            keys,
            (r) => ({
              rows: listOf(column(r, "rows")).map((entry) => {
                const pair = entry as { citation: PlainValue; task: PlainValue };
                const task = toTask(pair.task);
                this.tasks.prime(task.key, task);
                return { node: toCitation(pair.citation) };
              }),
              total: numberOf(column(r, "total")),
            }),
            { rows: [], total: 0 },
          ),
        ),
    );
  }

  /** A page of tasks implementing each document (one loader per page request shape). */
  implementingOf(page: TaskPageRequest): DataLoader<string, PageRows<ImplementingRow>> {
    return loaderFor(
      this.implementingPages,
      JSON.stringify(page),
      () =>
        new DataLoader((keys) =>
          this.byKey(
            tasksImplementingPages(keys, page),
            keys,
            (r) => ({
              rows: listOf(column(r, "rows")).map((entry) => {
                const row = entry as {
                  task: PlainValue;
                  depth: PlainValue;
                  date: PlainValue;
                  via: PlainValue;
                };
                const task = toTask(row.task);
                this.tasks.prime(task.key, task);
                return {
                  node: task,
                  depth: numberOf(row.depth) ?? 1,
                  date: stringOf(row.date) ?? "",
                  via: listOf(row.via).map(toCitation),
                };
              }),
              total: numberOf(column(r, "total")),
            }),
            { rows: [], total: 0 },
          ),
        ),
    );
  }

  /** A page of the bodies carrying out each document (one loader per page request shape). */
  implementersOf(page: ImplementerPageRequest): DataLoader<string, PageRows<ImplementerRow>> {
    return loaderFor(
      this.implementerPages,
      JSON.stringify(page),
      () =>
        new DataLoader((keys) =>
          this.byKey(
            implementersPages(keys, page),
            keys,
            (r) => ({
              rows: listOf(column(r, "rows")).map((entry) => {
                const row = entry as {
                  organization: PlainValue;
                  depth: PlainValue;
                  proofs: PlainValue;
                  proofCount: PlainValue;
                };
                return {
                  node: {
                    organization: toOrganization(row.organization)!,
                    depth: numberOf(row.depth) ?? 1,
                    proofs: listOf(row.proofs).map((value) => {
                      const proof = value as Record<string, PlainValue>;
                      return {
                        basis: stringOf(proof.basis) ?? "DOCUMENT",
                        depth: numberOf(proof.depth) ?? 1,
                        implementingTaskKey: stringOf(proof.implementingTaskKey) ?? "",
                        assignment: toAssignment({ ...proof, organization: row.organization } as PlainValue),
                      };
                    }),
                    proofCount: numberOf(row.proofCount) ?? 0,
                  },
                };
              }),
              total: numberOf(column(r, "total")),
            }),
            { rows: [], total: 0 },
          ),
        ),
    );
  }

  private primeTasks(tasks: TaskRecord[]): TaskRecord[] {
    for (const task of tasks) this.tasks.prime(task.key, task);
    return tasks;
  }

  /** Runs one batched query whose rows carry a `key` column, and answers each key in order. */
  private byKey<T>(
    query: CypherQuery,
    keys: readonly string[],
    map: (record: { get(key: string): unknown }) => T,
    missing: T,
  ): Promise<T[]> {
    return readByKey(this.graph, query, keys, map, missing);
  }
}

/** Runs one batched query whose rows carry a `key` column, and answers each key in order (`missing` for a key with no row). */
export async function readByKey<T>(
  graph: GraphExecutor,
  query: CypherQuery,
  keys: readonly string[],
  map: (record: { get(key: string): unknown }) => T,
  missing: T,
): Promise<T[]> {
  const records = await graph.read(query);
  const found = new Map<string, T>();
  for (const record of records) {
    const key = stringOf(column(record, "key"));
    if (key !== null) found.set(key, map(record));
  }
  return keys.map((key) => found.get(key) ?? missing);
}

/** The loader kept for one request shape (a page, a depth, a limit), made the first time it is asked for. */
export function loaderFor<S, L>(cache: Map<S, L>, shape: S, make: () => L): L {
  let loader = cache.get(shape);
  if (!loader) {
    loader = make();
    cache.set(shape, loader);
  }
  return loader;
}
