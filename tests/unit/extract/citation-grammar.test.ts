import { describe, expect, it } from "vitest";
import { extractCitations, extractDocument } from "../../../src/extract/index.js";

interface Expected {
  symbol: string;
  type?: string;
  date?: string | null;
  issuer?: string | null;
  key?: string;
  title?: string | null;
  relation?: string | null;
  warnings?: string[];
}

// Free-standing references and short passages in the styles of State and Party documents.
const CASES: readonly (readonly [string, Expected[]])[] = [
  [
    "Nghị quyết số 26-NQ/TW ngày 19/5/2019",
    [{ symbol: "26-NQ/TW", type: "Nghị quyết", date: "2019-05-19", issuer: null, key: "NQ|26-NQ/TW|2019" }],
  ],
  [
    "NQ 128/NQ-CP",
    [
      {
        symbol: "128/NQ-CP",
        type: "Nghị quyết",
        issuer: "chinh-phu",
        key: "NQ|128/NQ-CP|?",
        warnings: ["no-year"],
      },
    ],
  ],
  ["128/NQ-CP", [{ symbol: "128/NQ-CP", type: "Nghị quyết", issuer: "chinh-phu", key: "NQ|128/NQ-CP|?" }]],
  ["Nghị quyết 128", [{ symbol: "128", type: "Nghị quyết", key: "NQ|128|?", warnings: ["number-only"] }]],
  ["1909/qd-ttg", [{ symbol: "1909/QĐ-TTg", type: "Quyết định", issuer: "thu-tuong-chinh-phu" }]],
  [
    "Chỉ thị số 16-\nCT/TU ngày 15/9/2021",
    [{ symbol: "16-CT/TU", date: "2021-09-15", key: "CT|16-CT/TU|2021" }],
  ],
  ["Nghị quyết số 15- NQ/TU ngày 23/4/2019 của Tỉnh \nủy", [{ symbol: "15-NQ/TU", issuer: "tinh-uy" }]],
  // State normative numbers: the year is in the symbol
  ["Nghị quyết số 16/2021/NQ-HĐND", [{ symbol: "16/2021/NQ-HĐND", key: "NQ|16/2021/NQ-HĐND|2021" }]],
  [
    "Thông tư 15/2024/TT-NHNN",
    [
      {
        symbol: "15/2024/TT-NHNN",
        type: "Thông tư",
        issuer: "ngan-hang-nha-nuoc-viet-nam",
        key: "TT|15/2024/TT-NHNN|2024",
      },
    ],
  ],
  [
    "Căn cứ Thông tư số 19/2017/TT-BTC ngày 28 tháng 02 năm 2017 của Bộ trưởng Bộ Tài chính quy định việc lập dự toán;",
    [
      {
        symbol: "19/2017/TT-BTC",
        date: "2017-02-28",
        issuer: "bo-tai-chinh",
        title: "quy định việc lập dự toán",
        relation: "căn cứ",
      },
    ],
  ],
  // dates written out in words, across a line break, citation at the end of a line
  [
    "Căn cứ Nghị định số\n81/2013/NĐ-CP ngày 19 tháng 7 năm 2013 của Chính phủ quy định chi tiết một số\nđiều và biện pháp thi hành Luật Xử lý vi phạm hành chính;",
    [
      {
        symbol: "81/2013/NĐ-CP",
        type: "Nghị định",
        date: "2013-07-19",
        issuer: "chinh-phu",
        key: "NĐ|81/2013/NĐ-CP|2013",
        relation: "căn cứ",
      },
    ],
  ],
  [
    "Nghị quyết số 46/2016/NQ-HĐND ngày 28 tháng 7 năm\n2016 của Hội đồng nhân dân tỉnh",
    [{ symbol: "46/2016/NQ-HĐND", date: "2016-07-28", issuer: "hoi-dong-nhan-dan-tinh" }],
  ],
  // Quy định and Quyết định share the QĐ code: the word decides
  [
    "Quy định số 37-QĐ/TW ngày 25/10/2021",
    [{ symbol: "37-QĐ/TW", type: "Quy định", key: "QĐi|37-QĐ/TW|2021" }],
  ],
  [
    "Quyết định số 37-QĐ/TW ngày 25/10/2021",
    [{ symbol: "37-QĐ/TW", type: "Quyết định", key: "QĐ|37-QĐ/TW|2021" }],
  ],
  [
    "Quy định số 205-QĐi/TW ngày 23/9/2019",
    [{ symbol: "205-QĐi/TW", type: "Quy định", key: "QĐi|205-QĐi/TW|2019" }],
  ],
  // Công văn: number / issuer - unit, no type code
  [
    "Công văn số 123/UBND-TH ngày 05/01/2022",
    [{ symbol: "123/UBND-TH", type: "Công văn", key: "CV|123/UBND-TH|2022" }],
  ],
  [
    "Thông tư liên tịch số 09/2016/TTLT-BLĐTBXH-BTC",
    [{ symbol: "09/2016/TTLT-BLĐTBXH-BTC", type: "Thông tư liên tịch" }],
  ],
  [
    "Luật số 45/2019/QH14",
    [{ symbol: "45/2019/QH14", type: "Luật", issuer: "quoc-hoi", key: "Luật|45/2019/QH14|2019" }],
  ],
  [
    "Căn cứ Luật bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008;",
    [{ symbol: "25/2008/QH12", type: "Luật", title: "Luật Bảo hiểm y tế", date: "2008-11-14" }],
  ],
  // lists share a type, an issuer, and ("cùng ngày") a date
  [
    "các nghị quyết số 03-NQ/TU ngày 23/3/2021, số 04-NQ/TU ngày 24/3/2021 của Ban Thường vụ Tỉnh ủy",
    [
      { symbol: "03-NQ/TU", type: "Nghị quyết", issuer: "ban-thuong-vu-tinh-uy", date: "2021-03-23" },
      { symbol: "04-NQ/TU", type: "Nghị quyết", issuer: "ban-thuong-vu-tinh-uy", date: "2021-03-24" },
    ],
  ],
  [
    "Chỉ thị số 05-CT/TW, Kết luận 01-KL/TW của Bộ Chính trị",
    [
      { symbol: "05-CT/TW", type: "Chỉ thị", issuer: "bo-chinh-tri", key: "CT|05-CT/TW|?" },
      { symbol: "01-KL/TW", type: "Kết luận", issuer: "bo-chinh-tri" },
    ],
  ],
  [
    "Quyết định số 10/QĐ-TTg và số 11/QĐ-TTg cùng ngày 05/01/2020 của Thủ tướng Chính phủ",
    [
      { symbol: "10/QĐ-TTg", date: "2020-01-05", issuer: "thu-tuong-chinh-phu", key: "QĐ|10/QĐ-TTg|2020" },
      { symbol: "11/QĐ-TTg", date: "2020-01-05", issuer: "thu-tuong-chinh-phu" },
    ],
  ],
  // a shared issuer is not given to a member whose code names another body
  [
    "Nghị quyết số 128/NQ-CP và Chỉ thị số 18-CT/TU của Ban Thường vụ Tỉnh ủy",
    [
      { symbol: "128/NQ-CP", issuer: "chinh-phu" },
      { symbol: "18-CT/TU", issuer: "ban-thuong-vu-tinh-uy" },
    ],
  ],
  // disagreements are warned about, never silently fixed
  [
    "Quyết định số 27/2018/QĐ-TTg ngày 06/7/2018 của Chính phủ",
    [{ symbol: "27/2018/QĐ-TTg", issuer: "chinh-phu", warnings: ["issuer-mismatch"] }],
  ],
  [
    "Thông tư số 06/2024/NĐ-CP ngày 30 tháng 7 năm 2024",
    [{ symbol: "06/2024/NĐ-CP", type: "Thông tư", warnings: ["type-mismatch"] }],
  ],
  [
    "Nghị định số 134/2016/NĐ-CP ngày 01 tháng 9 năm 2026",
    [{ symbol: "134/2016/NĐ-CP", key: "NĐ|134/2016/NĐ-CP|2016", warnings: ["year-mismatch"] }],
  ],
  [
    "Nghị quyết số 12/NQ-CP ngày 31/02/2021",
    [{ symbol: "12/NQ-CP", date: null, warnings: ["bad-date", "no-year"] }],
  ],
];

