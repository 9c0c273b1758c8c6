import { describe, expect, it } from "vitest";
import { KNOWN_DOCUMENTS } from "../../../src/extract/index.js";
import { seedDocument, seedText } from "./seed-fixture.js";

// Named references of the seed: task, kind, normalised name, symbol it resolves to (or null).
const NAMED: readonly (readonly [string | null, string, string, string | null])[] = [
  [null, "alias", "Kết luận Hội nghị Trung ương 4 khóa XIII", "21-KL/TW"],
  [
    "II.1",
    "strategy",
    "Chiến lược tổng thể thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19",
    null,
  ],
  ["II.2.1", "alias", "Nghị quyết Trung ương 4 khóa XII", "04-NQ/TW"],
  ["II.2.1", "alias", "Nghị quyết Trung ương 4 khóa XI", null],
  ["II.2.1", "alias", "Nghị quyết Trung ương 4 khóa XII", "04-NQ/TW"],
  ["II.2.1", "alias", "Nghị quyết Trung ương 4 khóa XIII", null],
  [
    "II.2.2",
    "project",
    'Đề án "phát triển đội ngũ cán bộ khoa học công nghệ, cán bộ nữ, cán bộ trẻ, cán bộ dân tộc thiểu số"',
    null,
  ],
  [
    "II.2.2",
    "project",
    'Đề án "nâng cao chất lượng đội ngũ cán bộ cơ sở; cán bộ chuyên môn sâu tham mưu trực tiếp tại các cơ quan chuyên môn, giúp việc của cấp ủy, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp"',
    null,
  ],
  ["II.2.3", "alias", "Nghị quyết Trung ương 4", null],
  ["II.2.3", "alias", "Quy định những điều đảng viên không được làm", "37-QĐ/TW"],
  ["II.2.5", "other", "Quy chế công tác dân vận của hệ thống chính trị", null],
  ["II.2.5", "other", "Quy chế dân chủ ở cơ sở", null],
  ["II.3.3", "programme", "Chương trình mục tiêu quốc gia về xây dựng nông thôn mới", null],
  ["II.3.3", "programme", "Chương trình OCOP", null],
  ["II.3.5", "plan", "Quy hoạch tỉnh Quảng Ninh thời kỳ 2021 - 2030, tầm nhm đến năm 2050", null],
  ["II.3.5", "plan", "Quy hoạch Khu kứih tế ven biên Quảng Yên", null],
  ["II.4.3", "project", "Đề án chuyển đổi số toàn diện tỉnh Quảng Ninh", null],
  ["II.4.3", "programme", "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030", null],
  ["II.4.3", "project", "Đề án thành lập Khu công nghệ thông tin tập trung của tỉnh", null],
];

describe("seed: references by name", () => {
  const doc = seedDocument();

  it("finds the hand-checked named references, in reading order", () => {
    expect(doc.namedReferences.map((r) => [r.task, r.kind, r.name, r.resolvedSymbol])).toEqual(NAMED);
  });

  it("resolves Nghị quyết Trung ương 4 khóa XII (OCR 'khóa xn') to 04-NQ/TW with its source", () => {
    const r = doc.namedReferences.find((x) => x.quote === "Nghị quyết Trung ương 4 khóa xn")!;
    expect(r.resolvedKey).toBe("NQ|04-NQ/TW|2016");
    expect(r.resolvedBy).toContain("04-NQ/TW ngày 30/10/2016");
    expect(r.date).toBe("2016-10-30");
  });

  it("resolves Kết luận Hội nghị Trung ương 4 khóa XIII (OCR 'khóa xm') to 21-KL/TW", () => {
    const r = doc.namedReferences.find((x) => x.name === "Kết luận Hội nghị Trung ương 4 khóa XIII")!;
    expect(r.resolvedKey).toBe("KL|21-KL/TW|2021");
    expect(r.quote).toBe("Kết luận Hội nghị Trung ương 4 \nkhóa xm");
    expect(r.task).toBeNull();
  });

  it("reads 'Nghị quyết Trung ương 4 (khóa XI, XII, xm)' as three documents, khóa XI unresolved", () => {
    const three = doc.namedReferences.filter(
      (x) => x.quote === "Nghị quyết \nTrung ương 4 (khóa XI, XII, xm)",
    );
    expect(three.map((x) => [x.name, x.resolvedSymbol])).toEqual([
      ["Nghị quyết Trung ương 4 khóa XI", null],
      ["Nghị quyết Trung ương 4 khóa XII", "04-NQ/TW"],
      ["Nghị quyết Trung ương 4 khóa XIII", null],
    ]);
  });

  it("resolves a title standing for a document cited earlier in the text", () => {
    const r = doc.namedReferences.find((x) => x.name === "Quy định những điều đảng viên không được làm")!;
    expect(r.resolvedKey).toBe("QĐi|37-QĐ/TW|2021");
    expect(r.resolvedBy).toMatch(/^title of the citation at \[\d+, \d+\]/);
  });

  it("ships every known fact with a source", () => {
    for (const fact of KNOWN_DOCUMENTS) expect(fact.source.length).toBeGreaterThan(20);
    expect(KNOWN_DOCUMENTS.find((f) => f.term === "XI")?.symbol).toBeNull();
  });

  it("quotes every named reference exactly", () => {
    for (const r of doc.namedReferences) expect(seedText.slice(r.span[0], r.span[1])).toBe(r.quote);
  });
});

