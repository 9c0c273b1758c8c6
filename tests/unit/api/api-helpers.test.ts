import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { buildApiSchema } from "../../../src/api/build-schema.js";
import { decodeCursor, encodeCursor } from "../../../src/api/cursor.js";
import { fromGlobalId, toGlobalId } from "../../../src/api/global-id.js";
import { boundedInt, pageSize } from "../../../src/api/limits.js";
import { operationLimitsRule } from "../../../src/api/operation-limits.rule.js";
import { swappedDayMonth, symbolTail } from "../../../src/api/services/reference.service.js";
import { vietnameseDate } from "../../../src/extract/index.js";
import { captionOf } from "../../../src/api/services/subgraph.service.js";

const codeOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return "no error";
};

describe("global ids", () => {
  it("round-trips a label and a key with any characters", () => {
    const id = toGlobalId("Document", "NQ|26-NQ/TW|2018");
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ label: "Document", key: "NQ|26-NQ/TW|2018" });
    expect(fromGlobalId(toGlobalId("Task", "x#II.2.1"))).toEqual({ label: "Task", key: "x#II.2.1" });
  });

  it.each([
    ["not base64!"],
    [""],
    [Buffer.from("Nope:key").toString("base64url")],
    [Buffer.from("Document:").toString("base64url")],
  ])("rejects %j with BAD_USER_INPUT", (id) => {
    expect(codeOf(() => fromGlobalId(id))).toBe("BAD_USER_INPUT");
  });
});

describe("keyset cursors", () => {
  it("encode the sort key and decode it with its shape", () => {
    const cursor = encodeCursor([1.25, "k"]);
    expect(decodeCursor(cursor, ["number", "string"] as const)).toEqual([1.25, "k"]);
  });

  it("reject a cursor of another list with BAD_USER_INPUT", () => {
    expect(codeOf(() => decodeCursor(encodeCursor(["k"]), ["number", "string"] as const))).toBe(
      "BAD_USER_INPUT",
    );
    expect(codeOf(() => decodeCursor("%%%", ["string"] as const))).toBe("BAD_USER_INPUT");
  });
});

describe("argument limits", () => {
  it.each([
    [undefined, 20],
    [null, 20],
    [0, 0],
    [5, 5],
    [10_000, 100],
  ])("pageSize(%j) = %j", (first, expected) => {
    expect(pageSize(first)).toBe(expected);
  });

  it("rejects a negative page and a depth below its minimum, caps a large one", () => {
    expect(codeOf(() => pageSize(-1))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => boundedInt("maxDepth", 0, 3, 1, 6))).toBe("BAD_USER_INPUT");
    expect(boundedInt("maxDepth", 99, 3, 1, 6)).toBe(6);
    expect(boundedInt("maxDepth", null, 3, 1, 6)).toBe(3);
  });
});

describe("operation limits (validation rule)", () => {
  const check = async (query: string, maxDepth = 10, maxCost = 20_000) =>
    validate(await buildApiSchema(), parse(query), [operationLimitsRule(maxDepth, maxCost)]).map(
      (e) => e.message,
    );

  it("accepts an ordinary nested query", async () => {
    expect(
      await check(
        "{ documents(first: 5) { edges { node { tasks { children { code citations { quote } } } } } } }",
      ),
    ).toEqual([]);
  });

  it("rejects an operation nested too deep, through fragments too", async () => {
    const deep = `query Deep { documents(first: 1) { edges { node { tasks { ...T } } } } }
      fragment T on Task { parent { parent { parent { parent { parent { document { key } } } } } } }`;
    expect(await check(deep)).toEqual([
      expect.stringMatching(/^Operation Deep is nested 11 levels deep; at most 10/),
    ]);
  });

  it("rejects an operation whose lists multiply beyond the cost limit", async () => {
    const wide =
      "{ documents(first: 100) { edges { node { citedBy(first: 100) { edges { node { quote } } } } } } }";
    expect(await check(wide)).toEqual([expect.stringMatching(/would cost about \d+/)]);
  });

  it("leaves introspection alone", async () => {
    expect(
      await check(
        "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }",
        3,
      ),
    ).toEqual([]);
  });
});

describe("reference helpers", () => {
  it.each([
    ["2018-05-19", "19/5/2018"],
    ["2021-10-11", "11/10/2021"],
  ])("vietnameseDate(%s) = %s", (iso, written) => {
    expect(vietnameseDate(iso)).toBe(written);
  });

  it.each([
    ["2021-10-11", "2021-11-10"],
    ["2018-05-19", null],
    ["2020-03-03", null],
  ])("swappedDayMonth(%s) = %j", (iso, swapped) => {
    expect(swappedDayMonth(iso)).toBe(swapped);
  });

  it.each([
    ["26-NQ/TW", "-NQ/TW"],
    ["128/NQ-CP", "/NQ-CP"],
    ["16/2021/NQ-HĐND", "/NQ-HĐND"],
  ])("symbolTail(%s) = %s", (symbol, tail) => {
    expect(symbolTail(symbol)).toBe(tail);
  });

  it("captions a document by symbol, a task by code and title, an organization by name", () => {
    expect(captionOf({ symbol: "26-NQ/TW", title: "x" })).toBe("26-NQ/TW");
    expect(captionOf({ code: "II.1", title: "Phòng, chống dịch" })).toBe("II.1 Phòng, chống dịch");
    expect(captionOf({ name: "Chính phủ", key: "chinh-phu" })).toBe("Chính phủ");
  });
});
