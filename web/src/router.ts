/** Routes live in the URL (History API), so every view can be shared as a link. */
export type Route =
  | { page: "home" }
  | { page: "search"; q: string }
  | { page: "document"; id: string }
  | { page: "task"; id: string; depth: number }
  | { page: "check"; text: string }
  | { page: "add" }
  | { page: "neighborhood"; id: string; depth: number }
  | { page: "notFound"; path: string };

export const defaultDrivingDepth = 3;
export const maxDrivingDepth = 6;
export const defaultNeighborhoodDepth = 1;
export const maxNeighborhoodDepth = 3;

function depthParam(params: URLSearchParams, fallback: number, max: number): number {
  const value = Number(params.get("depth"));
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

export function parseRoute(url: URL): Route {
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const params = url.searchParams;
  const [page, id] = parts;
  if (parts.length === 0) return { page: "home" };
  if (page === "search" && parts.length === 1) return { page: "search", q: params.get("q") ?? "" };
  if (page === "check" && parts.length === 1) return { page: "check", text: params.get("text") ?? "" };
  if (page === "add" && parts.length === 1) return { page: "add" };
  if (page === "document" && id && parts.length === 2) return { page: "document", id };
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
      return route.text ? `/check?${new URLSearchParams({ text: route.text })}` : "/check";
    case "add":
      return "/add";
    case "document":
      return `/document/${encodeURIComponent(route.id)}`;
    case "task":
      return `/task/${encodeURIComponent(route.id)}${route.depth === defaultDrivingDepth ? "" : `?depth=${route.depth}`}`;
    case "neighborhood":
      return `/neighborhood/${encodeURIComponent(route.id)}${route.depth === defaultNeighborhoodDepth ? "" : `?depth=${route.depth}`}`;
    case "notFound":
      return route.path;
  }
}

export const taskHref = (id: string, depth = defaultDrivingDepth) => href({ page: "task", id, depth });
export const documentHref = (id: string) => href({ page: "document", id });
export const neighborhoodHref = (id: string, depth = defaultNeighborhoodDepth) =>
  href({ page: "neighborhood", id, depth });
