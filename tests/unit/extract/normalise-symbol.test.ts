import { describe, expect, it } from "vitest";
import { normaliseSymbol, parseSymbol } from "../../../src/extract/index.js";

describe("normaliseSymbol", () => {
  it.each([
    ["16-\nCT/TU", "16-CT/TU"],
    ["15- NQ/TU", "15-NQ/TU"],
    ["so 37-QĐ/TW", "37-QĐ/TW"],
    ["Nghị quyết số 26-NQ/TW ngày 19/5/2019", "26-NQ/TW"],
    ["128/nq-cp", "128/NQ-CP"],
    ["1909/QD-TTG", "1909/QĐ-TTg"],
    ["16/2021/NQ-HDND", "16/2021/NQ-HĐND"],
    ["15/2024/TT-NHNN", "15/2024/TT-NHNN"],
    ["4-NQ/TW", "04-NQ/TW"],
    ["04-NQ/TW", "04-NQ/TW"],
    ["12-NQ/TƯ", "12-NQ/TW"],
    ["205-QĐi/TW", "205-QĐi/TW"],
    ["147/BC- HĐND", "147/BC-HĐND"],
    ["45/2019/QH14", "45/2019/QH14"],
    ["01/VBHN-BLĐTBXH", "01/VBHN-BLĐTBXH"],
    ["123/UBND-TH", "123/UBND-TH"],
    ["09/2016/TTLT–BLĐTBXH–BTC", "09/2016/TTLT-BLĐTBXH-BTC"],
    ["no symbol here", "no symbol here"],
  ])("%j → %j", (raw, symbol) => {
    expect(normaliseSymbol(raw)).toBe(symbol);
  });
});

describe("parseSymbol", () => {
  it.each([
    ["26-NQ/TW", { style: "party", number: "26", year: null, type: "NQ", issuers: ["TW"] }],
    ["16/2021/NQ-HĐND", { style: "state", number: "16", year: 2021, type: "NQ", issuers: ["HĐND"] }],
    ["45/2019/QH14", { style: "state", number: "45", year: 2019, type: null, issuers: ["QH14"] }],
    ["123/UBND-TH", { style: "state", number: "123", year: null, type: null, issuers: ["UBND", "TH"] }],
    ["01-TT/TW", { style: "party", number: "01", year: null, type: "TT", issuers: ["TW"] }],
  ] as const)("%s", (raw, e) => {
    const p = parseSymbol(raw)!;
    expect([p.style, p.number, p.year, p.typeCode?.code ?? null, p.issuerCodes]).toEqual([
      e.style,
      e.number,
      e.year,
      e.type,
      e.issuers,
    ]);
  });

  it("reads TT as Thông tri in a Party symbol and Thông tư in a State one", () => {
    expect(parseSymbol("01-TT/TW")?.typeCode?.party).toBe("Thông tri");
    expect(parseSymbol("15/2024/TT-NHNN")?.typeCode?.state).toBe("Thông tư");
  });

  it("refuses what is not a symbol", () => {
    for (const raw of ["23/3/2021", "2021 - 2025", "24/7", "1/2", "III/2022"])
      expect(parseSymbol(raw)).toBeNull();
  });
});
