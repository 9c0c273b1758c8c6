import { describe, expect, it } from "vitest";
import { locateQuotes } from "../../../web/src/highlight.js";

// Citation quotes found in a task's text (web/src/highlight.ts): the graph keeps a quote as the
// source prints it, line breaks included, while the task's text is normalised.

const text =
  "Thực hiện Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ và Chỉ thị số 18-CT/TU (sửa đổi).";

/** the located spans as [start, end, the text they cover, the item's id] */
function located(items: Array<{ id: string; quote: string }>, within = text) {
  return locateQuotes(within, items).map((s) => [s.start, s.end, within.slice(s.start, s.end), s.item.id]);
}

describe("locateQuotes", () => {
  // prettier-ignore
  it.each<[string, Array<{ id: string; quote: string }>, Array<[number, number, string, string]>]>([
    ["a quote as it stands",                [{ id: "a", quote: "Chỉ thị số 18-CT/TU" }],                                    [[67, 86, "Chỉ thị số 18-CT/TU", "a"]]],
    ["a line break for a space",            [{ id: "a", quote: "Nghị quyết số 128/NQ-CP ngày \n11/10/2021" }],               [[10, 49, "Nghị quyết số 128/NQ-CP ngày 11/10/2021", "a"]]],
    ["runs of spaces and tabs",             [{ id: "a", quote: "  của\t\tChính   phủ " }],                                     [[50, 63, "của Chính phủ", "a"]]],
    ["regex characters taken literally",    [{ id: "a", quote: "(sửa đổi)." }],                                              [[87, 97, "(sửa đổi).", "a"]]],
    ["a quote not in the text is left out", [{ id: "a", quote: "Nghị quyết 26-NQ/TW" }],                                    []],
    ["an empty quote is left out",          [{ id: "a", quote: " \n " }],                                                    []],
    ["spans come in text order",            [{ id: "b", quote: "18-CT/TU" }, { id: "a", quote: "128/NQ-CP" }],               [[24, 33, "128/NQ-CP", "a"], [78, 86, "18-CT/TU", "b"]]],
    ["an overlapping quote is left out",    [{ id: "a", quote: "Nghị quyết số 128/NQ-CP" }, { id: "b", quote: "128/NQ-CP ngày" }], [[10, 33, "Nghị quyết số 128/NQ-CP", "a"]]],
  ])("%s", (_case, items, spans) => {
    expect(located(items)).toEqual(spans);
  });

  it("gives the same quote twice its two places", () => {
    const twice = "theo Nghị quyết 26 và lại Nghị quyết 26.";
    expect(
      located(
        [
          { id: "a", quote: "Nghị quyết 26" },
          { id: "b", quote: "Nghị quyết 26" },
        ],
        twice,
      ),
    ).toEqual([
      [5, 18, "Nghị quyết 26", "a"],
      [26, 39, "Nghị quyết 26", "b"],
    ]);
  });
});
