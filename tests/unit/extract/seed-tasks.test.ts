import { describe, expect, it } from "vitest";
import { seedDocument, seedText } from "./seed-fixture.js";

// One row per task node of the seed: code, kind, parent, title (hand-checked against the text).
const TASKS: readonly (readonly [string, string, string | null, string])[] = [
  ["I", "section", null, "MỤC TIẾU VÀ CÁC CHỈ TIÊU CHỦ YÉU"],
  ["I.1", "heading", "I", "Mục tiêu tổng quát"],
  ["I.2", "heading", "I", "Các chỉ tiêu chủ yếu"],
  ["II", "section", null, "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"],
  [
    "II.1",
    "heading",
    "II",
    "Thực hiện có hiệu quả Chiến lược tổng thể thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19",
  ],
  [
    "II.2",
    "heading",
    "II",
    'Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái vê tư tưởng chính trị, đạo đức, lối sống, biểu hiện "tự diễn biến", "tự chuyển hóa"',
  ],
  [
    "II.2.1",
    "heading",
    "II.2",
    "Tiếp tục đồi mói nội dung, nâng cao chất lượng công tác chính trị, tư tưởng, tự phê bình và phê bình; năng cao năng lực lãnh đạo, sức chiến đấu của các cấp ủy, tồ chức đảng",
  ],
  [
    "II.2.2",
    "heading",
    "II.2",
    "Tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cán bộ lãnh đạo, quản lý và người đứng đầu có đủ phẩm chất, năng lực, uy tín ngang tầm nhiệm vụ, đáp ứng yêu cầu của giai đoạn mới gắn với tiếp tục đỗi mới, sắp xếp tổ chức bộ máy của hệ thống chỉnh trị tinh gọn, hoạt động hiệu lực, hiệu quả",
  ],
  [
    "II.2.3",
    "heading",
    "II.2",
    "Tăng cường công tác kiểm tra, giảm sát, kỷ luật đảng; kiên quyết, kiên trì đấu tranh phòng, chống tham nhũng, tiêu cực, lãng phí; xử lỷ nghiêm cản bộ, đảng viên vi phạm",
  ],
  [
    "II.2.4",
    "heading",
    "II.2",
    'Xây dựng chính quyền địa phương các cấp liêm chính, phục vụ, kiến tạo phát triển, thực sự "của dân, do dân, vì dân", hoạt động hiệu lực, hiệu quả',
  ],
  [
    "II.2.5",
    "heading",
    "II.2",
    "Củng cố và phát huy sức mạnh khối đại đoàn kết toàn dân và vai trò của Mặt trận Tổ quốc, các tổ chức chính trị -xã hội, đẩy mạnh thông tin truyền thông, năng cao hiệu quả công tác dân vận, tạo đồng thuận xã hội",
  ],
  [
    "II.3",
    "heading",
    "II",
    'Đẩy mạnh chuyển đổi mô hình tăng trưởng gắn vói chuyển đổi phưong thức phát triển từ "nâu" sang "xanh", cơ cấu lại, nâng cao năng suất, chất lượng, hiệu quả, tính tự chủ, khả năng thích úng, sức cạnh tranh của nền kinh tế',
  ],
  [
    "II.3.1",
    "heading",
    "II.3",
    "Tiếp tiic cơ cấu lại khu vực công nghiệp, tăng nhanh tỷ trọng đóng góp của công nghiệp chế biến, chế tạo vào GRDP và thu ngân sách; phát triển hợp lỷ, bền vững ngành công nghiệp khai khoảng, trọng tăm là ngành Than",
  ],
  [
    "II.3.2",
    "heading",
    "II.3",
    "Phát triển dịch vụ tổng hợp hiện đại ngày càng giữ vai trò chủ đạo; khôi phục du lịch linh hoạt thích ứng, an toàn với dịch COVID-19",
  ],
  ["II.3.3", "heading", "II.3", "Phát triển kinh tế nồng nghiệp hiện đại, xây dựng nông thôn văn minh"],
  ["II.3.4", "heading", "II.3", "Nâng cao hiệu lực, hiệu quả điều hành thu, chi ngân sách và đầu tư công"],
  [
    "II.3.5",
    "heading",
    "II.3",
    "Tăng cường công tác quản lỷ nhà nước trên các lĩnh vực; quản lỷ chặt chẽ, sử dụng tiết kiệm, hiệu quả đất đai và các nguồn lực tài nguyên thiên nhiên; bảo vệ môi trường, chủ động ứng phó với biến đối khí hậu, phòng chống thiên tai",
  ],
  ["II.4", "heading", "II", "Đấy mạnh thực hiện ba đột phá chiến lược"],
  [
    "II.4.1",
    "heading",
    "II.4",
    "Tiếp tục huy động mọi nguồn lực, đa dạng hình thức đầu tư; đẩy nhanh tốc độ phát triển và hoàn thiện hệ thống kết cẩu hạ tầng kinh tế - xã hội đồng bộ, hiện đại; thúc đẩy liên kết vùng",
  ],
  [
    "II.4.2",
    "heading",
    "II.4",
    "Đổi mới căn bản, toàn diện giáo dục, đào tạo; phát triển nguồn nhân lực chất lượng cao, lao động có kỹ năng gắn với tăng nhanh quy mô và năng cao chất lumig dân sổ; đẩy mạnh ứng dụng, chuyển giao công nghệ, thúc đẩy đồi mới sáng tạo",
  ],
  [
    "II.4.3",
    "heading",
    "II.4",
    "Nâng cao chất lượng cải cách hành chính, cải thiện môi trường đầu tư kinh doanh, chất lượng thực thi chỉnh sách, pháp luật; phát triển doanh nghiệp và phát triển mạnh khu vực kinh tế tư nhân, khởi nghiệp sáng tạo",
  ],
  [
    "II.5",
    "heading",
    "II",
    'Gắn kết chặt chẽ giữa các mục tiêu tăng trưởng kinh tế với phát triển con người, xây dựng văn hóa giàu bản sắc Quảng Ninh; đảm bảo an sinh, phúc lọi, tiến bộ và công bằng xă hội, hài hòa giữa đòi sống vật chất và đòi sống văn hóa tinh thần theo các tiêu chí của "hạnb phúc"',
  ],
  [
    "II.6",
    "heading",
    "II",
    "Bảo đảm vững chắc quốc phòng, an ninh; giữ vững ổn định chính trị, trật tự an toàn xã hội, chủ quyền biên giói quốc gia; mở rộng và nâng cao hiệu quả hoạt động đôi ngoại; xây dựng biên giói hòa bình, ôn định, hữu nghị, hợp tác phát triển; xây dựng xã hội trật tự, kỷ cương, an ninh, an toàn, văn minh",
  ],
  ["III", "section", null, "TỞ CHỨC THỰC HIỆN"],
  [
    "III.1",
    "item",
    "III",
    "Đảng Đoàn Hội đồng nhân dân tỉnh chỉ đạo thể chế hóa Nghị quyết; Ban cán sự đảng ủy ban nhân dân tỉnh, các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc, các ban xây dựng Đảng của Tỉnh ủy, Mặt trận…",
  ],
  [
    "III.2",
    "item",
    "III",
    "Ban Tuyên giáo Tỉnh ủy, Sở Thông tín Truyền thông, Trung tâm Truyền thông tỉnh chủ trì, phối hợp với các cơ quan liên quan tổ chức phổ biến, tuyên truyền, việc nghiên cứu, học tập, quán triệt và việc…",
  ],
  [
    "III.3",
    "item",
    "III",
    "ủy ban kiểm tra Tỉnh ủy thực hiện việc giám sát, kiểm tra các cơ quan và người đứng đầu trong tổ chức triển khai thực hiện Nghị quyết",
  ],
  [
    "III.4",
    "item",
    "III",
    "Các đồng chí ủy viên Ban Chấp hành Đảng bộ tỉnh, ủy viên Ban Thường vụ Tỉnh ủy theo chức năng, nhiệm vụ, địa bàn, lĩnh vực được phân công, có trách nhiệm chỉ đạo triển khai thực hiện, kiểm tra, đôn…",
  ],
];

