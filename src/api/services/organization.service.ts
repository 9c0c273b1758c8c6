import DataLoader from "dataloader";
import { foldVietnamese } from "../../extract/index.js";
import {
  assignmentsOfOrganizationsPages,
  childrenOfOrganizations,
  documentsIssuedPages,
  organizationDetailsByKeys,
  organizationsPage,
  parentsOfOrganizations,
  type AssignmentPageRequest,
  type IssuedPageRequest,
} from "../../graph/queries/index.js";
import type { CypherQuery } from "../../graph/cypher.js";
import {
  column,
  listOf,
  numberOf,
  stringListOf,
  stringOf,
  type PlainValue,
} from "../../graph/record-mapping.js";
import type { ApiContext } from "../context.js";
import { decodeCursor } from "../cursor.js";
import { badUserInput } from "../errors.js";
import { boundedInt, pageSize } from "../limits.js";
import { MAX_ORGANIZATION_CHILDREN } from "../types/organization.type.js";
import {
  toAssignment,
  toDocument,
  toOrganization,
  toTask,
  type AssignmentRecord,
  type DocumentRecord,
  type OrganizationRecord,
} from "./graph-records.js";
import { toPage, type Page } from "./page.js";
import { loaderFor, readByKey } from "./graph-loaders.js";

/** An organization with its place (#20): read with organizationProjection. */
export interface OrganizationDetails {
  province: string | null;
  aliases: string[];
}

interface IssuedRows {
  rows: { node: DocumentRecord; issuedOn: string }[];
  total: number;
}
interface AssignmentRows {
  rows: { node: AssignmentRecord; due: string | null; sortKey: string }[];
}

/** Per-request loaders of the organization fields: one statement per field and level of nesting. */
class OrganizationLoaders {
  readonly details: DataLoader<string, OrganizationDetails | null>;
  readonly parents: DataLoader<string, OrganizationRecord | null>;
  private readonly children = new Map<number, DataLoader<string, OrganizationRecord[]>>();
  private readonly issued = new Map<string, DataLoader<string, IssuedRows>>();
  private readonly assignments = new Map<string, DataLoader<string, AssignmentRows>>();

  constructor(private readonly ctx: ApiContext) {
    this.details = new DataLoader((keys) =>
      this.byKey(organizationDetailsByKeys(keys), keys, (r) => detailsOf(column(r, "organization")), null),
    );
    this.parents = new DataLoader((keys) =>
      this.byKey(parentsOfOrganizations(keys), keys, (r) => this.prime(column(r, "parent")), null),
    );
  }

  childrenOf(limit: number): DataLoader<string, OrganizationRecord[]> {
    return loaderFor(
      this.children,
      limit,
      () =>
        new DataLoader((keys) =>
          this.byKey(
            childrenOfOrganizations(keys, limit),
            keys,
            (r) => listOf(column(r, "children")).flatMap((c) => this.prime(c) ?? []),
            [],
          ),
        ),
    );
  }

  issuedOf(page: IssuedPageRequest): DataLoader<string, IssuedRows> {
    return loaderFor(
      this.issued,
      JSON.stringify(page),
      () =>
        new DataLoader((keys) =>
          this.byKey(
            documentsIssuedPages(keys, page),
            keys,
            (r) => ({
              rows: listOf(column(r, "rows")).map((entry) => {
                const row = entry as { document: PlainValue; issuedOn: PlainValue };
                const node = toDocument(row.document);
                this.ctx.loaders.documents.prime(node.key, node);
                return { node, issuedOn: stringOf(row.issuedOn) ?? "" };
              }),
              total: numberOf(column(r, "total")) ?? 0,
            }),
            { rows: [], total: 0 },
          ),
        ),
    );
  }

  assignmentsOf(page: AssignmentPageRequest): DataLoader<string, AssignmentRows> {
    return loaderFor(
      this.assignments,
      JSON.stringify(page),
      () =>
        new DataLoader((keys) =>
          this.byKey(
            assignmentsOfOrganizationsPages(keys, page),
            keys,
            (r) => ({
              rows: listOf(column(r, "rows")).map((entry) => {
                const row = entry as {
                  assignment: PlainValue;
                  task: PlainValue;
                  due: PlainValue;
                  sortKey: PlainValue;
                };
                const task = toTask(row.task);
                this.ctx.loaders.tasks.prime(task.key, task);
                return {
                  node: toAssignment(row.assignment),
                  due: stringOf(row.due),
                  sortKey: stringOf(row.sortKey) ?? "",
                };
              }),
            }),
            { rows: [] },
          ),
        ),
    );
  }

