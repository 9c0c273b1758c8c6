import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { extractDocument, type Target } from "../../../src/extract/index.js";
import { planYearOf } from "../../../src/extract/items/scan-targets.js";
import { indicatorByKey, indicatorFor, indicatorIn } from "../../../src/extract/vocabulary/indicators.js";
import { foldKey } from "../../../src/extract/text/fold-vietnamese.js";

// Targets read where real resolutions print them, outside a "(1) … (n)" list (#20), with the
// indicator normalised and the year they are for. Expected values written from the texts (sources
// named with each case), not from the extractor.

const CORPUS = "../shared/corpus/";
const read = (file: string) => fs.readFileSync(CORPUS + file, "utf8");
const quantities = (t: Target) =>
  t.quantities.map((q) => [q.value, q.valueMax ?? null, q.unit, q.comparator] as const);
const holding = (targets: Target[], quote: string) =>
  targets.find((t) => t.quantities.some((q) => q.quote === quote));

describe("targets in running text: Gia Lai, 54/2017/NQ-HĐND (hdnd_resolutions/54-2017-nq-hđnd.md)", () => {
  const text = read("hdnd_resolutions/54-2017-nq-hđnd.md");
  const doc = extractDocument(text);

  it("'đảm bảo tốc độ tăng trưởng kinh tế (GRDP) đạt 7,52% trở lên': GRDP growth, at least 7,52 %, for the plan year 2017", () => {
    // lines 123–124: "Trong đó, đảm bảo tốc độ tăng trưởng kinh tế (GRDP) đạt 7,52% trở lên, thu ngân
    // sách nhà nước trên địa bàn phấn đấu đạt trên 4.000 tỷ đồng."
    const grdp = holding(doc.targets, "7,52% trở lên")!;
    expect(quantities(grdp)).toEqual([[7.52, null, "%", "trở lên"]]);
    expect(grdp.indicator).toBe("grdp-growth");
    expect(grdp.year).toBe(2017);
    expect(grdp.task).toBe("Điều 1.II.1.1");
    expect(text.slice(grdp.span[0], grdp.span[1])).toBe(grdp.quote);
    // the comma parts two targets: the budget revenue is its own
    const budget = holding(doc.targets, "4.000 tỷ đồng")!;
    expect(budget).not.toBe(grdp);
    expect(quantities(budget)).toEqual([[4000, null, "tỷ đồng", "trên"]]);
    expect(budget.indicator).toBe("budget-revenue");
  });

  it("results of the first half-year are no targets ('(GRDP) ước đạt 8,97% (cùng kỳ năm 2016 đạt 5,83%)')", () => {
    for (const quote of ["8,97%", "5,83%"]) expect(holding(doc.targets, quote)).toBeUndefined();
    // every target stands in section II (the tasks of the second half-year), none in I (the review)
    for (const t of doc.targets) expect(t.task).toMatch(/^Điều 1\.II\./);
  });

  it("'Phấn đấu 22 xã đã đăng ký sẽ đạt chuẩn nông thôn mới trong năm 2017': communes meeting the new-rural standard", () => {
    const t = holding(doc.targets, "22 xã")!;
    expect(t.indicator).toBe("new-rural-communes");
    expect(t.year).toBe(2017);
  });
});

describe("targets of a section of targets: Đồng Tháp, 124/2017/NQ-HĐND (hdnd_resolutions/124-2017-nq-hđnd.md)", () => {
  const doc = extractDocument(read("hdnd_resolutions/124-2017-nq-hđnd.md"));

  it("'- Đến năm 2025: Phấn đấu toàn tỉnh có 27 đô thị … Tỷ lệ đô thị hóa khoảng 44%': each number a target of 2025", () => {
    const areas = holding(doc.targets, "27 đô thị")!;
    expect(quantities(areas)[0]).toEqual([27, null, "đô thị", null]);
    expect(areas.indicator).toBe("urban-areas");
    expect(areas.year).toBe(2025);
    const land = holding(doc.targets, "khoảng 12.100ha".slice("khoảng ".length))!;
    expect(quantities(land)).toEqual([[12100, null, "ha", "khoảng"]]);
    expect(land.indicator).toBe("urban-construction-land");
    const population = holding(doc.targets, "820.000 người")!;
    expect(population.indicator).toBe("urban-population");
    expect(population.year).toBe(2025);
    const rate = holding(doc.targets, "44%")!;
    expect(quantities(rate)).toEqual([[44, null, "%", "khoảng"]]);
    expect(rate.indicator).toBe("urbanisation-rate");
    expect(rate.year).toBe(2025);
  });

  it("a comparator after the number: 'Tỷ lệ giao thông so với diện tích đất xây dựng đô thị từ 25% trở lên' (2030)", () => {
    const t = holding(doc.targets, "25% trở lên")!;
    expect(quantities(t)).toEqual([[25, null, "%", "trở lên"]]);
    expect(t.indicator).toBe("urban-transport-land-ratio");
    expect(t.year).toBe(2030);
  });

  it("'và 70% lượng nước thải sinh hoạt được thu gom và xử lý' is its own target beside the drainage coverage", () => {
    const saying = (words: string) => doc.targets.find((t) => t.text.includes(words))!;
    // lines of the 2030 list: "Tỷ lệ bao phủ của hệ\nthống thoát nước đạt 95% diện tích … và 70%\nlượng nước thải …"
    const drainage = saying("hệ thống thoát nước đạt 95%");
    expect(drainage.indicator).toBe("drainage-coverage");
    expect(drainage.text).not.toContain("70%");
    const wastewater = saying("70% lượng nước thải");
    expect(wastewater.indicator).toBe("wastewater-treated");
    expect(wastewater.year).toBe(2030);
  });

  it("a total after its lead: 'Nhu cầu vốn đầu tư phát triển đô thị toàn tỉnh: khoảng 80.731,007 tỷ đồng', for the programme's horizon 2030", () => {
    const t = holding(doc.targets, "80.731,007 tỷ đồng")!;
    expect(quantities(t)).toEqual([[80731.007, null, "tỷ đồng", "khoảng"]]);
    expect(t.year).toBe(2030);
  });
});

