import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toPlain } from "../../../src/graph/record-mapping.js";

describe("toPlain", () => {
  it("turns every driver value into plain JSON-safe JavaScript", () => {
    const node = new neo4j.types.Node(
      neo4j.int(1),
      ["Document"],
      { key: "k", year: neo4j.int(2018) },
      "4:x:1",
    );
    const relationship = new neo4j.types.Relationship(
      neo4j.int(2),
      neo4j.int(1),
      neo4j.int(3),
      "IMPLEMENTS",
      { start: neo4j.int(10), quote: "26-NQ/TW" },
      "5:x:2",
      "4:x:1",
      "4:x:3",
    );
    const value = {
      count: neo4j.int(42),
      big: 7n,
      missing: undefined,
      none: null,
      flags: [true, false],
      text: "chuyển đổi số",
      ratio: 0.5,
      node,
      relationship,
      date: new neo4j.types.Date(2018, 5, 19),
      at: new neo4j.types.DateTime(2026, 11, 27, 1, 2, 3, 0, 0),
      nested: [{ deep: [neo4j.int(1), { n: neo4j.int(2) }] }],
    };
    expect(toPlain(value)).toEqual({
      count: 42,
      big: 7,
      missing: null,
      none: null,
      flags: [true, false],
      text: "chuyển đổi số",
      ratio: 0.5,
      node: { key: "k", year: 2018 },
      relationship: { start: 10, quote: "26-NQ/TW" },
      date: "2018-05-19",
      at: "2026-11-27T01:02:03Z",
      nested: [{ deep: [1, { n: 2 }] }],
    });
  });

  it("maps an object without a prototype as a map, and anything else by its text", () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: neo4j.int(1) });
    expect(toPlain(bare)).toEqual({ a: 1 });
    expect(toPlain(Symbol.for("s"))).toBe("Symbol(s)");
  });
});