describe("seed: the task tree", () => {
  const doc = seedDocument();

  it("has exactly the hand-checked nodes, in document order", () => {
    expect(doc.tasks.map((t) => t.code)).toEqual(TASKS.map(([code]) => code));
  });

  it.each(TASKS)("%s is a %s under %s titled as written", (code, kind, parent, title) => {
    const task = doc.tasks.find((t) => t.code === code);
    expect(task).toBeDefined();
    expect(task?.kind).toBe(kind);
    expect(task?.parent).toBe(parent);
    expect(task?.title).toBe(title);
  });

  it("has 19 task nodes under II: six tasks and their 13 sub-tasks", () => {
    const underII = doc.tasks.filter((t) => t.code.startsWith("II.") && !t.code.startsWith("III"));
    expect(underII).toHaveLength(19);
    expect(underII.filter((t) => t.parent === "II")).toHaveLength(6);
  });

  it("keeps OCR debris out of titles and page numbers out of bodies", () => {
    for (const t of doc.tasks) {
      expect(t.title).not.toMatch(/•|\bJL\b/u);
      expect(t.text).not.toMatch(/•/u);
    }
    // The lone "4" and "5" page-number lines sit inside II.2.1 and II.2.2.
    expect(doc.tasks.find((t) => t.code === "II.2.1")?.text).toContain(
      "Chủ động nắm chắc tinh hình, dự báo đúng",
    );
  });

  it("gives each node its own body, without its children", () => {
    const ii2 = doc.tasks.find((t) => t.code === "II.2");
    expect(ii2?.text).toBe("");
    const ii21 = doc.tasks.find((t) => t.code === "II.2.1");
    expect(ii21?.text.startsWith("Triển khai hiệu quả đợt sinh hoạt")).toBe(true);
    expect(ii21?.text).not.toContain("2.2.");
  });

  it("does not take numbers inside sentences for headings", () => {
    // "2.000 doanh nghiệp", "Quý III/2022", a wrapped line starting "2021 - 2025"
    expect(doc.tasks.some((t) => /2\.000|2021|III\/2022/.test(t.code))).toBe(false);
  });

  it("spans each node in the original text, children inside parents", () => {
    for (const t of doc.tasks) {
      const [s, e] = t.span;
      expect(s).toBeLessThan(e);
      const parent = doc.tasks.find((p) => p.code === t.parent);
      if (parent) {
        expect(s).toBeGreaterThanOrEqual(parent.span[0]);
        expect(e).toBeLessThanOrEqual(parent.span[1]);
      }
    }
    const ii = doc.tasks.find((t) => t.code === "II")!;
    expect(seedText.slice(ii.span[0], ii.span[0] + 4)).toBe("II- ");
  });
});

