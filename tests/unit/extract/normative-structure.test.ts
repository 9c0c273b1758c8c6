import { describe, expect, it } from "vitest";
import { renderExtractionTable } from "../../../src/cli/extraction-table.js";
import { extractDocument } from "../../../src/extract/index.js";

// A gazette-style decree, written from the conventions (header, preamble, chapters, articles, clauses, points).
const DECREE = [
  " ",
  "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 ",
  "3 ",
  "VĂN BẢN QUY PHẠM PHÁP LUẬT ",
  "CHÍNH PHỦ ",
  " ",
  "CHÍNH PHỦ ",
  "Số: 158/2025/NĐ-CP ",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ",
  "Độc lập - Tự do - Hạnh phúc ",
  "Hà Nội, ngày 25 tháng 6 năm 2025 ",
  " NGHỊ ĐỊNH ",
  "Quy định chi tiết và hướng dẫn thi hành một số điều ",
  "của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc ",
  " ",
  "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; ",
  "Căn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024; ",
  "Căn cứ Nghị định số",
  "81/2013/NĐ-CP ngày 19 tháng 7 năm 2013 của Chính phủ quy định chi tiết một số điều; ",
  "Theo đề nghị của Bộ trưởng Bộ Nội vụ; ",
  "Chính phủ ban hành Nghị định quy định chi tiết. ",
  " ",
  "Chương I  ",
  "NHỮNG QUY ĐỊNH CHUNG ",
  " ",
  "Điều 1. Phạm vi điều chỉnh ",
  "Nghị định này quy định chi tiết một số điều của Luật Bảo hiểm xã hội. ",
  "Điều 2. Đối tượng áp dụng ",
  "1. Người lao động quy định tại các điểm a, b và c khoản 1 ",
  "Điều 2 của Luật Bảo hiểm xã hội. ",
  "2. Người sử dụng lao động, gồm: ",
  "a) Cơ quan nhà nước; ",
  "b) Doanh nghiệp theo Nghị định 81. ",
  "Chương II ",
  "BẢO HIỂM XÃ HỘI BẮT BUỘC ",
  "Mục 1 ",
  "ĐĂNG KÝ THAM GIA ",
  "Điều 3. Hồ sơ ",
  "Hồ sơ theo mẫu ban hành kèm theo Nghị định số 158/2025/NĐ-CP. ",
  "Điều 4. Hiệu lực thi hành ",
  "Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2025. ",
  " ",
  "Nơi nhận: ",
  "- Ban Bí thư Trung ương Đảng; ",
  "TM. CHÍNH PHỦ ",
  "KT. THỦ TƯỚNG ",
  "PHÓ THỦ TƯỚNG ",
  " ",
  "Hồ Đức Phớc ",
].join("\n");

describe("a decree: header and normative structure", () => {
  const doc = extractDocument(DECREE, { sourceName: "nghi-dinh-so-158-2025-nd-cp-45240.txt" });

  it.each([
    ["key", "NĐ|158/2025/NĐ-CP|2025"],
    ["type", "Nghị định"],
    ["typeCode", "NĐ"],
    ["symbol", "158/2025/NĐ-CP"],
    ["number", "158"],
    ["year", 2025],
    ["issuedOn", "2025-06-25"],
    [
      "title",
      "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc",
    ],
    ["signer", "Hồ Đức Phớc"],
  ] as const)("header %s is %j", (field, value) => {
    expect(doc.document[field]).toBe(value);
  });

  it("is issued by the Government", () => {
    expect(doc.document.issuer?.key).toBe("chinh-phu");
  });

  it("reads chapters, sections, articles, clauses and points", () => {
    expect(doc.tasks.map((t) => [t.code, t.kind, t.parent, t.title])).toEqual([
      ["Chương I", "chapter", null, "NHỮNG QUY ĐỊNH CHUNG"],
      ["Điều 1", "article", "Chương I", "Phạm vi điều chỉnh"],
      ["Điều 2", "article", "Chương I", "Đối tượng áp dụng"],
      [
        "Điều 2.1",
        "clause",
        "Điều 2",
        "Người lao động quy định tại các điểm a, b và c khoản 1 Điều 2 của Luật Bảo hiểm xã hội",
      ],
      ["Điều 2.2", "clause", "Điều 2", "Người sử dụng lao động, gồm"],
      ["Điều 2.2.a", "point", "Điều 2.2", "Cơ quan nhà nước"],
      ["Điều 2.2.b", "point", "Điều 2.2", "Doanh nghiệp theo Nghị định 81"],
      ["Chương II", "chapter", null, "BẢO HIỂM XÃ HỘI BẮT BUỘC"],
      ["Chương II.Mục 1", "section", "Chương II", "ĐĂNG KÝ THAM GIA"],
      ["Điều 3", "article", "Chương II.Mục 1", "Hồ sơ"],
      ["Điều 4", "article", "Chương II.Mục 1", "Hiệu lực thi hành"],
    ]);
  });

  it("does not take a wrapped 'Điều 2 của Luật' for an article", () => {
    expect(doc.tasks.filter((t) => t.kind === "article").map((t) => t.code)).toEqual([
      "Điều 1",
      "Điều 2",
      "Điều 3",
      "Điều 4",
    ]);
  });

  it("reads the preamble: laws by name and date, a decree with its date in words, short forms, and no self-citation", () => {
    expect(
      doc.namedReferences
        .filter((r) => r.kind === "law" && r.date && !r.resolvedBy)
        .map((r) => [r.name, r.date, r.key, r.task]),
    ).toEqual([
      ["Luật Tổ chức Chính phủ", "2025-02-18", "Luật|Luật Tổ chức Chính phủ|2025", null],
      ["Luật Bảo hiểm xã hội", "2024-06-29", "Luật|Luật Bảo hiểm xã hội|2024", null],
    ]);
    expect(doc.citations.map((c) => [c.key, c.relation, c.task, c.shortFormOf ? "short" : "full"])).toEqual([
      ["NĐ|81/2013/NĐ-CP|2013", "căn cứ", null, "full"],
      ["NĐ|81/2013/NĐ-CP|2013", "theo", "Điều 2.2.b", "short"],
    ]);
  });

  it("renders a readable table", () => {
    const table = renderExtractionTable(doc);
    expect(table).toContain("DOCUMENT  NĐ|158/2025/NĐ-CP|2025");
    expect(table).toContain("  Điều 2.2.a");
    expect(table).toMatch(/81\/2013\/NĐ-CP\s+2013-07-19\s+Chính phủ/u);
    expect(table).toContain("WARNINGS");
  });
});

