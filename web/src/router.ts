import type { RelationKind } from "../../src/generated/graphql.js";

/** Routes live in the URL (History API), so every view can be shared as a link. */
export type Route =
  | { page: "home" }
  | { page: "search"; q: string }
  | { page: "document"; id: string; asOf?: string; transitive?: boolean }
  | { page: "relations"; id: string; kinds: RelationKind[] }
  | { page: "task"; id: string; depth: number }
  | { page: "check"; text: string; asOf?: string }
  | { page: "add" }
  | { page: "neighborhood"; id: string; depth: number }
  | { page: "organization"; key: string }
  | { page: "organizations"; q: string }
  | { page: "notFound"; path: string };

export const defaultDrivingDepth = 3;
export const maxDrivingDepth = 6;
export const defaultNeighborhoodDepth = 1;
export const maxNeighborhoodDepth = 3;

function depthParam(params: URLSearchParams, fallback: number, max: number): number {
  const value = Number(params.get("depth"));
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

/** The relation kinds, in the order the lược đồ groups them. */
export const relationKinds: readonly RelationKind[] = [
  "BASED_ON",
  "IMPLEMENTS",
  "GUIDES",
  "AMENDS",
  "REPLACES",
  "REPEALS",
  "SUSPENDS",
  "CONSOLIDATES",
  "CORRECTS",
  "CITES",
];

/** ?asOf=yyyy-mm-dd when it is a real date; anything else is left out. */
export function dateParam(value: string | null | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}

/** ?kind=REPEALS,GUIDES: known kinds only, each once, in the lược đồ's order. */
function kindsParam(params: URLSearchParams): RelationKind[] {
  const asked = new Set(
    params
      .getAll("kind")
      .flatMap((value) => value.split(","))
      .map((value) => value.trim().toUpperCase()),
  );
  return relationKinds.filter((kind) => asked.has(kind));
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const present = Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return present.length ? `${path}?${new URLSearchParams(present)}` : path;
}

export function parseRoute(url: URL): Route {
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const params = url.searchParams;
  const [page, id] = parts;
  if (parts.length === 0) return { page: "home" };
  if (page === "search" && parts.length === 1) return { page: "search", q: params.get("q") ?? "" };
  if (page === "check" && parts.length === 1)
    return { page: "check", text: params.get("text") ?? "", asOf: dateParam(params.get("asOf")) };
  if (page === "add" && parts.length === 1) return { page: "add" };
  if (page === "document" && id && parts.length === 2)
    return {
      page: "document",
      id,
      asOf: dateParam(params.get("asOf")),
      transitive: params.get("transitive") === "1" || undefined,
    };
  if (page === "organization" && id && parts.length === 2) return { page: "organization", key: id };
  if (page === "organizations" && parts.length === 1)
    return { page: "organizations", q: params.get("q") ?? "" };
  if (page === "document" && id && parts.length === 3 && parts[2] === "relations")
    return { page: "relations", id, kinds: kindsParam(params) };
  if (page === "task" && id && parts.length === 2)
    return { page: "task", id, depth: depthParam(params, defaultDrivingDepth, maxDrivingDepth) };
  if (page === "neighborhood" && id && parts.length === 2)
    return {
      page: "neighborhood",
      id,
      depth: depthParam(params, defaultNeighborhoodDepth, maxNeighborhoodDepth),
    };
  return { page: "notFound", path: url.pathname };
}

export function href(route: Route): string {
  switch (route.page) {
    case "home":
      return "/";
    case "search":
      return route.q ? `/search?${new URLSearchParams({ q: route.q })}` : "/search";
    case "check":
      return withQuery("/check", { text: route.text || undefined, asOf: route.asOf });
    case "add":
      return "/add";
    case "document":
      return withQuery(`/document/${encodeURIComponent(route.id)}`, {
        asOf: route.asOf,
        transitive: route.transitive ? "1" : undefined,
      });
    case "relations":
      return withQuery(`/document/${encodeURIComponent(route.id)}/relations`, {
        kind: route.kinds.length ? route.kinds.join(",") : undefined,
      });
    case "task":
      return `/task/${encodeURIComponent(route.id)}${route.depth === defaultDrivingDepth ? "" : `?depth=${route.depth}`}`;
    case "neighborhood":
      return `/neighborhood/${encodeURIComponent(route.id)}${route.depth === defaultNeighborhoodDepth ? "" : `?depth=${route.depth}`}`;
    case "organization":
      return `/organization/${encodeURIComponent(route.key)}`;
    case "organizations":
      return withQuery("/organizations", { q: route.q || undefined });
    case "notFound":
      return route.path;
  }
}

export const taskHref = (id: string, depth = defaultDrivingDepth) => href({ page: "task", id, depth });
export const documentHref = (id: string, asOf?: string, transitive?: boolean) =>
  href({ page: "document", id, asOf, transitive });
export const organizationHref = (key: string) => href({ page: "organization", key });
export const organizationsHref = (q = "") => href({ page: "organizations", q });
/** The HTTP exports of an organization's or a document's deadlines (.ics) and duties (.csv). */
export const exportHref = (
  format: "ics" | "csv",
  scope: { organization: string } | { document: string },
): string => `/export/${format === "ics" ? "deadlines.ics" : "duties.csv"}?${new URLSearchParams(scope)}`;
export const relationsHref = (id: string, kinds: RelationKind[] = []) =>
  href({ page: "relations", id, kinds });
export const neighborhoodHref = (id: string, depth = defaultNeighborhoodDepth) =>
  href({ page: "neighborhood", id, depth });