describe("seed: the document header", () => {
  const d = seedDocument().document;

  it.each([
    ["type", "Nghị quyết"],
    ["typeCode", "NQ"],
    ["symbol", null],
    ["number", null],
    ["year", 2022],
    ["issuedOn", null],
    ["title", "về phương hướng, nhiệm vụ năm 2022"],
    ["signer", "Nguyễn Xuân Ký"],
    ["province", "Quảng Ninh"],
  ] as const)("%s is %j", (field, value) => {
    expect(d[field]).toBe(value);
  });

  it("is issued by the Provincial Party Committee of Quảng Ninh, the province read from the body", () => {
    expect(d.issuer).toEqual({
      key: "tinh-uy-quang-ninh",
      name: "Ban Chấp hành Đảng bộ tỉnh Quảng Ninh",
      kind: "party",
    });
    expect(d.provenance).toEqual(expect.arrayContaining(["year:subject", "province:text"]));
  });

  it("has a key from type, issuer, year and subject, stable across edits of the body", async () => {
    expect(d.key).toBe("NQ|tinh-uy-quang-ninh|2022|ve-phuong-huong-nhiem-vu-nam-2022");
    const { extractDocument } = await import("../../../src/extract/index.js");
    const { seedText } = await import("./seed-fixture.js");
    const edited = seedText
      .replace("GRDP cả năm ước đạt 10,01%", "GRDP cả năm ước đạt 10,02%")
      .replace("Nghị quyết này được phổ biến đến chi bộ.", "");
    expect(extractDocument(edited).document.key).toBe(d.key);
  });

  it("reports the repaired signer name as an OCR repair", () => {
    expect(seedDocument().warnings.some((w) => w.kind === "ocr-repair" && w.message.includes("íguyễn"))).toBe(
      true,
    );
  });
});
