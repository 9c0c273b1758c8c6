import { describe, expect, it } from "vitest";
import {
  documentHref,
  href,
  neighborhoodHref,
  parseRoute,
  taskHref,
  type Route,
} from "../../../web/src/router.js";

// The explorer's routes: what a URL opens, and the link a view writes (web/src/router.ts).

const at = (pathAndQuery: string) => parseRoute(new URL(pathAndQuery, "http://127.0.0.1:4000"));

describe("parseRoute", () => {
  // prettier-ignore
  it.each<[string, Route]>([
    ["/",                                          { page: "home" }],
    ["/search",                                    { page: "search", q: "" }],
    ["/search?q=chuyen+doi+so",                    { page: "search", q: "chuyen doi so" }],
    ["/search?q=chuy%E1%BB%83n%20%C4%91%E1%BB%95i", { page: "search", q: "chuyển đổi" }],
    ["/check",                                     { page: "check", text: "" }],
    ["/check?text=26-NQ%2FTW",                     { page: "check", text: "26-NQ/TW" }],
    ["/document/RG9jdW1lbnQ6TlF8MTI4",             { page: "document", id: "RG9jdW1lbnQ6TlF8MTI4" }],
    ["/document/a%2Fb",                            { page: "document", id: "a/b" }],
    ["/task/VGFzaw",                               { page: "task", id: "VGFzaw", depth: 3 }],
    ["/task/VGFzaw?depth=1",                       { page: "task", id: "VGFzaw", depth: 1 }],
    ["/task/VGFzaw?depth=6",                       { page: "task", id: "VGFzaw", depth: 6 }],
    ["/task/VGFzaw?depth=9",                       { page: "task", id: "VGFzaw", depth: 6 }],
    ["/task/VGFzaw?depth=0",                       { page: "task", id: "VGFzaw", depth: 3 }],
    ["/task/VGFzaw?depth=-2",                      { page: "task", id: "VGFzaw", depth: 3 }],
    ["/task/VGFzaw?depth=2.5",                     { page: "task", id: "VGFzaw", depth: 3 }],
    ["/task/VGFzaw?depth=abc",                     { page: "task", id: "VGFzaw", depth: 3 }],
    ["/neighborhood/T3Jn",                         { page: "neighborhood", id: "T3Jn", depth: 1 }],
    ["/neighborhood/T3Jn?depth=3",                 { page: "neighborhood", id: "T3Jn", depth: 3 }],
    ["/neighborhood/T3Jn?depth=7",                 { page: "neighborhood", id: "T3Jn", depth: 3 }],
    ["/task",                                      { page: "notFound", path: "/task" }],
    ["/document",                                  { page: "notFound", path: "/document" }],
    ["/document/a/b",                              { page: "notFound", path: "/document/a/b" }],
    ["/search/more",                               { page: "notFound", path: "/search/more" }],
    ["/graph",                                     { page: "notFound", path: "/graph" }],
    // legal force (#19): an as-of date, the lược đồ with its kind filter
    ["/document/RG9j?asOf=2023-06-01",             { page: "document", id: "RG9j", asOf: "2023-06-01" }],
    ["/document/RG9j?asOf=01/06/2023",             { page: "document", id: "RG9j" }],
    ["/check?text=36%2F2021&asOf=2023-06-01",      { page: "check", text: "36/2021", asOf: "2023-06-01" }],
    ["/document/RG9j/relations",                   { page: "relations", id: "RG9j", kinds: [] }],
    ["/document/RG9j/relations?kind=repeals,REPLACES", { page: "relations", id: "RG9j", kinds: ["REPLACES", "REPEALS"] }],
    ["/document/RG9j/relations?kind=NOT_A_KIND",   { page: "relations", id: "RG9j", kinds: [] }],
    ["/document/RG9j/other",                       { page: "notFound", path: "/document/RG9j/other" }],
  ])("%s opens %j", (url, route) => {
    expect(at(url)).toEqual(route);
  });
});

describe("href", () => {
  // prettier-ignore
  it.each<[Route, string]>([
    [{ page: "home" },                                   "/"],
    [{ page: "search", q: "" },                          "/search"],
    [{ page: "search", q: "chuyen doi so" },             "/search?q=chuyen+doi+so"],
    [{ page: "check", text: "" },                        "/check"],
    [{ page: "check", text: "26-NQ/TW" },                "/check?text=26-NQ%2FTW"],
    [{ page: "document", id: "a/b" },                    "/document/a%2Fb"],
    [{ page: "task", id: "VGFzaw", depth: 3 },           "/task/VGFzaw"],
    [{ page: "task", id: "VGFzaw", depth: 5 },           "/task/VGFzaw?depth=5"],
    [{ page: "neighborhood", id: "T3Jn", depth: 1 },     "/neighborhood/T3Jn"],
    [{ page: "neighborhood", id: "T3Jn", depth: 2 },     "/neighborhood/T3Jn?depth=2"],
    [{ page: "notFound", path: "/nowhere" },             "/nowhere"],
  ])("%j links to %s", (route, link) => {
    expect(href(route)).toBe(link);
  });

  // prettier-ignore
  it.each<[string, string]>([
    [taskHref("VGFzaw"),             "/task/VGFzaw"],
    [taskHref("VGFzaw", 4),          "/task/VGFzaw?depth=4"],
    [documentHref("RG9j"),           "/document/RG9j"],
    [neighborhoodHref("T3Jn"),       "/neighborhood/T3Jn"],
    [neighborhoodHref("T3Jn", 3),    "/neighborhood/T3Jn?depth=3"],
  ])("the shorthand gives %s", (link, expected) => {
    expect(link).toBe(expected);
  });
});

describe("a link opens the view that wrote it", () => {
  // prettier-ignore
  it.each<[Route]>([
    [{ page: "home" }],
    [{ page: "search", q: "Nghị quyết 26-NQ/TW & \"cán bộ\"?" }],
    [{ page: "check", text: "Nghị quyết số 26-NQ/TW ngày 19/5/2018" }],
    [{ page: "document", id: "RG9jdW1lbnQ6TlF8MTI4L05RLUNQfDIwMjE" }],
    [{ page: "document", id: "id with / ? # % and spaces" }],
    [{ page: "task", id: "VGFzazpOUXx0aW5o", depth: 6 }],
    [{ page: "neighborhood", id: "T3Jn", depth: 2 }],
    [{ page: "document", id: "RG9j", asOf: "2023-06-01" }],
    [{ page: "relations", id: "RG9j", kinds: ["AMENDS", "REPEALS"] }],
  ])("%j", (route) => {
    expect(at(href(route))).toEqual(route);
  });
});
