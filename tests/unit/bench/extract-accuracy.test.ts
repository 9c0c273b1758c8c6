import { describe, expect, it } from "vitest";
import {
  baselineMentions,
  figures,
  groupMentions,
  issuerMatches,
  matchKey,
  scorePassage,
  scoreUnnumbered,
  seededSplit,
  type GoldPassage,
} from "../../../bench/extract-accuracy.js";

/** A hand-made passage: two cited documents, one with a provincial issuer, and its own number. */
const passage: GoldPassage = {
  id: "sample",
  batch: 1,
  document: "sample-doc",
  kind: "party",
  header: true,
  damaged: false,
  split: "dev",
  province: "Quảng Ninh",
  ownSymbol: "12-NQ/TU",
  numberOnly: [],
  named: [],
  text: "Số: 12-NQ/TU\nThực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương và Kế hoạch số 05-KH/TU ngày 1/2/2019 của Ban Thường vụ Tỉnh ủy",
  citations: [
    {
      symbol: "26-NQ/TW",
      type: "Nghị quyết",
      code: "NQ",
      date: "2018-05-19",
      issuer: "Ban Chấp hành Trung ương",
      issuerSource: "text",
      relation: "thực hiện",
      tags: ["self-number-risk"],
    },
    {
      symbol: "05-KH/TU",
      type: "Kế hoạch",
      code: "KH",
      date: "2019-02-01",
      issuer: "Ban Thường vụ Tỉnh ủy",
      issuerSource: "text",
      relation: "thực hiện",
    },
  ],
};

describe("matchKey", () => {
  it.each([
    ["15 – NQ/TU", "15-NQ/TU"],
    ["05-KH/TU", "5-KH/TU"],
    ["1909/qđ-TTg", "1909/QĐ-TTG"],
    ["16-\nCT/TU", "16-CT/TU"],
  ])("%j → %j", (raw, key) => expect(matchKey(raw)).toBe(key));
});

describe("issuerMatches", () => {
  it.each([
    ["Ban Chấp hành Trung ương", null, "ban-chap-hanh-trung-uong", true],
    ["Ban Thường vụ Tỉnh ủy", "Quảng Ninh", "ban-thuong-vu-tinh-uy-quang-ninh", true],
    // a province named with its kind is the same province
    ["Thành ủy", "Thành phố Hồ Chí Minh", "thanh-uy-ho-chi-minh", true],
    ["Thành ủy", "Thành phố Hồ Chí Minh", "thanh-uy-ha-noi", false],
    ["Ban Thường vụ Tỉnh ủy", "Quảng Ninh", "ban-thuong-vu-tinh-uy", true],
    ["Ban Thường vụ Tỉnh ủy", "Quảng Ninh", "ban-thuong-vu-tinh-uy-lao-cai", false],
    ["Ban Chấp hành Đảng bộ tỉnh", null, "tinh-uy-ha-giang", true],
    ["Bộ Chính trị", null, "ban-bi-thu", false],
    ["Tỉnh ủy", null, "ban-thuong-vu-tinh-uy", false],
  ] as const)("%s (%s) vs %s → %s", (gold, province, key, expected) =>
    expect(issuerMatches(gold, province, key)).toBe(expected),
  );
});

describe("scorePassage and figures", () => {
  it("counts found items, false positives, dates, right and wrong issuers, and a cited own number", () => {
    const predicted = groupMentions([
      { symbol: "26-NQ/TW", date: "2018-05-19", issuerKey: "ban-chap-hanh-trung-uong" },
      { symbol: "5-KH/TU", date: "2019-02-02", issuerKey: "tinh-uy-quang-ninh" },
      { symbol: "12-NQ/TU", date: null, issuerKey: null },
    ]);
    const outcome = scorePassage(passage, predicted);
    expect(outcome.items.map((i) => [i.found, i.dateRight, i.issuerRight, i.issuerWrong])).toEqual([
      [true, true, true, false],
      [true, false, false, true],
    ]);
    expect(outcome.falsePositives).toEqual(["12-NQ/TU"]);
    const f = figures([outcome]);
    expect(f).toMatchObject({
      gold: 2,
      found: 2,
      falsePositives: 1,
      datesRight: 1,
      issuersRight: 1,
      issuersWrong: 1,
      ownNumberCited: 1,
    });
    expect(f.precision).toBeCloseTo(2 / 3);
    expect(f.recall).toBe(1);
    expect(figures([outcome], (i) => (i.gold.tags ?? []).includes("self-number-risk"))).toMatchObject({
      gold: 1,
      found: 1,
      falsePositives: 0,
    });
  });

  it("merges mentions of one document: two different dates are not the gold date", () => {
    const predicted = groupMentions([
      { symbol: "26-NQ/TW", date: "2018-05-19", issuerKey: null },
      { symbol: "26 - NQ/TW", date: "2018-05-20", issuerKey: null },
    ]);
    const [item] = scorePassage(passage, predicted).items;
    expect(item).toMatchObject({ found: true, dateRight: false, issuerRight: false, issuerWrong: false });
  });
});

describe("scoreUnnumbered", () => {
  it("finds references without a symbol over their gold quote, merges mentions, and counts the others as false positives", () => {
    const text =
      "Căn cứ Điều lệ Đảng; Điều 6 Điều lệ Đảng; thực hiện Chỉ thị số 17 của Ban Bí thư và Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; theo Hiến pháp năm 2013.";
    const outcome = scoreUnnumbered([
      {
        ...passage,
        ownSymbol: null,
        text,
        citations: [],
        numberOnly: [
          { quote: "Chỉ thị số 17 của Ban Bí thư", type: "Chỉ thị", number: "17", resolvesTo: null },
        ],
        named: [
          { quote: "Điều 6 Điều lệ Đảng", name: "Điều lệ Đảng" },
          { quote: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII", name: "x", kind: "congress" },
        ],
      },
    ]);
    expect(Object.fromEntries(outcome.byKind)).toEqual({
      "number-only": { gold: 1, found: 1, resolvedRight: 1, resolvable: 1 },
      charter: { gold: 1, found: 1, resolvedRight: 0, resolvable: 0 },
      congress: { gold: 1, found: 1, resolvedRight: 0, resolvable: 0 },
    });
    // the Constitution is not in this gold: one false positive; both charter mentions are one document
    expect(outcome.falsePositives).toEqual(['sample: constitution "Hiến pháp năm 2013"']);
    expect(outcome.misses).toEqual([]);
  });
});

describe("baselineMentions", () => {
  it("reads plain Party and State symbols, not dates", () => {
    expect(
      baselineMentions(
        "Nghị quyết số 26-NQ/TW ngày 19/5/2018, Quyết định 1909/QĐ-TTg, Nghị quyết 16/2021/NQ-HĐND",
      ).map((m) => m.symbol),
    ).toEqual(["26-NQ/TW", "1909/QĐ-TTg", "16/2021/NQ-HĐND"]);
  });
});

describe("seededSplit", () => {
  it("keeps 30 % aside, the same for the same ids whatever their order", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const a = seededSplit(ids);
    const b = seededSplit([...ids].reverse());
    expect([...a.values()].filter((s) => s === "test")).toHaveLength(6);
    expect(ids.map((id) => a.get(id))).toEqual(ids.map((id) => b.get(id)));
  });
});