  /** An organization read with its place: its details primed, the record returned. */
  prime(value: PlainValue | undefined): OrganizationRecord | null {
    const record = toOrganization(value);
    const details = detailsOf(value);
    if (record && details) this.details.prime(record.key, details);
    return record;
  }

  private byKey<T>(
    query: CypherQuery,
    keys: readonly string[],
    map: (record: { get(key: string): unknown }) => T,
    missing: T,
  ): Promise<T[]> {
    return readByKey(this.ctx.graph, query, keys, map, missing);
  }
}

function detailsOf(value: PlainValue | undefined): OrganizationDetails | null {
  if (value === null || value === undefined || typeof value !== "object" || Array.isArray(value)) return null;
  const map = value as { [key: string]: PlainValue };
  return { province: stringOf(map.province), aliases: stringListOf(map.aliases) };
}

const loadersOf = new WeakMap<ApiContext, OrganizationLoaders>();
function loaders(ctx: ApiContext): OrganizationLoaders {
  let found = loadersOf.get(ctx);
  if (!found) {
    found = new OrganizationLoaders(ctx);
    loadersOf.set(ctx, found);
  }
  return found;
}

export interface OrganizationsQuery {
  search?: string | null;
  province?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface AssignmentsQuery {
  first?: number | null;
  after?: string | null;
  due?: { from?: string | null; to?: string | null } | null;
}

/** Organizations as first-class nodes (#20): lookups, what they issued, what they must do, where they stand. */
export const organizationService = {
  async organization(ctx: ApiContext, key: string): Promise<OrganizationRecord | null> {
    const found = await ctx.loaders.organizations.load(key);
    return found;
  },

  async organizations(
    ctx: ApiContext,
    args: OrganizationsQuery,
  ): Promise<Page<{ node: OrganizationRecord }>> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, ["string"] as const) : null;
    const words = (args.search ?? "")
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map((w) => [foldVietnamese(w).toLowerCase(), w.toLowerCase()] as const);
    const records = await ctx.graph.read(
      organizationsPage({ words, province: args.province ?? null, first, afterKey: after ? after[0] : null }),
    );
    const l = loaders(ctx);
    const rows = records.flatMap((r) => {
      const node = l.prime(column(r, "organization"));
      return node ? [{ node }] : [];
    });
    return toPage(rows, first, (row) => [row.node.key], null, after !== null);
  },

  details(ctx: ApiContext, key: string): Promise<OrganizationDetails | null> {
    return loaders(ctx).details.load(key);
  },

  parent(ctx: ApiContext, key: string): Promise<OrganizationRecord | null> {
    return loaders(ctx).parents.load(key);
  },

  children(ctx: ApiContext, key: string, first: number | null | undefined): Promise<OrganizationRecord[]> {
    const limit = boundedInt("first", first, MAX_ORGANIZATION_CHILDREN, 0, MAX_ORGANIZATION_CHILDREN);
    return loaders(ctx).childrenOf(limit).load(key);
  },

  async documentsIssued(
    ctx: ApiContext,
    key: string,
    args: { first?: number | null; after?: string | null },
  ): Promise<Page<{ node: DocumentRecord; issuedOn: string }> & { totalCount: number }> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, ["string", "string"] as const) : null;
    const { rows, total } = await loaders(ctx)
      .issuedOf({ first, after: after ? { issuedOn: after[0], key: after[1] } : null })
      .load(key);
    const page = toPage(rows, first, (row) => [row.issuedOn, row.node.key], total, after !== null);
    return { ...page, totalCount: total };
  },

  async assignments(
    ctx: ApiContext,
    key: string,
    args: AssignmentsQuery,
  ): Promise<Page<{ node: AssignmentRecord; due: string | null }>> {
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, ["string"] as const) : null;
    const from = args.due?.from ?? null;
    const to = args.due?.to ?? null;
    if (from && to && from > to)
      throw badUserInput(`due.from (${from}) is after due.to (${to})`, { argumentName: "due" });
    const { rows } = await loaders(ctx)
      .assignmentsOf({ from, to, first, afterSortKey: after ? after[0] : null })
      .load(key);
    return toPage(rows, first, (row) => [row.sortKey], null, after !== null);
  },
};