// The 16 targets of I.2: ordinal, group, quantities as [value, upper bound, unit, comparator].
type Q = readonly [number, number | null, string | null, string | null];
const TARGETS: readonly (readonly [number, string, readonly Q[]])[] = [
  [
    1,
    "xây dựng Đảng",
    [
      [90, null, "%", "đạt"],
      [20, null, "%", null],
    ],
  ],
  [
    2,
    "xây dựng Đảng",
    [
      [80, null, "%", "đạt"],
      [20, null, "%", null],
    ],
  ],
  [3, "xây dựng Đảng", [[3, 3.5, "%", "tăng"]]],
  [4, "kinh tế", [[10, null, "%", "trên"]]],
  [5, "kinh tế", [[52600, null, "tỷ đồng", "không thấp hơn"]]],
  [
    6,
    "kinh tế",
    [
      [10, null, "%", "tăng trên"],
      [1.5, null, "tỷ USD", "ít nhất"],
    ],
  ],
  [7, "kinh tế", [[11, null, "%", "khoảng"]]],
  [8, "kinh tế", [[68.5, null, "%", "đạt"]]],
  [9, "kinh tế", []],
  [
    10,
    "xã hội",
    [
      [85.85, null, "%", "đạt"],
      [47.5, null, "%", "đạt"],
    ],
  ],
  [
    11,
    "xã hội",
    [
      [55, null, "giường bệnh/1 vạn dân", "đạt"],
      [14.9, null, "bác sỹ/1 vạn dân", null],
      [2.7, null, "dược sỹ đại học/1 vạn dân", null],
      [23.5, null, "điều dưỡng/1 vạn dân", "trên"],
      [95, null, "%", "trên"],
    ],
  ],
  [
    12,
    "xã hội",
    [
      [0.11, null, "%", "đạt"],
      [411, null, "hộ", "giảm"],
    ],
  ],
  [
    13,
    "xã hội",
    [
      [4, null, "xã", "thêm"],
      [3, null, "xã", null],
      [4, null, "đơn vị cấp huyện", null],
    ],
  ],
  [
    14,
    "môi trường",
    [
      [98, null, "%", "đạt"],
      [99, null, "%", "trên"],
    ],
  ],
  [15, "môi trường", [[97, null, "%", "đạt"]]],
  [16, "môi trường", [[55, null, "%", "đạt"]]],
];

describe("seed: targets", () => {
  const doc = seedDocument();

  it("finds the 16 targets of I.2", () => {
    expect(doc.targets.map((t) => t.ordinal)).toEqual(TARGETS.map(([n]) => n));
    for (const t of doc.targets) expect(t.task).toBe("I.2");
  });

  it.each(TARGETS)("(%i) belongs to %s with its quantities", (ordinal, group, quantities) => {
    const t = doc.targets.find((x) => x.ordinal === ordinal)!;
    expect(t.group).toBe(group);
    expect(t.quantities.map((q) => [q.value, q.valueMax ?? null, q.unit, q.comparator])).toEqual(quantities);
    expect(seedText.slice(t.span[0], t.span[1])).toBe(t.quote);
    expect(t.quote.startsWith(`(${ordinal})`)).toBe(true);
    for (const q of t.quantities) expect(seedText.slice(q.span[0], q.span[1])).toBe(q.quote);
  });

  it("reads OCR-damaged units: 'ƯSD', 'l vạn'", () => {
    const t6 = doc.targets.find((x) => x.ordinal === 6)!;
    expect(t6.quantities[1]?.quote).toBe("1,5 tỷ \nƯSD");
    const t11 = doc.targets.find((x) => x.ordinal === 11)!;
    expect(t11.quantities[0]?.quote).toBe("55 giường bệnh/l vạn dân");
  });

  it("ends a target before the next group's introduction", () => {
    expect(doc.targets.find((x) => x.ordinal === 3)?.text).toBe(
      "Số lượng đảng viên mới được kết nạp tăng từ 3 - 3,5% so với đầu năm.",
    );
    expect(
      doc.targets
        .find((x) => x.ordinal === 13)
        ?.quote.endsWith("tỉnh Quảng Ninh hoàn thành nhiệm vụ xây dựng nông thôn mới."),
    ).toBe(true);
  });
});