describe("the citation grammar on references as people write them", () => {
  it.each(CASES)("%j", (input, expected) => {
    const { citations } = extractCitations(input);
    expect(citations).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      const c = citations[i]!;
      expect(c.symbol).toBe(e.symbol);
      if (e.type !== undefined) expect(c.type).toBe(e.type);
      if (e.date !== undefined) expect(c.date).toBe(e.date);
      if (e.issuer !== undefined) expect(c.issuer?.key ?? null).toBe(e.issuer);
      if (e.key !== undefined) expect(c.key).toBe(e.key);
      if (e.title !== undefined) expect(c.title).toBe(e.title);
      if (e.relation !== undefined) expect(c.relation).toBe(e.relation);
      if (e.warnings !== undefined) expect(c.warnings.map((w) => w.kind)).toEqual(e.warnings);
      expect(input.slice(c.span[0], c.span[1])).toBe(c.quote);
    });
  });
});

// Things that look like numbers with slashes or dots but cite nothing.
const NOT_CITATIONS: readonly string[] = [
  "trồng mới ít nhất 2.000 ha lim, dổi",
  "GRDP cả năm ước đạt 10,01%",
  "đến hết Quý III/2022 giải ngân đạt tối thiểu 80%",
  "nút giao Đầm Nhà Mạc (tại Km20+050, đường cao tốc Hạ Long - Hải Phòng)",
  "sử dụng 1/2 diện tích đất",
  "trực 24/7 tại các cửa khẩu",
  "giai đoạn 2021 - 2025, định hướng đến năm 2030",
  "ngày 23/3/2021",
  "Biểu số: 103/LĐVL-Sở",
  "QCVN 126:2021/BTTTT",
  "(km 6+700) đến đường tỉnh 338",
  "Ra quyết định 3 Quản lý nguồn lực",
  "Kế hoạch 6 tháng, năm tiếp theo",
  "phòng, chống dịch COVID-19, SEA Games 31",
];