describe("targets of the data-centre resolution 175/NQ-CP (congbao_phapluat-8chude/docs/bhxh/nghi-quyet-so-175-nq-cp-40286.txt)", () => {
  const doc = extractDocument(read("congbao_phapluat-8chude/docs/bhxh/nghi-quyet-so-175-nq-cp-40286.txt"));

  it("'Đến năm 2025, Việt Nam thuộc nhóm: 70 nước dẫn đầu về Chính phủ điện tử (EGDI)': a rank, at most 70, 2025", () => {
    const t = holding(doc.targets, "70 nước dẫn đầu")!;
    expect(quantities(t)).toEqual([[70, null, "hạng", "không quá"]]);
    expect(t.indicator).toBe("egdi-rank");
    expect(t.year).toBe(2025);
  });

  it("a horizon carries over the next sentences: 'Đến năm 2025, tối thiểu 80% … Cắt giảm tối thiểu 20% …'", () => {
    expect(holding(doc.targets, "80%")?.year).toBe(2025);
    const cut = holding(doc.targets, "20%")!;
    expect(quantities(cut)).toEqual([[20, null, "%", "ít nhất"]]);
    expect(cut.year).toBe(2025);
    expect(holding(doc.targets, "95%")?.indicator).toBe("administrative-satisfaction");
  });
});

describe("the seed keeps its 16 numbered targets, now with indicators", () => {
  const doc = extractDocument(fs.readFileSync("seeds/quang-ninh-2022-phuong-huong-nhiem-vu.txt", "utf8"));

  it("(4) GRDP growth, (5) budget revenue, (8) urbanisation rate, (16) forest cover, all for 2022", () => {
    expect(doc.targets.map((t) => t.ordinal)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    ]);
    const of = (n: number) => doc.targets[n - 1]!;
    expect(of(4).indicator).toBe("grdp-growth"); // "Tốc độ táng trưởng (GRDP) đạt trên 10%" (OCR "táng")
    expect(of(5).indicator).toBe("budget-revenue");
    expect(of(8).indicator).toBe("urbanisation-rate");
    expect(of(16).indicator).toBe("forest-cover");
    expect(of(9).indicator).toBeNull(); // "Giữ vững vị trí nhóm đứng đầu … PCI": no number, no indicator of the vocabulary
    for (const t of doc.targets) expect(t.year).toBe(2022);
  });
});

describe("the indicator vocabulary", () => {
  it.each([
    ["Tốc độ tăng trưởng (GRDP) đạt trên 10%", "grdp-growth"],
    ["tốc độ tăng trưởng kinh tế (GRDP) đạt 7,52% trở lên", "grdp-growth"],
    ["GRDP bình quân đầu người đạt 30,3 triệu đồng, tăng trên 6,8%", "grdp-per-capita"],
    ["Tổng thu ngân sách nhà nước trên địa bàn không thấp hơn 52.600 tỷ đồng", "budget-revenue"],
    ["Tỷ lệ đô thị hóa khoảng 48%", "urbanisation-rate"],
    ["tỷ lệ hộ nghèo giảm 1,5%", "poverty-rate"],
    ["Giữ vững tỷ lệ che phủ rừng đạt 55%", "forest-cover"],
    ["nâng tỷ lệ bao phủ của bảo hiểm y tế đạt 78%", "health-insurance-coverage"],
    ["Tổng vốn đầu tư toàn xã hội tăng trên 10%", "investment"],
    ["kinh tế số Việt Nam đạt khoảng 20% GDP", "digital-economy-share"],
    // the form that starts first names it: a ratio of transport land to urban land
    ["Tỷ lệ giao thông so với diện tích đất xây dựng đô thị từ 20% trở lên", "urban-transport-land-ratio"],
  ])("%s → %s", (text, key) => {
    expect(indicatorIn(foldKey(text))?.key).toBe(key);
  });

  it("names nothing in words of no indicator; a unit alone names the number of urban areas", () => {
    expect(
      indicatorIn(foldKey("Các cơ sở gây ô nhiễm môi trường nghiêm trọng được xử lý đạt 95%")),
    ).toBeNull();
    expect(indicatorFor("phan dau toan tinh co", "phan dau toan tinh co 23 do thi", "đô thị")?.key).toBe(
      "urban-areas",
    );
  });

  it("every key is unique and has a label", () => {
    expect(indicatorByKey.size).toBeGreaterThan(30);
    for (const [key, entry] of indicatorByKey) {
      expect(key).toMatch(/^[a-z0-9-]+$/);
      expect(entry.label.length).toBeGreaterThan(3);
    }
  });
});

describe("the year a document plans for", () => {
  it.each([
    ["về phương hướng, nhiệm vụ năm 2022", 2021, 2022],
    [
      "về tình hình thực hiện nhiệm vụ 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2017",
      2017,
      2017,
    ],
    [
      "về việc thông qua chương trình phát triển đô thị tỉnh Đồng Tháp đến năm 2020 và định hướng đến năm 2030",
      2017,
      2030,
    ],
    ["về việc thông qua đề án quy tụ các hộ … giai đoạn 2018 - 2020", 2017, 2020],
    ["Phê duyệt Đề án Trung tâm dữ liệu quốc gia", 2023, 2023],
  ])("%s (issued %i) → %i", (title, year, expected) => {
    expect(planYearOf(title, year)).toBe(expected);
  });
});
