import { describe, expect, it } from "vitest";
import { extractCitations, extractDocument } from "../../../src/extract/index.js";

// Issuers: from the text, then from the symbol when its code names one body, then nothing.
// [input, expected: symbol, issuer key (null: unknown) and its source]
const ISSUERS: readonly (readonly [
  string,
  { symbol: string; issuer: string | null; source: string | null },
])[] = [
  // a conference is a detail: the issuer is its committee
  [
    "Nghị quyết số 26-NQ/TW ngày 05 tháng 8 năm 2008 của Hội nghị lần thứ 7 Ban Chấp hành\nTrung ương Đảng khóa X",
    { symbol: "26-NQ/TW", issuer: "ban-chap-hanh-trung-uong", source: "text" },
  ],
  [
    "Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
    { symbol: "04-NQ/TW", issuer: "ban-chap-hanh-trung-uong", source: "text" },
  ],
  [
    "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII",
    { symbol: "18-NQ/TW", issuer: "ban-chap-hanh-trung-uong", source: "text" },
  ],
  // "của Trung ương" is the Central Committee
  [
    "Nghị quyết số 26-NQ/TW ngày \n19 tháng 5 năm 2018 của Trung ương khóa XII",
    { symbol: "26-NQ/TW", issuer: "ban-chap-hanh-trung-uong", source: "text" },
  ],
  // bodies the vocabulary lacked: central steering committees and boards, council delegations,
  // provincial departments and Party offices, ministries by their short names
  [
    "Thông báo số 5-TB/BCĐ ngày 2/2/2021 của Ban Chỉ đạo Trung ương về phòng, chống tham nhũng",
    { symbol: "05-TB/BCĐ", issuer: "ban-chi-dao-trung-uong-ve-phong-chong-tham-nhung", source: "text" },
  ],
  // a steering committee is named by its field: one not known here is unknown, not the generic name
  [
    "Thông báo số 05-TB/BCĐTW, ngày 04/7/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số về kết luận",
    {
      symbol: "05-TB/BCĐTW",
      issuer: "ban-chi-dao-trung-uong-ve-phat-trien-khoa-hoc-cong-nghe-doi-moi-sang-tao-va-chuyen-doi-so",
      source: "text",
    },
  ],
  [
    "Kế hoạch số 12-KH/BCĐ ngày 2/2/2021 của Ban Chỉ đạo Trung ương về công tác thông tin đối ngoại",
    { symbol: "12-KH/BCĐ", issuer: null, source: null },
  ],
  // a numbered conference right after the date is the issuer without "của"
  [
    "Nghị quyết số 27-NQ/TW ngày 9-11-2022 Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục",
    { symbol: "27-NQ/TW", issuer: "ban-chap-hanh-trung-uong", source: "text" },
  ],
  // the city's Party Committee by its long name; the office of the provincial People's Committee
  [
    "Nghị quyết số 05-NQ/TU ngày 15 tháng 9 năm 2021 của Hội nghị lần thứ tám Ban Chấp hành Đảng bộ thành phố về",
    { symbol: "05-NQ/TU", issuer: "thanh-uy", source: "text" },
  ],
  [
    "(Báo cáo số 551/BC-VPUB ngày 12/04/2021 của Văn phòng UBND tỉnh)",
    { symbol: "551/BC-VPUB", issuer: "van-phong-uy-ban-nhan-dan-tinh", source: "text" },
  ],
  [
    "Báo cáo số 33/BC-ĐGS ngày\n12 tháng 7 năm 2017 của Đoàn Giám sát Hội đồng nhân dân tỉnh về",
    { symbol: "33/BC-ĐGS", issuer: "doan-giam-sat-hoi-dong-nhan-dan-tinh", source: "text" },
  ],
  [
    "Hướng dẫn số 12-HD/BDVTW ngày 3/3/2020 của Ban Dân vận Trung ương",
    { symbol: "12-HD/BDVTW", issuer: "ban-dan-van-trung-uong", source: "text" },
  ],
  [
    "Công văn số 45/SNV-TCBC ngày 3/3/2020 của Sở Nội vụ",
    { symbol: "45/SNV-TCBC", issuer: "so-noi-vu", source: "text" },
  ],
  [
    "Quyết định số 12/QĐ-BKHĐT ngày 3/3/2020 của Bộ KH&ĐT",
    { symbol: "12/QĐ-BKHĐT", issuer: "bo-ke-hoach-va-dau-tu", source: "text" },
  ],
  [
    "Thông tư số 26/2018/TT-BLĐTBXH ngày 25/12/2018 của Bộ LĐTBXH",
    { symbol: "26/2018/TT-BLĐTBXH", issuer: "bo-lao-dong-thuong-binh-va-xa-hoi", source: "text" },
  ],
  // one letter of the issuer's name damaged by OCR (an ocr-repair warning keeps the printed name)
  [
    "Xét Tờ trình số 126/TTr-UBND ngày 03 tháng 7 năm 2017 của Ủy han nhân dân tỉnh; Báo cáo",
    { symbol: "126/TTr-UBND", issuer: "uy-ban-nhan-dan-tinh", source: "text" },
  ],
  [
    "Quyết định số 12/QĐ-UBND ngày 3/3/2020 của ông Nguyễn Văn A",
    { symbol: "12/QĐ-UBND", issuer: null, source: null },
  ],
  // the issuer the symbol names when the text names none
  [
    "Chỉ thị số 15/CT-TTg ngày 2/3/2021",
    { symbol: "15/CT-TTg", issuer: "thu-tuong-chinh-phu", source: "symbol" },
  ],
  ["Thông tư số 102/2018/TT-BTC", { symbol: "102/2018/TT-BTC", issuer: "bo-tai-chinh", source: "symbol" }],
  ["Công văn số 1234/SNV-CCHC&PC", { symbol: "1234/SNV-CCHC&PC", issuer: "so-noi-vu", source: "symbol" }],
  ["Kế hoạch số 02-KH/BTCTW", { symbol: "02-KH/BTCTW", issuer: "ban-to-chuc-trung-uong", source: "symbol" }],
  // VPTU: the office of a Tỉnh ủy or a Thành ủy, as the province says; unknown without one
  ["Kế hoạch số 12-KH/VPTU ngày 1/2/2020", { symbol: "12-KH/VPTU", issuer: null, source: null }],
  // TW alone names several bodies: unknown
  ["Hướng dẫn 06-HD/TW", { symbol: "06-HD/TW", issuer: null, source: null }],
];

describe("issuers", () => {
  it.each([
    ["tỉnh Quảng Ninh", "van-phong-tinh-uy-quang-ninh"],
    ["thành phố Hà Nội", "van-phong-thanh-uy-ha-noi"],
  ])("12-KH/VPTU in a text about %s is issued by %s (from the symbol)", (place, key) => {
    const doc = extractDocument(`Thực hiện Kế hoạch số 12-KH/VPTU ngày 1/2/2020 về công tác ở ${place}.\n`);
    expect(doc.citations.map((c) => [c.issuer?.key, c.issuerSource])).toEqual([[key, "symbol"]]);
  });

  it.each(ISSUERS)("%j", (input, expected) => {
    const { citations } = extractCitations(input);
    expect(citations.map((c) => c.symbol)).toEqual([expected.symbol]);
    expect(citations[0]!.issuer?.key ?? null).toBe(expected.issuer);
    expect(citations[0]!.issuerSource ?? null).toBe(expected.source);
  });
});