describe("things that are not citations", () => {
  it.each(NOT_CITATIONS)("%j cites nothing", (input) => {
    expect(extractCitations(input).citations).toEqual([]);
    const doc = extractDocument(`1. Nhiệm vụ\n${input}\n`);
    expect(doc.citations).toEqual([]);
  });
});

describe("references by name", () => {
  it.each([
    ["Nghị quyết Trung ương 4 khóa XII", [["alias", "Nghị quyết Trung ương 4 khóa XII", "04-NQ/TW"]]],
    ["Nghị quyết Trung ương 4 khóa xn", [["alias", "Nghị quyết Trung ương 4 khóa XII", "04-NQ/TW"]]],
    [
      "Kết luận Hội nghị Trung ương 4 khóa xm",
      [["alias", "Kết luận Hội nghị Trung ương 4 khóa XIII", "21-KL/TW"]],
    ],
    ["Nghị quyết Trung ương 4 khóa XI", [["alias", "Nghị quyết Trung ương 4 khóa XI", null]]],
    [
      "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương khóa XII",
      [["alias", "Nghị quyết Trung ương 4 khóa XII", "04-NQ/TW"]],
    ],
    ["Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;", [["law", "Luật Đất đai", null]]],
    ["Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;", [["law", "Bộ luật Lao động", null]]],
    [
      "Căn cứ Luật hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;",
      [["law", "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân", null]],
    ],
    // short words whose folded forms collide: "vệ"/"về", "đô"/"do", "ma túy"/"mà", "tài"/"tại"
    ["Căn cứ Luật Bảo vệ môi trường ngày 17 tháng 11 năm 2020;", [["law", "Luật Bảo vệ môi trường", null]]],
    [
      "theo Luật Thủ đô và Luật Phòng, chống ma túy",
      [
        ["law", "Luật Thủ đô", null],
        ["law", "Luật Phòng, chống ma túy", null],
      ],
    ],
    [
      "theo quy định của Luật Quản lý, sử dụng tài sản công",
      [["law", "Luật Quản lý, sử dụng tài sản công", null]],
    ],
    [
      "theo quy định của Luật An toàn, vệ sinh lao động (sau đây gọi là",
      [["law", "Luật An toàn, vệ sinh lao động", null]],
    ],
    ["của Luật Đất đai, việc giao đất", [["law", "Luật Đất đai", null]]],
    ["Luật này có hiệu lực; Bộ luật này quy định", []],
    [
      "gắn với Đề án chuyển đổi số toàn diện tỉnh Quảng Ninh và Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030.",
      [
        ["project", "Đề án chuyển đổi số toàn diện tỉnh Quảng Ninh", null],
        ["programme", "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030", null],
      ],
    ],
  ] as const)("%j", (input, expected) => {
    const { namedReferences } = extractCitations(input);
    expect(namedReferences.map((r) => [r.kind, r.name, r.resolvedSymbol])).toEqual(expected);
    for (const r of namedReferences) expect(input.slice(r.span[0], r.span[1])).toBe(r.quote);
  });

  it("keys a law cited by name and date, and gives its date to later mentions by name", () => {
    // a made-up law, outside the corpus table of laws (known-laws.ts): its date comes from the text
    const text =
      "Căn cứ Luật Nghề thủ công ngày 01 tháng 7 năm 2021;\nĐiều 1. Phạm vi\nTheo quy định của Luật Nghề thủ công, việc phát triển làng nghề.\n";
    const laws = extractDocument(text).namedReferences.filter((r) => r.kind === "law");
    expect(laws.map((r) => [r.name, r.date, r.key])).toEqual([
      ["Luật Nghề thủ công", "2021-07-01", "Luật|Luật Nghề thủ công|2021"],
      ["Luật Nghề thủ công", "2021-07-01", "Luật|Luật Nghề thủ công|2021"],
    ]);
    expect(laws[1]?.resolvedBy).toMatch(/^earlier mention/);
  });

  it("resolves a short form to the full citation earlier in the text", () => {
    const text =
      "Căn cứ Nghị định số 81/2013/NĐ-CP ngày 19 tháng 7 năm 2013 của Chính phủ;\nĐiều 1. Áp dụng\nThực hiện theo Điều 5 Nghị định 81 và Nghị định số 99.\n";
    const doc = extractDocument(text);
    const short = doc.citations.filter((c) => c.shortFormOf);
    expect(short.map((c) => [c.quote, c.key, c.task])).toEqual([
      ["Nghị định 81", "NĐ|81/2013/NĐ-CP|2013", "Điều 1"],
    ]);
    expect(doc.warnings.filter((w) => w.kind === "unresolved-short-form").map((w) => w.message)).toEqual([
      '"Nghị định số 99" names no citation of that number in the text: kept as a partial reference',
    ]);
    // never dropped: a partial reference with its span (issue #17, category 6)
    const partial = doc.namedReferences.filter((r) => r.kind === "number-only");
    expect(partial.map((r) => [r.quote, r.typeCode, r.number, r.key, r.task])).toEqual([
      ["Nghị định số 99", "NĐ", "99", "number-only|NĐ|99|?|?", "Điều 1"],
    ]);
    expect(text.slice(...partial[0]!.span)).toBe("Nghị định số 99");
  });
});