describe("seed: responsibilities and deadlines", () => {
  const doc = seedDocument();

  it.each([
    ["III.1", ["dang-doan-hoi-dong-nhan-dan-tinh-quang-ninh"], "chỉ đạo thể chế hóa Nghị quyết", []],
    [
      "III.1",
      [
        "ban-can-su-dang-uy-ban-nhan-dan-tinh-quang-ninh",
        "huyen-uy-quang-ninh",
        "thi-uy-quang-ninh",
        "thanh-uy-quang-ninh",
        "dang-uy-truc-thuoc-quang-ninh",
        "ban-xay-dung-dang-cua-tinh-uy-quang-ninh",
        "mat-tran-to-quoc-quang-ninh",
        "to-chuc-chinh-tri-xa-hoi-tinh-quang-ninh",
      ],
      "căn cứ Nghị quyết này",
      ["2021-12-31"],
    ],
    [
      "III.2",
      [
        "ban-tuyen-giao-tinh-uy-quang-ninh",
        // "Sở Thông tín Truyền thông": OCR damage and a dropped "và", repaired to the department (#20)
        "so-thong-tin-va-truyen-thong-quang-ninh",
        "trung-tam-truyen-thong-tinh-quang-ninh",
      ],
      "chủ trì, phối hợp",
      [],
    ],
    ["III.3", ["uy-ban-kiem-tra-tinh-uy-quang-ninh"], "thực hiện việc giám sát", []],
    [
      "III.3",
      ["ban-xay-dung-dang-quang-ninh", "van-phong-tinh-uy-quang-ninh"],
      "theo chức năng nhiệm vụ",
      [],
    ],
    [
      "III.4",
      ["uy-vien-ban-chap-hanh-dang-bo-tinh-quang-ninh", "uy-vien-ban-thuong-vu-tinh-uy-quang-ninh"],
      "theo chức năng",
      [],
    ],
  ] as const)("%s charges %j with a duty starting %j", (task, orgs, dutyStart, dates) => {
    const r = doc.responsibilities.find((x) => x.task === task && x.organizations[0]?.key === orgs[0])!;
    expect(r.organizations.map((o) => o.key)).toEqual(orgs);
    expect(r.duty.startsWith(dutyStart)).toBe(true);
    expect(r.deadlines.map((d) => d.date)).toEqual(dates);
  });

  it("continues a duty into the next sentence when it names no body", () => {
    const r = doc.responsibilities.find((x) => x.duty.startsWith("căn cứ"))!;
    expect(r.duty).toContain(
      "Định kỳ hằng quý tiến hành đánh giá, sơ kết việc triển khai, báo cáo Ban Thường vụ Tỉnh ủy",
    );
  });

  it.each([
    ["II.3.3", null, "2022", "trong năm 2022"],
    ["II.3.4", "2022-12-31", null, "đến 31/12/2022"],
    ["II.3.4", null, "2022-Q3", "đến hết Quý III/2022"],
    ["II.4.3", null, "2022", "Đến hết năm 2022"],
    ["III.1", "2021-12-31", null, "hoàn thành trước ngày 31/12/2021"],
  ])("deadline in %s: date %j, period %j (%s)", (task, date, period, quote) => {
    const d = (doc.deadlines ?? []).find((x) => x.quote === quote)!;
    expect([d.task, d.date, d.period]).toEqual([task, date, period]);
    expect(seedText.slice(d.span[0], d.span[1])).toBe(quote);
  });
});