// A provincial council resolution as the HĐND corpus prints it: placeholder instead of number, hard line breaks.
const COUNCIL = [
  "NGHỊ QUYẾT",
  "VỀ VIỆC THÔNG QUA",
  "PHƯƠNG ÁN ĐIỀU CHỈNH KẾ HOẠCH VỐN ĐẦU TƯ NĂM 2017",
  "HỘI ĐỒNG NHÂN DÂN",
  "TỈNH ĐỒNG THÁP",
  "KHÓA IX - KỲ HỌP THỨ NĂM",
  "Căn cứ Luật Tổ chức chính quyền địa phương",
  "ngày 19 tháng 6 năm 2015;",
  "Căn cứ Quyết định số 40/2015/QĐ-TTg  ngày",
  "14/9/2015 của Thủ tướng Chính phủ ban hành nguyên tắc phân bổ vốn;",
  "Xét Tờ trình số 61/TTr-UBND ngày 09 tháng 6",
  "năm 2017 của Ủy ban nhân dân Tỉnh về việc đề nghị thẩm định;",
  "QUYẾT NGHỊ:",
  "Điều 1. Thống nhất phương án điều chỉnh kế hoạch vốn, với những nội dung",
  "như sau:",
  "1. Nguyên tắc điều chỉnh:",
  "a) Điều",
  "chỉnh giảm kế hoạch vốn của các dự án chậm tiến độ.",
  "b) Điều",
  "chỉnh tăng kế hoạch vốn của các dự án đạt trên 95% kế hoạch.",
  "2. Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh tổ chức thực hiện, hoàn thành trước ngày 31/12/2017.",
  "Điều 2. Nghị quyết này có hiệu lực kể từ ngày thông qua.",
].join("\n");

describe("a council resolution", () => {
  const doc = extractDocument(COUNCIL, { sourceName: "110-2017-nq-hđnd.md" });

  it("takes its issuer and province from the header, its number from the file name (with a warning)", () => {
    expect(doc.document.issuer?.key).toBe("hoi-dong-nhan-dan-tinh-dong-thap");
    expect(doc.document.province).toBe("Đồng Tháp");
    expect(doc.document.title).toBe("về việc thông qua phương án điều chỉnh kế hoạch vốn đầu tư năm 2017");
    expect(doc.document.key).toBe("NQ|110/2017/NQ-HĐND|2017");
    expect(doc.warnings.map((w) => w.kind)).toContain("symbol-from-source-name");
  });

  it("reads articles, clauses and points across hard line breaks", () => {
    expect(doc.tasks.map((t) => t.code)).toEqual([
      "Điều 1",
      "Điều 1.1",
      "Điều 1.1.a",
      "Điều 1.1.b",
      "Điều 1.2",
      "Điều 2",
    ]);
    expect(doc.tasks.find((t) => t.code === "Điều 1.1.a")?.title).toBe(
      "Điều chỉnh giảm kế hoạch vốn của các dự án chậm tiến độ",
    );
  });

  it("reads the preamble citations, with the council's province for 'Ủy ban nhân dân Tỉnh'", () => {
    expect(doc.citations.map((c) => [c.symbol, c.date, c.issuer?.key ?? null, c.relation])).toEqual([
      ["40/2015/QĐ-TTg", "2015-09-14", "thu-tuong-chinh-phu", "căn cứ"],
      ["61/TTr-UBND", "2017-06-09", "uy-ban-nhan-dan-tinh-dong-thap", "xét"],
    ]);
    expect(doc.deadlines?.map((d) => [d.task, d.date])).toEqual([["Điều 1.2", "2017-12-31"]]);
  });
});
