import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/index.js";

// A document's own number comes from a header line by its position and shape ("Số:" line, the line
// under the issuer block), never from a sentence with a relation or type word before "số".
// [text, the document's own symbol, the symbols cited]
const HEADERS: readonly (readonly [string, string | null, string[]])[] = [
  // excerpts without a header: the first sentence is a citation
  [
    "Nghị quyết số 27-NQ/TW ngày 21 tháng 5 năm 2018 của Ban Chấp hành Trung \nương khóa XII:\n",
    null,
    ["27-NQ/TW"],
  ],
  [
    "- Giám sát việc thực hiện Kế hoạch\nthực hiện Nghị quyết số 33-NQ/TW ngày 09 tháng 6 năm 2014 của Ban Chấp hành\nTrung ương Đảng;\n",
    null,
    ["33-NQ/TW"],
  ],
  ["+ Kết quả thẩm tra, cấp ủy có thẩm quyền kết\nluận theo Quy\nđịnh số 367-QĐ/TW.\n", null, ["367-QĐ/TW"]],
  [
    "- Góp phần thực hiện các giải pháp của Nghị quyết \nsố 59-NQ/TW ngày 24 tháng 01 năm 2024 của Bộ Chính trị.\n",
    null,
    ["59-NQ/TW"],
  ],
  ["Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị,\n", null, ["05-CT/TW"]],
  // "Số" opening a line of running text: the symbol is followed by its date or issuer
  [
    "Số 202/TTr-BVHTTDL ngày 11 tháng 5 năm 2026, số 192/TTr-BVHTTDL ngày 06 tháng 5 năm 2026;\n",
    null,
    ["202/TTr-BVHTTDL", "192/TTr-BVHTTDL"],
  ],
  // header lines
  ["TỈNH ỦY QUẢNG NINH\nSố 16-CT/TU\nQuảng Ninh, ngày 15 tháng 9 năm 2021\n", "16-CT/TU", []],
  ["TỈNH ỦY QUẢNG NINH Số: 16-CT/TU\nQuảng Ninh, ngày 15 tháng 9 năm 2021\n", "16-CT/TU", []],
  ["QUỐC HỘI\n-------\nLuật số: 69/2025/QH15\nHà Nội, ngày 14 tháng 6 năm 2025\n", "69/2025/QH15", []],
  // a header table flattened one cell per line: "Số:" alone, the symbol on the next line; the
  // motto "ĐẢNG CỘNG SẢN VIỆT NAM" split over lines is not the issuer
  [
    "BỘ\nCHÍNH TRỊ\n-------\n|\nĐẢNG\nCỘNG SẢN VIỆT NAM\n---------\n|\nSố:\n216-QĐ/TW\n|\nHà\nNội, ngày 01 tháng 4 năm 2009\n|\nQUY ĐỊNH\nVỀ QUAN HỆ LÃNH ĐẠO\n- Căn cứ Quy định số 20-QĐ/TW ngày 02/01/2007;\n",
    "216-QĐ/TW",
    ["20-QĐ/TW"],
  ],
  // a continued gazette issue: its own citation right under the issuer block
  [
    "BỘ TÀI CHÍNH\n\nThông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018\nhướng dẫn kế toán\n",
    "102/2018/TT-BTC",
    [],
  ],
];

describe("a header is a header by its position and shape", () => {
  it.each(HEADERS)("%j", (text, own, cited) => {
    const parsed = extractDocument(text);
    expect(parsed.document.symbol).toBe(own);
    if (own === "216-QĐ/TW") expect(parsed.document.issuer?.key).toBe("bo-chinh-tri");
    expect(parsed.citations.map((c) => c.symbol)).toEqual(cited);
  });
});
