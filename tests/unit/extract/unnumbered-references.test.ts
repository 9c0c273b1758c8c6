import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/index.js";

// Issue #17, categories 6 and 7: references without a symbol. Made-up sentences in the shape of
// real Party and State text.

/** The references by name of a text, as [kind, name, key, quote]. */
function named(text: string): (string | null)[][] {
  return extractDocument(text).namedReferences.map((r) => [r.kind, r.name, r.key ?? null, r.quote]);
}

describe("number-only references (category 6)", () => {
  // [text, expected partial references as [quote, type code, number, issuer key, key]]
  const PARTIAL: readonly (readonly [string, (string | null)[][]])[] = [
    [
      "Thực hiện Chỉ thị số 17 của Ban Bí thư về công tác dân vận, các cấp ủy đã triển khai.",
      [["Chỉ thị số 17 của Ban Bí thư", "CT", "17", "ban-bi-thu", "number-only|CT|17|ban-bi-thu|?"]],
    ],
    [
      "Tiếp tục quán triệt Nghị quyết số 05 của Bộ Chính trị khóa XII và Kết luận 01 của Tỉnh ủy.",
      [
        [
          "Nghị quyết số 05 của Bộ Chính trị khóa XII",
          "NQ",
          "05",
          "bo-chinh-tri",
          "number-only|NQ|05|bo-chinh-tri|khoa-xii",
        ],
        ["Kết luận 01 của Tỉnh ủy", "KL", "01", "tinh-uy", "number-only|KL|01|tinh-uy|?"],
      ],
    ],
    [
      "Các cấp ủy thực hiện Quy định 102 ngày 15/11/2017 của Bộ Chính trị về kỷ luật đảng viên.",
      [
        [
          "Quy định 102 ngày 15/11/2017 của Bộ Chính trị",
          "QĐi",
          "102",
          "bo-chinh-tri",
          "number-only|QĐi|102|bo-chinh-tri|2017",
        ],
      ],
    ],
  ];
  it.each(PARTIAL)("%j is kept as a partial reference", (text, expected) => {
    const doc = extractDocument(text);
    expect(doc.citations).toEqual([]);
    const partial = doc.namedReferences.filter((r) => r.kind === "number-only");
    expect(partial.map((r) => [r.quote, r.typeCode, r.number, r.issuer?.key ?? null, r.key])).toEqual(
      expected,
    );
    for (const r of partial) expect(text.slice(...r.span)).toBe(r.quote);
  });

  it("resolves to the full citation of the same text that type, number and issuer identify, earlier or later", () => {
    const text =
      "Tiếp tục thực hiện Nghị quyết 57 của Bộ Chính trị; Ban Thường vụ ban hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.";
    const doc = extractDocument(text);
    expect(doc.citations.map((c) => [c.quote, c.key, c.shortFormOf ? "short form" : "full"])).toEqual([
      ["Nghị quyết 57", "NQ|57-NQ/TW|2024", "short form"],
      ["Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "NQ|57-NQ/TW|2024", "full"],
    ]);
    expect(doc.namedReferences.filter((r) => r.kind === "number-only")).toEqual([]);
  });

  it("does not resolve to a citation whose issuer contradicts the one written", () => {
    const text =
      "Thực hiện Chỉ thị số 17-CT/TU ngày 3/3/2021 của Tỉnh ủy Quảng Ninh, và Chỉ thị số 17 của Ban Bí thư về dân vận.";
    const doc = extractDocument(text);
    expect(doc.citations.map((c) => c.key)).toEqual(["CT|17-CT/TU|2021"]);
    expect(doc.namedReferences.filter((r) => r.kind === "number-only").map((r) => r.quote)).toEqual([
      "Chỉ thị số 17 của Ban Bí thư",
    ]);
  });

  it("reads a short name defined in brackets after a citation's subject as a mention of it", () => {
    const text =
      "Thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy về việc tăng cường quản lý khoáng sản (viết tắt là Chỉ thị 11), Ủy ban nhân dân tỉnh ban hành Kế hoạch.";
    const doc = extractDocument(text);
    expect(doc.citations.map((c) => [c.quote, c.symbol, c.shortFormOf ? "short form" : "full"])).toEqual([
      ["Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy", "11-CT/TU", "full"],
      ["Chỉ thị 11", "11-CT/TU", "short form"],
    ]);
  });

  it("ends a citation's subject at a comma before another capitalised document", () => {
    const text =
      "Căn cứ Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế tư nhân, Nghị quyết Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030; Ban Thường vụ Tỉnh ủy Ninh Bình ban hành.";
    const doc = extractDocument(text);
    expect(doc.citations[0]?.title).toBe("về phát triển kinh tế tư nhân");
    expect(named(text).filter(([kind]) => kind === "congress")).toEqual([
      [
        "congress",
        "Nghị quyết Đại hội Đảng bộ tỉnh Ninh Bình lần thứ I",
        "congress|dang-bo-tinh-ninh-binh|I",
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ I",
      ],
    ]);
  });

  it("does not take a year for a number", () => {
    const doc = extractDocument("Kết quả thực hiện Nghị quyết 2022 của Hội đồng nhân dân tỉnh.");
    expect(doc.namedReferences.filter((r) => r.kind === "number-only")).toEqual([]);
  });
});

describe("documents named by their identity (category 7)", () => {
  const NAMED: readonly (readonly [string, (string | null)[][]])[] = [
    // the Constitution, with its year; a mention without a year takes the only year written
    [
      "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013; bảo đảm quyền con người theo Hiến pháp.",
      [
        [
          "constitution",
          "Hiến pháp",
          "HP|Hiến pháp|2013",
          "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013",
        ],
        ["constitution", "Hiến pháp", "HP|Hiến pháp|2013", "Hiến pháp"],
      ],
    ],
    [
      "Căn cứ Hiến pháp năm 1992 đã được sửa đổi.",
      [["constitution", "Hiến pháp", "HP|Hiến pháp|1992", "Hiến pháp năm 1992"]],
    ],
    // charters: the Party's and the mass organisations', named with a capital
    [
      "Căn cứ Điều lệ Đảng Cộng sản Việt Nam; Điều 6 Điều lệ Đảng; Điều lệ Hội Nông dân Việt Nam và Điều lệ Đoàn.",
      [
        ["charter", "Điều lệ Đảng", null, "Điều lệ Đảng Cộng sản Việt Nam"],
        ["charter", "Điều lệ Đảng", null, "Điều lệ Đảng"],
        ["charter", "Điều lệ Hội Nông dân Việt Nam", null, "Điều lệ Hội Nông dân Việt Nam"],
        ["charter", "Điều lệ Đoàn", null, "Điều lệ Đoàn"],
      ],
    ],
    // not charters: a company's charter capital, a school's regulation, a bar association
    ["Công ty tăng vốn điều lệ; áp dụng Điều lệ trường trung học; Điều lệ Đoàn luật sư.", []],
    // congress resolutions: national, provincial with the province of the text or the one named
    [
      "Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020 - 2025, Tỉnh ủy Thanh Hóa ban hành.",
      [
        [
          "congress",
          "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
          "congress|toan-quoc|XIII",
          "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        ],
        [
          "congress",
          "Nghị quyết Đại hội Đảng bộ tỉnh Thanh Hóa lần thứ XX",
          "congress|dang-bo-tinh-thanh-hoa|XX",
          "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX",
        ],
      ],
    ],
    [
      "quyết tâm thực hiện thắng lợi Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội Đảng bộ thành phố Hà Nội lần thứ XVII.",
      [
        [
          "congress",
          "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
          "congress|toan-quoc|XIII",
          "Nghị quyết Đại hội XIII của Đảng",
        ],
        [
          "congress",
          "Nghị quyết Đại hội Đảng bộ thành phố Hà Nội lần thứ XVII",
          "congress|dang-bo-thanh-pho-ha-noi|XVII",
          "Nghị quyết Đại hội Đảng bộ thành phố Hà Nội lần thứ XVII",
        ],
      ],
    ],
    // a district congress: its district is not written, so no identity beyond its name
    [
      "Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XXIV, nhiệm kỳ 2020 - 2025.",
      [
        [
          "congress",
          "Nghị quyết Đại hội Đảng bộ huyện lần thứ XXIV",
          null,
          "Nghị quyết Đại hội Đảng bộ huyện lần thứ XXIV",
        ],
      ],
    ],
    // the documents of a congress, named with a capital congress
    [
      "phổ biến quán triệt các văn kiện Đại hội Đảng toàn quốc lần thứ IX.",
      [
        [
          "congress",
          "Văn kiện Đại hội đại biểu toàn quốc lần thứ IX của Đảng",
          "congress-documents|toan-quoc|IX",
          "văn kiện Đại hội Đảng toàn quốc lần thứ IX",
        ],
      ],
    ],
    // not references: the document's own title in capitals, a sentence about what a congress decided
    ["NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH BẮC GIANG LẦN THỨ XIX\nĐIỀU LỆ ĐẢNG", []],
    ["Nghị quyết Đại hội đã giao cho Ban Chấp hành Đảng bộ quận nhiệm kỳ 2000 – 2005 trách nhiệm.", []],
    // an event is not a document, nor a resolution without a congress number
    ["Chuẩn bị Đại hội thể dục thể thao toàn quốc lần thứ IX; thực hiện Nghị quyết đại hội các cấp.", []],
  ];
  it.each(NAMED)("%j", (text, expected) => {
    const found = named(text).filter(
      ([kind]) => kind === "constitution" || kind === "charter" || kind === "congress",
    );
    expect(found).toEqual(expected);
  });
});
