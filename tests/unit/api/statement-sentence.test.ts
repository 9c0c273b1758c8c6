import { describe, expect, it } from "vitest";
import { sentenceAround } from "../../../src/api/services/statement-sentence.js";

// Texts from the gazette copies of Thông tư 01/2023/TT-BLĐTBXH (Điều 3) and Hướng dẫn 38-HD/BTCTW.
const circular = `Điều 3. Hiệu lực thi hành
1. Thông tư này có hiệu lực thi hành kể từ ngày 20 tháng 02 năm 2023.
2. Thông tư số 36/2021/TT-BLĐTBXH ngày 31 tháng 12 năm 2021 của Bộ
trưởng Bộ Lao động - Thương binh và Xã hội quy định mức điều chỉnh tiền lương
và thu nhập tháng đã đóng bảo hiểm xã hội hết hiệu lực thi hành kể từ ngày Thông
tư này có hiệu lực thi hành.
3. Trong quá trình thực hiện nếu có vướng mắc, đề nghị phản ánh về Bộ.`;

describe("sentenceAround: what the stating text says, around the citation", () => {
  it("an item of a numbered list (without its label), across its line breaks, up to its full stop", () => {
    const quote =
      "Thông tư số 36/2021/TT-BLĐTBXH ngày 31 tháng 12 năm 2021 của Bộ\ntrưởng Bộ Lao động - Thương binh và Xã hội";
    expect(sentenceAround(circular, quote, circular.indexOf(quote), false, false)).toBe(
      "Thông tư số 36/2021/TT-BLĐTBXH ngày 31 tháng 12 năm 2021 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội quy định mức điều chỉnh tiền lương và thu nhập tháng đã đóng bảo hiểm xã hội hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành.",
    );
  });

  it("a sentence ended by a semicolon, after another sentence on the same line", () => {
    const text =
      "năm.\nHướng dẫn này thay thế Hướng dẫn số 12-HD/BTCTW, ngày 18-01-2022\ncủa Ban Tổ chức Trung ương; được phổ biến đến chi bộ và thực hiện kể từ\nngày ký.";
    const quote = "Hướng dẫn số 12-HD/BTCTW, ngày 18-01-2022\ncủa Ban Tổ chức Trung ương";
    expect(sentenceAround(text, quote, text.indexOf(quote), false, false)).toBe(
      "Hướng dẫn này thay thế Hướng dẫn số 12-HD/BTCTW, ngày 18-01-2022 của Ban Tổ chức Trung ương;",
    );
  });

  it("dates and decimal numbers do not end a sentence; a window cut short says so", () => {
    const text = "thu nhập đạt 1.200 USD/người, theo Nghị quyết số 26-NQ/TW ngày 19.5.2018 và các văn bản";
    const quote = "Nghị quyết số 26-NQ/TW";
    expect(sentenceAround(text, quote, text.indexOf(quote), true, true)).toBe(`…${text}…`);
  });

  it("the nearest occurrence to the span, and null when the quote is not there", () => {
    const text = "Bãi bỏ Nghị định số 1/2020/NĐ-CP. Sửa đổi Nghị định số 1/2020/NĐ-CP.";
    expect(sentenceAround(text, "Nghị định số 1/2020/NĐ-CP", 45, false, false)).toBe(
      "Sửa đổi Nghị định số 1/2020/NĐ-CP.",
    );
    expect(sentenceAround(text, "Nghị định số 2/2020/NĐ-CP", 0, false, false)).toBeNull();
  });
});
