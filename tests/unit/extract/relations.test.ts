import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/index.js";

// Issue #19: what a citation says of the document it cites, and the document's own effect
// clause. Made-up sentences in the shape of decrees' preambles and closing articles.

/** [text, [symbol, kind, scope] of each citation] */
const RELATIONS: readonly (readonly [string, (string | null)[][]])[] = [
  [
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nCăn cứ Nghị định số 81/2013/NĐ-CP ngày 19 tháng 7 năm 2013 của Chính phủ;",
    [["81/2013/NĐ-CP", "BASED_ON", null]],
  ],
  [
    "Thông tư này hướng dẫn thi hành Nghị định số 15/2021/NĐ-CP ngày 03 tháng 3 năm 2021 của Chính phủ.",
    [["15/2021/NĐ-CP", "GUIDES", null]],
  ],
  [
    "Sửa đổi, bổ sung khoản 2 Điều 5 của Nghị định số 81/2013/NĐ-CP ngày 19 tháng 7 năm 2013 của Chính phủ như sau:",
    [["81/2013/NĐ-CP", "AMENDS", "Điều 5.2"]],
  ],
  [
    "Nghị định này thay thế Nghị định số 58/2017/NĐ-CP ngày 10 tháng 5 năm 2017 của Chính phủ.",
    [["58/2017/NĐ-CP", "REPLACES", null]],
  ],
  [
    "Bãi bỏ điểm a khoản 3 Điều 12 và Điều 14 của Thông tư số 02/2020/TT-BTC ngày 05 tháng 01 năm 2020.",
    [["02/2020/TT-BTC", "REPEALS", "Điều 12.3.a, Điều 14"]],
  ],
  [
    "Quyết định số 12/2015/QĐ-UBND ngày 03 tháng 4 năm 2015 của Ủy ban nhân dân tỉnh hết hiệu lực kể từ ngày Quyết định này có hiệu lực.",
    [["12/2015/QĐ-UBND", "REPEALS", null]],
  ],
  [
    "Đình chỉ thi hành Quyết định số 45/QĐ-UBND ngày 02/3/2020 của Ủy ban nhân dân huyện.",
    [["45/QĐ-UBND", "SUSPENDS", null]],
  ],
  [
    "Đính chính Nghị định số 24/2026/NĐ-CP ngày 16 tháng 01 năm 2026 của Chính phủ như sau:",
    [["24/2026/NĐ-CP", "CORRECTS", null]],
  ],
  // a list item takes its lead's relation; the scope is what the item names
  [
    "2. Kể từ ngày Nghị định này có hiệu lực thi hành, các Nghị định sau đây hết hiệu lực thi hành:\na) Nghị định số 115/2015/NĐ-CP ngày 11 tháng 11 năm 2015 của Chính phủ;\nb) Khoản 5 Điều 4 của Nghị định số 74/2025/NĐ-CP ngày 31 tháng 3 năm 2025.",
    [
      ["115/2015/NĐ-CP", "REPEALS", null],
      ["74/2025/NĐ-CP", "REPEALS", "Điều 4.5"],
    ],
  ],
  // an expiry said after the cited document's title
  [
    "2. Nghị định số 75/2024/NĐ-CP điều chỉnh lương hưu, trợ cấp bảo hiểm xã hội hết hiệu lực thi hành kể từ ngày Nghị định này có hiệu lực thi hành.",
    [["75/2024/NĐ-CP", "REPEALS", null]],
  ],
  // a word that says something wins over "theo" ("ban hành kèm theo")
  [
    "3. Bãi bỏ Điều 7 của Phụ lục ban hành kèm theo Luật Phí và lệ phí số 97/2015/QH13.",
    [["97/2015/QH13", "REPEALS", "Điều 7"]],
  ],
  [
    "Thực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương; theo Kế hoạch số 05-KH/TU ngày 1/2/2019.",
    [
      ["26-NQ/TW", "IMPLEMENTS", null],
      ["05-KH/TU", "CITES", null],
    ],
  ],
  // one verb, objects separated by ";": each names its own part of its own document
  [
    "3. Bãi bỏ Điều 6 Nghị định số 21/2019/NĐ-CP; khoản 2 Điều 9, Điều 15 của Nghị định số 33/2020/NĐ-CP.",
    [
      ["21/2019/NĐ-CP", "REPEALS", "Điều 6"],
      ["33/2020/NĐ-CP", "REPEALS", "Điều 9.2, Điều 15"],
    ],
  ],
  // subjects separated by ";" before one "chấm dứt hiệu lực"
  [
    "4. Điều 12 Nghị định số 44/2021/NĐ-CP ngày 05 tháng 4 năm 2021 của Chính phủ; Điều 30 Thông tư số 08/2022/TT-BYT chấm dứt hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.",
    [
      ["44/2021/NĐ-CP", "REPEALS", "Điều 12"],
      ["08/2022/TT-BYT", "REPEALS", "Điều 30"],
    ],
  ],
  // a word in a cited document's subject describes that document, not this text's act
  [
    "Nghị định này thay thế Nghị định số 52/2018/NĐ-CP ngày 12 tháng 4 năm 2018 của Chính phủ hướng dẫn thi hành Luật Chăn nuôi; Nghị định số 66/2019/NĐ-CP ngày 29 tháng 7 năm 2019 của Chính phủ.",
    [
      ["52/2018/NĐ-CP", "REPLACES", null],
      ["66/2019/NĐ-CP", "REPLACES", null],
    ],
  ],
  // a word right after a type word is part of a name ("Luật sửa đổi, bổ sung …")
  [
    "2. Luật này thay thế các luật sau đây:\na) Luật sửa đổi, bổ sung một số điều của Luật Dược số 34/2005/QH11;\nb) Luật Dược số 12/2000/QH10.",
    [
      ["34/2005/QH11", "REPLACES", null],
      ["12/2000/QH10", "REPLACES", null],
    ],
  ],
  // "kèm theo" inside an item does not hide the lead's verb
  [
    "Bãi bỏ các văn bản sau đây:\na) Điều 4 ban hành kèm theo Thông tư số 15/2019/TT-BTC ngày 10 tháng 3 năm 2019;",
    [["15/2019/TT-BTC", "REPEALS", "Điều 4"]],
  ],
  // a consolidated text names its base before "được sửa đổi, bổ sung bởi:"
  [
    "Thông tư số 12/2023/TT-BCT ngày 20 tháng 6 năm 2023 của Bộ trưởng Bộ Công Thương, có hiệu lực kể từ ngày 05 tháng 8 năm 2023, được sửa đổi, bổ sung bởi:\nThông tư số 05/2025/TT-BCT ngày 10 tháng 02 năm 2025 của Bộ trưởng Bộ Công Thương.",
    [
      ["12/2023/TT-BCT", "CONSOLIDATES", null],
      ["05/2025/TT-BCT", "CONSOLIDATES", null],
    ],
  ],
  // the type word of a heading: this text's own subject says what it does
  [
    "NGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 77/2020/NĐ-CP ngày 01 tháng 7 năm 2020",
    [["77/2020/NĐ-CP", "AMENDS", "một số điều"]],
  ],
  // an item wrapped over several lines still takes its lead's verb
  [
    "5. Bãi bỏ các điều, khoản của văn bản sau đây:\na) Khoản 3 Điều 7, Điều 9 và các mẫu\nban hành kèm theo Nghị định số 19/2017/NĐ-CP ngày 20 tháng 2 năm 2017 của Chính phủ.",
    [["19/2017/NĐ-CP", "REPEALS", "Điều 7.3, Điều 9"]],
  ],
  // "tạm ngừng hoạt động kinh doanh" stops a business, not a document
  [
    "Thông tư này quy định thủ tục tạm ngừng kinh doanh theo Nghị định số 70/2025/NĐ-CP ngày 20 tháng 3 năm 2025.",
    [["70/2025/NĐ-CP", "CITES", null]],
  ],
  // "được sửa đổi, bổ sung bởi …", "… theo quy định tại …": the agent or the rule followed, not the object
  [
    "Căn cứ Luật Việc làm số 38/2013/QH13 được sửa đổi, bổ sung bởi Luật số 28/2018/QH14;",
    [
      ["38/2013/QH13", "BASED_ON", null],
      ["28/2018/QH14", "CITES", null],
    ],
  ],
  [
    "4 Khoản này được bãi bỏ theo quy định tại khoản 2 Điều 1 Nghị định số 50/2024/NĐ-CP ngày 10 tháng 5 năm 2024 của Chính phủ.",
    [["50/2024/NĐ-CP", "CITES", null]],
  ],
  // the object of the verb located by "quy định tại": a part of the cited document
  [
    "Điều 2. Bãi bỏ mức phí quy định tại khoản 2 Điều 3 Nghị quyết số 15/2019/NQ-HĐND ngày 11/7/2019 của Hội đồng nhân dân tỉnh.",
    [["15/2019/NQ-HĐND", "REPEALS", "Điều 3.2"]],
  ],
  // "thì" opens the main clause: the verb of the condition does not reach past it
  [
    "Khi chưa bãi bỏ mức lương cơ sở thì mức tham chiếu bằng mức lương cơ sở tại Nghị định số 73/2024/NĐ-CP.",
    [["73/2024/NĐ-CP", "CITES", null]],
  ],
  // an item with a verb of its own does not take its lead's
  [
    "2. Tạm ngưng hiệu lực các văn bản sau đây:\na) Nghị định số 15/2018/NĐ-CP ngày 02 tháng 02 năm 2018 của Chính phủ;\nb) Chủ động rà soát Nghị định số 09/2016/NĐ-CP ngày 28 tháng 01 năm 2016.",
    [
      ["15/2018/NĐ-CP", "SUSPENDS", null],
      ["09/2016/NĐ-CP", "CITES", null],
    ],
  ],
  // scopes: lists and ranges of articles and clauses, points with their clause, đ apart from d, annexes
  [
    "Bãi bỏ các khoản 1, 2 và 4 Điều 6, từ Điều 9 đến Điều 11, điểm đ khoản 2 Điều 14 và Phụ lục III của Thông tư số 07/2021/TT-BNV.",
    [
      [
        "07/2021/TT-BNV",
        "REPEALS",
        "Điều 6.1, Điều 6.2, Điều 6.4, Điều 9, Điều 10, Điều 11, Điều 14.2.đ, Phụ lục III",
      ],
    ],
  ],
  [
    "Bãi bỏ khoản 3 Điều 20, Điều 21 và các điều 40, 41 Mục 2 Chương IV của Nghị định số 60/2019/NĐ-CP.",
    [["60/2019/NĐ-CP", "REPEALS", "Điều 20.3, Điều 21, Điều 40, Điều 41"]],
  ],
  // an amending lead: the parts its items name before "như sau", outside the quoted new wording; repeals apart
  [
    "Điều 3. Sửa đổi, bổ sung một số điều của Luật Thú y số 79/2015/QH13\n1. Sửa đổi, bổ sung điểm b khoản 2 Điều 6 như sau:\n“b) Điều 9 mới …”;\n2. Bổ sung khoản 4 vào Điều 12 như sau:\n“4. Nội dung.”;\n3. Bãi bỏ Điều 20.\nĐiều 4. Hiệu lực thi hành\n",
    [["79/2015/QH13", "AMENDS", "Điều 6.2.b, Điều 12.4"]],
  ],
  [
    "5. Sửa đổi, bổ sung một số điều của Nghị định số 32/2019/NĐ-CP như sau:\na) Sửa đổi khoản 1 Điều 7 như sau:\n“1. Nội dung mới.”;\nb) Sửa đổi Điều 9 như sau:\n“Điều 9. Tên mới”.\n6. Nghị định này có hiệu lực từ ngày 01 tháng 3 năm 2021.",
    [["32/2019/NĐ-CP", "AMENDS", "Điều 7.1, Điều 9"]],
  ],
  // "hết hiệu lực" of something else later in the clause ("… cho đến khi hết hiệu lực của Giấy phép")
  [
    "6. Hóa chất trong Danh mục ban hành theo Nghị định số 30/2025/NĐ-CP ngày 10 tháng 02 năm 2025 thì được sử dụng Giấy phép đã cấp cho đến khi hết hiệu lực của Giấy phép.",
    [["30/2025/NĐ-CP", "CITES", null]],
  ],
  // "văn bản bãi bỏ" names a document; its lead says no verb of this text
  [
    "- Hết hiệu lực một phần.\n- Văn bản bãi bỏ một phần:\nNghị định số 31/2021/NĐ-CP ngày 26/3/2021 của Chính phủ",
    [["31/2021/NĐ-CP", "CITES", null]],
  ],
  // a passive verb: the document after it is the agent; a quoted phrase is words; "việc …" is a noun
  [
    "a) Điều 37 Nghị định này đã được sửa đổi, bổ sung tại khoản 20 Điều 1 của Nghị định số 124/2024/NĐ-CP.",
    [["124/2024/NĐ-CP", "CITES", null]],
  ],
  [
    "3. Thay thế cụm từ “khoản 3 Điều 6 Nghị định số 63/2019/NĐ-CP” bằng cụm từ “khoản 1 Điều 6”.",
    [["63/2019/NĐ-CP", "CITES", null]],
  ],
  [
    "1. Việc sửa đổi, bổ sung giấy phép quy định tại khoản 2 Điều 9 Nghị định số 47/2011/NĐ-CP được thực hiện như sau.",
    [["47/2011/NĐ-CP", "CITES", null]],
  ],
  // words right after a cited document are its subject (the document it names is a member of the
  // preamble's list: based on, as the list rule reads it)
  [
    "Căn cứ Thông tư số 15/2023/TT-BLĐTBXH ngày 29/12/2023 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội sửa đổi, bổ sung một số điều của Thông tư số 28/2015/TT-BLĐTBXH;",
    [
      ["15/2023/TT-BLĐTBXH", "BASED_ON", null],
      ["28/2015/TT-BLĐTBXH", "BASED_ON", null],
    ],
  ],
  // "bổ sung" alone qualifying a noun is no verb; before a part it is
  [
    "Khoản tham gia bảo hiểm hưu trí bổ sung theo Nghị định số 88/2016/NĐ-CP ngày 01 tháng 7 năm 2016.",
    [["88/2016/NĐ-CP", "CITES", null]],
  ],
  [
    "2. Bổ sung khoản 5 vào Điều 8 của Thông tư số 14/2019/TT-BYT như sau:",
    [["14/2019/TT-BYT", "AMENDS", "Điều 8.5"]],
  ],
  // a part named without numbers is a part, as printed: never the whole
  [
    "Điều 9. Thay thế, bãi bỏ một số từ, cụm từ, khoản của Nghị định số 47/2019/NĐ-CP ngày 05 tháng 6 năm 2019 của Chính phủ",
    [["47/2019/NĐ-CP", "REPEALS", "một số từ, cụm từ, khoản"]],
  ],
  [
    "Điều 1. Sửa đổi, bổ sung một số nội dung quy định tại Nghị quyết số 08/2021/NQ-HĐND ngày 10 tháng 7 năm 2021 của Hội đồng nhân dân tỉnh.",
    [["08/2021/NQ-HĐND", "AMENDS", "một số nội dung"]],
  ],
  [
    "Luật này sửa đổi, bổ sung một số điều của Luật Đầu tư số 61/2020/QH14.",
    [["61/2020/QH14", "AMENDS", "một số điều"]],
  ],
  // the items of an amending lead still name its parts
  [
    "1. Sửa đổi, bổ sung một số điều của Thông tư số 31/2018/TT-BTC như sau:\na) Sửa đổi khoản 2 Điều 4 như sau:\n“2. Mức thu …”\nb) Sửa đổi Điều 6 như sau:\n“Điều 6. …”\n2. Điều khoản chuyển tiếp",
    [["31/2018/TT-BTC", "AMENDS", "Điều 4.2, Điều 6"]],
  ],
  // the documents that amended the one that ends are agents of "đã được sửa đổi … theo", not subjects of "hết hiệu lực"
  [
    "3. Luật Thủy lợi số 08/2016/QH14 đã được sửa đổi, bổ sung một số điều theo Luật số 35/2018/QH14 và Luật số 12/2022/QH15 (sau đây gọi chung là Luật Thủy lợi số 08/2016/QH14) hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.",
    [
      ["08/2016/QH14", "REPEALS", null],
      ["35/2018/QH14", "CITES", null],
      ["12/2022/QH15", "CITES", null],
      ["08/2016/QH14", "REPEALS", null],
    ],
  ],
  [
    "Quyết định số 20/2015/QĐ-UBND đã được sửa đổi, bổ sung bởi Quyết định số 07/2019/QĐ-UBND hết hiệu lực kể từ ngày Quyết định này có hiệu lực.",
    [
      ["20/2015/QĐ-UBND", "REPEALS", null],
      ["07/2019/QĐ-UBND", "CITES", null],
    ],
  ],
  // a second subject, with its own "đã được sửa đổi …", still ends
  [
    "2. Luật Thủy sản năm 2003 đã được sửa đổi, bổ sung theo Luật số 41/2009/QH12, Luật Thú y số 18/2004/QH11 đã được sửa đổi, bổ sung theo Luật số 41/2009/QH12 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.",
    [
      ["41/2009/QH12", "CITES", null],
      ["18/2004/QH11", "REPEALS", null],
      ["41/2009/QH12", "CITES", null],
    ],
  ],
  // a document the listed one's title names ("… sửa đổi, bổ sung một số điều của Nghị định số …") is no item of the list
  [
    "3. Bãi bỏ các quy định sau:\na) Điều 4 Nghị định số 62/2021/NĐ-CP ngày 30 tháng 6 năm 2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 17/2017/NĐ-CP ngày 20 tháng 02 năm 2017 của Chính phủ;",
    [
      ["62/2021/NĐ-CP", "REPEALS", "Điều 4"],
      ["17/2017/NĐ-CP", "CITES", null],
    ],
  ],
  // "cho đến khi … hết hiệu lực" is a time condition, not a statement that it ends
  [
    "Các quy định tại Điều 6 Nghị định số 25/2019/NĐ-CP tiếp tục thực hiện cho đến khi Luật Thủy lợi số 08/2017/QH14 hết hiệu lực thi hành.",
    [
      ["25/2019/NĐ-CP", "CITES", null],
      ["08/2017/QH14", "CITES", null],
    ],
  ],
  [
    "Bãi bỏ một phần Nghị quyết số 07/2019/NQ-HĐND ngày 10 tháng 7 năm 2019 của Hội đồng nhân dân tỉnh.",
    [["07/2019/NQ-HĐND", "REPEALS", "một phần"]],
  ],
  // an item where this document speaks is no object of a lead, and a list's lead is in the item's own article
  [
    "Điều 40. Sửa đổi, bổ sung một số điều của Luật Thủy sản số 18/2017/QH14\n1. Điều 5 được sửa đổi, bổ sung như sau:\n“Điều 5. Nội dung mới.”\nĐiều 41. Hiệu lực thi hành\n1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026, trừ các quy định liên quan đến Luật Lâm nghiệp số 16/2017/QH14 thì có hiệu lực từ ngày 01 tháng 01 năm 2027:",
    [
      ["18/2017/QH14", "AMENDS", "Điều 5"],
      ["16/2017/QH14", "CITES", null],
    ],
  ],
  // a verb inside a "Căn cứ" clause is in a basis document's title, also when its issuer runs over a line
  [
    "Căn cứ Thông tư số 10/2021/TT-BTC ngày 05/02/2021 của Bộ trưởng\nBộ Tài chính sửa đổi, bổ sung một số điều của Thông tư số 92/2015/TT-BTC;",
    [
      ["10/2021/TT-BTC", "BASED_ON", null],
      ["92/2015/TT-BTC", "BASED_ON", null],
    ],
  ],
  // (a form of the text itself: its own number is no citation, so no subject shields the verb)
  [
    "BỘ TÀI CHÍNH\nSố: 10/2021/TT-BTC\nHà Nội, ngày 05 tháng 02 năm 2021\nTHÔNG TƯ\nSửa đổi, bổ sung một số điều của Thông tư số 92/2015/TT-BTC\nNội dung.\nCăn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\nCăn cứ Thông tư số 10/2021/TT-BTC ngày 05/02/2021 của Bộ trưởng\nBộ Tài chính sửa đổi, bổ sung một số điều của Thông tư số 92/2015/TT-BTC;",
    [
      ["92/2015/TT-BTC", "AMENDS", "một số điều"],
      ["92/2015/TT-BTC", "BASED_ON", null],
    ],
  ],
  // a proposal or its content is no act of this text
  [
    "2. Hồ sơ đề nghị sửa đổi, bổ sung giấy phép gồm các giấy tờ tại Phụ lục ban hành kèm theo Nghị định số 45/2022/NĐ-CP.",
    [["45/2022/NĐ-CP", "CITES", null]],
  ],
  [
    "5. Chính phủ rà soát, trình Quốc hội sửa đổi, bổ sung các quy định của Luật Đất đai số 31/2024/QH15 bảo đảm thống nhất.",
    [["31/2024/QH15", "CITES", null]],
  ],
  // a label in parentheses is no verb, but "(Căn cứ … Nghị định số …)" still is
  [
    "Mẫu số 01\n(Căn cứ khoản 1 Điều 19 Nghị định số 31/2021/NĐ-CP, áp dụng cho hồ sơ đăng ký)",
    [["31/2021/NĐ-CP", "BASED_ON", null]],
  ],
  // a replaced document's subject runs on over a gazette's page break: its words are no verb of this text
  [
    "2. Nghị định này thay thế Nghị định số 52/2019/NĐ-CP ngày 14 tháng 6 năm 2019 của Chính phủ; Nghị định số 31/2022/NĐ-CP ngày 20 tháng 5 năm 2022 của Chính phủ\n\nCÔNG BÁO/Số 120/Ngày 02-03-2026\n15\n \n \nsửa đổi, bổ sung một số điều của Nghị định số 52/2019/NĐ-CP ngày 14 tháng 6 năm 2019.",
    [
      ["52/2019/NĐ-CP", "REPLACES", null],
      ["31/2022/NĐ-CP", "REPLACES", null],
      ["52/2019/NĐ-CP", "CITES", null],
    ],
  ],
  // words replaced in a document are a change of its wording: it is amended
  [
    "1. Thay thế cụm từ “Sở Kế hoạch và Đầu tư” bằng cụm từ “Sở Tài chính” tại Thông tư số 03/2021/TT-BKHĐT.",
    [["03/2021/TT-BKHĐT", "AMENDS", "cụm từ"]],
  ],
  [
    "Điều 2. Thay thế, bãi bỏ một số cụm từ tại Nghị định số 72/2015/NĐ-CP",
    [["72/2015/NĐ-CP", "AMENDS", "một số cụm từ"]],
  ],
  // an annex written "Phụ lục số 02"
  [
    "3. Bãi bỏ điểm 2.3 mục II Phụ lục số 02 ban hành kèm theo Nghị quyết số 15/2020/NQ-HĐND ngày 09 tháng 12 năm 2020.",
    [["15/2020/NQ-HĐND", "REPEALS", "Phụ lục 02"]],
  ],
  // "(sửa đổi)" labels the annex above; it acts on nothing
  [
    "PHỤ LỤC 02 (SỬA ĐỔI)\n(Kèm theo Nghị quyết số 07/2024/NQ-HĐND ngày 12/7/2024 của Hội đồng nhân dân tỉnh)",
    [["07/2024/NQ-HĐND", "CITES", null]],
  ],
];

describe("relation kinds (#19)", () => {
  it.each(RELATIONS)("%j", (text, expected) => {
    const citations = extractDocument(text).citations;
    expect(citations.map((c) => [c.symbol, c.relationKind ?? null, c.scope ?? null])).toEqual(expected);
  });
});

/** Relations read from the first fresh held-out set's misses (bench/RELATIONS-ACCURACY-FRESH.md), in made-up sentences of their shapes. */
const MORE_RELATIONS: readonly (readonly [string, (string | null)[][]])[] = [
  // an expiry with parts of the ending document kept in force ends it in part
  [
    "2. Pháp lệnh tổ chức Tòa án quân sự số 04/2002/PL-UBTVQH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ các quy định tại các điều 3, 4, 5 tiếp tục có hiệu lực thi hành.",
    [["04/2002/PL-UBTVQH11", "REPEALS", "trừ các quy định tại các điều 3, 4, 5"]],
  ],
  // … but not with a case of this text, nor with parts kept only until a date
  [
    "3. Luật Hóa chất số 06/2007/QH12 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ trường hợp quy định tại Điều 48 của Luật này.",
    [["06/2007/QH12", "REPEALS", null]],
  ],
  [
    "2. Bộ luật tố tụng dân sự số 24/2004/QH11 hết hiệu lực kể từ ngày Bộ luật này có hiệu lực thi hành, trừ các quy định tại Điều 159 tiếp tục có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2016.",
    [["24/2004/QH11", "REPEALS", null]],
  ],
  // "và bãi bỏ" after a title opens this text's next act
  [
    "1. Thông tư này có hiệu lực từ ngày 01/01/2026, thay thế Thông tư số 18/2020/TT-BTC ngày 31/3/2020 của Bộ trưởng Bộ Tài chính về việc hướng dẫn đăng ký tài khoản và bãi bỏ Điều 2 Thông tư số 41/2025/TT-BTC ngày 16/6/2025 của Bộ trưởng Bộ Tài chính.",
    [
      ["18/2020/TT-BTC", "REPLACES", null],
      ["41/2025/TT-BTC", "REPEALS", "Điều 2"],
    ],
  ],
  // the enacting formula names this text, whose subject is its act
  [
    "Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ.",
    [["124/2020/NĐ-CP", "AMENDS", "một số điều"]],
  ],
  // a heading above the preamble is not in its clause
  [
    "THÔNG TƯ\nHướng dẫn một số nội dung tại Nghị định số 289/2025/NĐ-CP của Chính phủ\n\nCăn cứ Nghị quyết số 197/2025/QH15 ngày 17 tháng 5 năm 2025 của Quốc hội;",
    [
      ["289/2025/NĐ-CP", "GUIDES", null],
      ["197/2025/QH15", "BASED_ON", null],
    ],
  ],
  // "hướng dẫn thực hiện" guides; "; Điều 10 của Luật B" is the verb's next object
  [
    "Thông tư này hướng dẫn thực hiện một số nội dung tại Nghị định số 289/2025/NĐ-CP.",
    [["289/2025/NĐ-CP", "GUIDES", null]],
  ],
  [
    "Nghị định này quy định chi tiết Điều 11 của Luật Dẫn độ số 100/2025/QH15; Điều 10, Điều 11 của Luật Chuyển giao người đang chấp hành án phạt tù số 101/2025/QH15.",
    [
      ["100/2025/QH15", "GUIDES", "Điều 11"],
      ["101/2025/QH15", "GUIDES", "Điều 10, Điều 11"],
    ],
  ],
];

/** … and of the second fresh set's (bench/RELATIONS-ACCURACY-FRESH2.md). */
const FRESH2_SHAPES: readonly (readonly [string, (string | null)[][]])[] = [
  // a part named by its subject: replaced in part, never the whole
  [
    "Điều 2. Nghị quyết này thay thế nội dung quy định về lệ phí đăng ký cư trú tại Nghị quyết số 08/2008/NQ-HĐND ngày 24/7/2008.",
    [["08/2008/NQ-HĐND", "REPLACES", "nội dung quy định về lệ phí đăng ký cư trú"]],
  ],
  // an annex or form replaced, quoted words repealed: the document is amended
  [
    "Điều 2. Thay thế một số phụ lục, mẫu biểu của Thông tư số 21/2021/TT-BLĐTBXH\n1. Thay thế: Phụ lục II, Phụ lục III.",
    [["21/2021/TT-BLĐTBXH", "AMENDS", "Phụ lục"]],
  ],
  [
    "4. Bãi bỏ cụm từ “theo thang điểm 100” tại Mục 3 Chương III thuộc Mẫu số 01 ban hành kèm theo Thông tư số 15/2022/TT-BKHĐT.",
    [["15/2022/TT-BKHĐT", "AMENDS", "cụm từ"]],
  ],
  // "sửa đổi, bổ sung, bãi bỏ": one verb that amends
  [
    "Sửa đổi, bổ sung, bãi bỏ một số điều của Luật giáo dục số 38/2005/QH11 như sau:\n1. Điểm c khoản 2 Điều 4 được sửa đổi như sau:\n“c) …”",
    [["38/2005/QH11", "AMENDS", "Điều 4.2.c"]],
  ],
  // a symbol copied with Cyrillic look-alike letters ("BТС"), an item indented by spaces, a
  // number that ends a wrapped reference ("Điều⏎13)")
  [
    "7. Thông tư này bãi bỏ các quy định tại:\na) Điều 1, Điều 13 (trừ điểm b khoản 1 Điều\n13) và Điều 16 Thông tư số 103/2014/TT-BTC;\n          b) Điều 2 Thông tư số 67/2022/TT-BТС ngày 07 tháng 11 năm 2022.",
    [
      ["103/2014/TT-BTC", "REPEALS", "Điều 1, Điều 13, Điều 13.1.b, Điều 16"],
      ["67/2022/TT-BTC", "REPEALS", "Điều 2"],
    ],
  ],
  // an item naming an object goes on with its title: its verb is no act of this text
  [
    "6. Thông tư này bãi bỏ:\nđ) Điều 3 Thông tư số 25/2018/TT-BTC hướng dẫn Nghị định số 146/2017/NĐ-CP của Chính phủ và sửa đổi, bổ sung một số điều của Thông tư số 78/2014/TT-BTC của Bộ trưởng Bộ Tài chính.",
    [
      ["25/2018/TT-BTC", "REPEALS", "Điều 3"],
      ["146/2017/NĐ-CP", "CITES", null],
      ["78/2014/TT-BTC", "CITES", null],
    ],
  ],
];

describe("relation kinds in the shapes of the second fresh set's misses (#19)", () => {
  it.each(FRESH2_SHAPES)("%j", (text, expected) => {
    const citations = extractDocument(text).citations;
    expect(citations.map((c) => [c.symbol, c.relationKind ?? null, c.scope ?? null])).toEqual(expected);
  });
});

describe("relation kinds in the shapes of the first fresh set's misses (#19)", () => {
  it.each(MORE_RELATIONS)("%j", (text, expected) => {
    const citations = extractDocument(text).citations;
    expect(citations.map((c) => [c.symbol, c.relationKind ?? null, c.scope ?? null])).toEqual(expected);
  });
});

/**
 * [text, [symbol, repealed scope, quote] of each repeal stated by an item of an amending list]: the
 * item names no document; the one it repeals a part of is the one its list's lead names.
 */
const LISTED_REPEALS: readonly (readonly [string, (string | null)[][]])[] = [
  [
    "Điều 3. Sửa đổi, bổ sung một số điều của Luật Thú y số 79/2015/QH13\n1. Sửa đổi, bổ sung điểm b khoản 2 Điều 6 như sau:\n“b) Điều 9 mới …”;\n2. Bổ sung khoản 4 vào Điều 12 như sau:\n“4. Nội dung.”;\n3. Bãi bỏ Điều 20.\nĐiều 4. Hiệu lực thi hành\n",
    [["79/2015/QH13", "Điều 20", "3. Bãi bỏ Điều 20."]],
  ],
  // a lead that names its part ("Điều 32") still has items that repeal
  [
    "2. Sửa đổi, bổ sung Điều 32 của Bộ luật Tố tụng dân sự số 92/2015/QH13 như sau:\na) Sửa đổi, bổ sung tên điều và khoản 1 Điều 32 như sau:\n“Điều 32. Tranh chấp …”\nb) Bãi bỏ khoản 2 Điều 32.\n3. Điều khoản khác",
    [["92/2015/QH13", "Điều 32.2", "b) Bãi bỏ khoản 2 Điều 32."]],
  ],
  // "Bỏ" and "được bãi bỏ" repeal too; "Bộ" opens a body's name, no repeal
  [
    "1. Sửa đổi, bổ sung một số điều của Nghị định số 32/2019/NĐ-CP như sau:\na) Bỏ điểm c khoản 1 Điều 7;\nb) Bộ trưởng Bộ Tài chính quy định tại khoản 2 Điều 9 như sau:\n“2. …”\nc) Khoản 4 Điều 11 được bãi bỏ.\n2. Hiệu lực",
    [
      ["32/2019/NĐ-CP", "Điều 7.1.c", "a) Bỏ điểm c khoản 1 Điều 7;"],
      ["32/2019/NĐ-CP", "Điều 11.4", "c) Khoản 4 Điều 11 được bãi bỏ."],
    ],
  ],
  // a lead that replaces and repeals unnumbered parts; an item that repeals "một số cụm từ, khoản"
  // names them in its own items; a repealed quoted phrase is a change of wording
  [
    "Điều 7. Thay thế, bãi bỏ một số cụm từ, khoản của Nghị định số 85/2024/NĐ-CP\n1. Thay thế một số cụm từ như sau:\na) Thay thế cụm từ “cấp huyện” tại khoản 2 Điều 6 bằng cụm từ “cấp xã”;\nb) Thay thế cụm từ “Bộ A” tại Phụ lục V bằng cụm từ “Bộ B”.\n2. Bãi bỏ một số cụm từ, khoản như sau:\na) Bãi bỏ cụm từ “, Bộ C” tại khoản 2 Điều 22;\nb) Bãi bỏ khoản 3 Điều 22.\nĐiều 8. Điều khoản thi hành",
    [["85/2024/NĐ-CP", "Điều 22.3", "b) Bãi bỏ khoản 3 Điều 22."]],
  ],
  // an item that names a document of its own is that document's citation, not a part of the lead's
  [
    "3. Sửa đổi, bổ sung một số điều của Luật Giao thông đường bộ số 23/2008/QH12 như sau:\na) Sửa đổi khoản 2 Điều 5 như sau:\n“2. …”\nb) Bãi bỏ khoản 3 Điều 75 của Luật giao thông đường thủy nội địa số 23/2004/QH11.\n4. Hiệu lực",
    [],
  ],
  // the parts a repealing item names may follow on its next line
  [
    "Điều 76. Sửa đổi, bổ sung một số điều của Luật giáo dục số 38/2005/QH11\n1. Sửa đổi khoản 2 Điều 4 như sau:\n“2. …”\n2. Bãi bỏ\nMục 3 Chương II gồm các Điều 32, 33; bãi bỏ khoản 5 Điều 30.\nĐiều 77. Hiệu lực",
    [
      [
        "38/2005/QH11",
        "Điều 32, Điều 33, Điều 30.5",
        "2. Bãi bỏ\nMục 3 Chương II gồm các Điều 32, 33; bãi bỏ khoản 5 Điều 30.",
      ],
    ],
  ],
  // quoted new wording that says "bãi bỏ" is the amended text, not an item of the list
  [
    "1. Sửa đổi, bổ sung một số điều của Thông tư số 31/2018/TT-BTC như sau:\na) Sửa đổi Điều 4 như sau:\n“Điều 4.\n1. Bãi bỏ thủ tục …”\n2. Điều khoản chuyển tiếp",
    [],
  ],
];

describe("the articles of a text that amends one document alone, naming it no more (#19)", () => {
  it("reads each article's verb and parts as a statement about that document, its heading the quote", () => {
    const text =
      "NGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ\n\nCăn cứ Luật Khiếu nại số 02/2011/QH13;\n\nĐiều 1. Sửa đổi, bổ sung khoản 4 của Điều 5\n“4. Nội dung mới.”\nĐiều 2. Thay thế, bãi bỏ một số cụm từ\n1. Thay thế cụm từ “A” bằng cụm từ “B” tại khoản 2 Điều 6.\n2. Bãi bỏ khoản 3 Điều 8.\nĐiều 3. Bãi bỏ Điều 9.\nĐiều 4. Hiệu lực thi hành\nNghị định này có hiệu lực từ ngày ký.";
    const doc = extractDocument(text);
    const target = doc.citations.find((c) => c.symbol === "124/2020/NĐ-CP")!;
    expect(target.relationKind).toBe("AMENDS");
    expect(target.listedRelations?.map((r) => [r.kind, r.scope, r.quote])).toEqual([
      ["AMENDS", "Điều 5.4", "Điều 1. Sửa đổi, bổ sung khoản 4 của Điều 5"],
      ["AMENDS", "Điều 6.2", "Điều 2. Thay thế, bãi bỏ một số cụm từ"],
      ["REPEALS", "Điều 8.3", "2. Bãi bỏ khoản 3 Điều 8."],
      ["REPEALS", "Điều 9", "Điều 3. Bãi bỏ Điều 9."],
    ]);
    for (const r of target.listedRelations ?? []) expect(text.slice(r.span[0], r.span[1])).toBe(r.quote);
    // the law of the preamble is no amended document
    expect(doc.citations.find((c) => c.symbol === "02/2011/QH13")?.listedRelations).toBeUndefined();
  });

  it("reads nothing when the title amends two documents, or an article names its own", () => {
    const two =
      "NGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 124/2020/NĐ-CP và Nghị định số 31/2019/NĐ-CP\n\nĐiều 1. Bãi bỏ Điều 9.";
    expect(extractDocument(two).citations.every((c) => !c.listedRelations)).toBe(true);
    const named =
      "NGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 124/2020/NĐ-CP\n\nĐiều 1. Bãi bỏ Điều 9 của Nghị định số 31/2019/NĐ-CP.";
    const doc = extractDocument(named);
    expect(doc.citations.find((c) => c.symbol === "124/2020/NĐ-CP")?.listedRelations).toBeUndefined();
    expect(doc.citations.find((c) => c.symbol === "31/2019/NĐ-CP")).toMatchObject({
      relationKind: "REPEALS",
      scope: "Điều 9",
    });
  });
});

describe("repeals stated by the items of an amending list (#19)", () => {
  it.each(LISTED_REPEALS)("%j", (text, expected) => {
    const doc = extractDocument(text);
    const repeals = doc.citations.flatMap((c) =>
      (c.listedRelations ?? []).filter((r) => r.kind === "REPEALS").map((r) => [c.symbol, r.scope, r.quote]),
    );
    expect(repeals).toEqual(expected);
    // each item's span is where its quote is
    for (const c of doc.citations)
      for (const r of c.listedRelations ?? []) expect(text.slice(r.span[0], r.span[1])).toBe(r.quote);
  });
});

/** [text, [name, year, kind, scope] of each law named without a number] */
const NAMED_RELATIONS: readonly (readonly [string, (string | number | null)[][]])[] = [
  ["Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;", [["Luật Đất đai", 2013, "BASED_ON", null]]],
  [
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992;",
    [["Hiến pháp", 1992, "BASED_ON", null]],
  ],
  [
    "Điều 90. Luật này thay thế Luật du lịch ngày 08 tháng 02 năm 1999 và Luật sửa đổi, bổ sung một số điều của Luật du lịch ngày 02 tháng 6 năm 2003.",
    [
      ["Luật Du lịch", 1999, "REPLACES", null],
      ["Luật Sửa đổi, bổ sung một số điều của Luật du lịch", 2003, "REPLACES", null],
    ],
  ],
  [
    "2. Luật Thương mại năm 1997 hết hiệu lực kể từ ngày Luật này có hiệu lực.",
    [["Luật Thương mại", 1997, "REPEALS", null]],
  ],
  [
    "Bãi bỏ khoản 2 Điều 15 của Pháp lệnh phí và lệ phí ngày 28 tháng 8 năm 2001.",
    [["Pháp lệnh Phí và lệ phí", 2001, "REPEALS", "Điều 15.2"]],
  ],
  [
    "Nghị định này quy định chi tiết một số điều của Luật Đầu tư ngày 17 tháng 6 năm 2020.",
    [["Luật Đầu tư", 2020, "GUIDES", null]],
  ],
  // a year closes a law's name ("… năm 1997"); a lead's verb reaches the items under it
  [
    "2. Luật này thay thế các luật sau đây:\na) Luật thuế tiêu thụ đặc biệt năm 1998;\nb) Luật thuế xuất khẩu năm 1991.",
    [
      ["Luật Thuế tiêu thụ đặc biệt", 1998, "REPLACES", null],
      ["Luật Thuế xuất khẩu", 1991, "REPLACES", null],
    ],
  ],
  // "số" without a number is a word of the name
  [
    "Nghị định này quy định chi tiết Điều 7 Luật Dân số bao gồm các nội dung sau.",
    [["Luật Dân số", null, "GUIDES", "Điều 7"]],
  ],
  // the amending ordinances after "đã được sửa đổi, bổ sung … theo" are agents, and the words of
  // one's name are no verb for the next
  [
    "Nghị quyết số 200/NQ-TVQH đã được sửa đổi, bổ sung một số điều theo Pháp lệnh sửa đổi một số điều về thuế ngày 26 tháng 02 năm 1983, Pháp lệnh bổ sung, sửa đổi một số điều lệ về thuế hàng hóa ngày 17 tháng 11 năm 1987 và Pháp lệnh sửa đổi, bổ sung một số điều trong Pháp lệnh thuế hàng hóa ngày 03 tháng 3 năm 1989.",
    [
      ["Pháp lệnh Sửa đổi một số điều về thuế", 1983, "CITES", null],
      ["Pháp lệnh Bổ sung, sửa đổi một số điều lệ về thuế hàng hóa", 1987, "CITES", null],
      ["Pháp lệnh Sửa đổi, bổ sung một số điều trong Pháp lệnh thuế hàng hóa", 1989, "CITES", null],
    ],
  ],
  // what a guiding text details may be named as a rule's source ("theo quy định tại …", "theo các
  // điều, khoản sau đây của …"); a list of parts goes on after a law's name; "Bộ luật" may wrap
  [
    "Nghị định này quy định chi tiết hoạt động đầu tư từ quỹ theo quy định tại khoản 4 Điều 122, khoản 3 Điều 123 Luật Bảo hiểm xã hội, khoản 5 Điều 35 Luật Bảo hiểm y tế.",
    [
      ["Luật Bảo hiểm xã hội", null, "GUIDES", "Điều 122.4, Điều 123.3"],
      ["Luật Bảo hiểm y tế", null, "GUIDES", "Điều 35.5"],
    ],
  ],
  [
    "Nghị định này quy định chi tiết và hướng dẫn thi hành một số nội dung về điều kiện lao động theo các điều, khoản sau đây của Bộ\nluật Lao động:",
    [["Bộ luật Lao động", null, "GUIDES", null]],
  ],
  // a verb other than a guiding one: the rule's source is no object ("bãi bỏ" does not reach it)
  ["Bãi bỏ mức thu học phí theo quy định tại Luật Giáo dục.", [["Luật Giáo dục", null, "CITES", null]]],
  // a law named in a time condition is no object of the verb
  [
    "Tạm ngưng hiệu lực áp dụng cho đến khi Luật Dược (sửa đổi) có hiệu lực thi hành đối với Nghị định này.",
    [["Luật Dược", null, "CITES", null]],
  ],
  [
    "Tạm ngưng hiệu lực áp dụng cho đến khi Luật Dược (sửa đổi) và Nghị định hướng dẫn Luật Dược (sửa đổi) có hiệu lực thi hành đối với Nghị định này.",
    [
      ["Luật Dược", null, "CITES", null],
      ["Luật Dược", null, "CITES", null],
    ],
  ],
];

describe("relation kinds of laws named without a number (#19)", () => {
  it.each(NAMED_RELATIONS)("%j", (text, expected) => {
    const named = extractDocument(text).namedReferences;
    expect(named.map((r) => [r.name, r.year ?? null, r.relationKind, r.scope])).toEqual(expected);
  });

  it("takes the number the same text gives the law (of the year written)", () => {
    const text =
      "Căn cứ Luật Việc làm ngày 16 tháng 6 năm 2025;\nĐiều 1. Phạm vi\n1. Nghị định này quy định chi tiết Điều 12 Luật Việc làm.\n2. Người lao động theo Luật Việc làm số 38/2013/QH13 và Luật Việc làm số 74/2025/QH15.\n";
    const named = extractDocument(text).namedReferences.filter((r) => r.kind === "law");
    expect(named.map((r) => [r.name, r.year ?? null, r.relationKind, r.resolvedSymbol])).toEqual([
      ["Luật Việc làm", 2025, "BASED_ON", "74/2025/QH15"],
      ["Luật Việc làm", 2025, "GUIDES", "74/2025/QH15"],
    ]);
  });
});

describe("the document's own effect clause (#19)", () => {
  const header =
    "CHÍNH PHỦ\nSố: 30/2021/NĐ-CP\nHà Nội, ngày 15 tháng 4 năm 2021\nNGHỊ ĐỊNH\nvề thử nghiệm\nĐiều 1. Phạm vi\nNội dung.\nĐiều 2. Hiệu lực thi hành\n";
  it.each([
    ["Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2021.", "2021-07-01", null, null],
    ["Nghị định này có hiệu lực kể từ ngày ký ban hành.", "2021-04-15", "signature", null],
    ["Nghị định này có hiệu lực sau 45 ngày kể từ ngày ký.", "2021-05-30", "+45 days from signature", null],
    [
      "Nghị định này có hiệu lực từ ngày 01/5/2021 và hết hiệu lực kể từ ngày 31/12/2021. Nghị định này hết hiệu lực kể từ ngày 31/12/2021.",
      "2021-05-01",
      null,
      "2021-12-31",
    ],
  ] as const)("%j", (clause, from, rule, until) => {
    const effect = extractDocument(header + clause).document.effect;
    expect(effect).toMatchObject({ effectiveFrom: from, rule, effectiveUntil: until });
    expect((header + clause).slice(...effect!.span)).toBe(effect!.quote);
  });

  it("reads every clause about the document or a part of it, the first about the whole as its effect", () => {
    const text =
      header +
      "1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 6 năm 2021.\n2. Khoản 3 Điều 4 của Nghị định này có hiệu lực từ ngày 01 tháng 01 năm 2022 đến hết ngày 31 tháng 12 năm 2023.\n3. Các điều, khoản sau đây có hiệu lực từ ngày 01 tháng 9 năm 2021:\na) Điều 5;\n4. Hồ sơ nộp trước ngày Nghị định này có hiệu lực thi hành thì tiếp tục giải quyết theo quy định tại Điều 7 có hiệu lực từ ngày 01/01/2020.";
    const doc = extractDocument(text).document;
    expect(doc.effect).toMatchObject({ effectiveFrom: "2021-06-01", whole: true });
    expect(doc.effects!.map((e) => [e.whole, e.scope, e.effectiveFrom, e.effectiveUntil])).toEqual([
      [true, null, "2021-06-01", null],
      [false, "Điều 4.3", "2022-01-01", "2023-12-31"],
      [false, null, "2021-09-01", null],
    ]);
    for (const e of doc.effects!) expect(text.slice(...e.span)).toBe(e.quote);
  });

  it("reads a council's closing paragraph and a heading above the clause", () => {
    const council =
      "HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 20/2018/NQ-HĐND\nNGHỊ QUYẾT\nVề mức thu phí\nĐiều 1. Mức thu\nNội dung.\nĐiều 2. Tổ chức thực hiện\nNghị quyết này đã được Hội đồng nhân dân tỉnh Bình Định khóa XII, kỳ họp thứ 7 thông qua ngày 12 tháng 7 năm 2018 và có hiệu lực từ ngày 22 tháng 7 năm 2018./.";
    expect(extractDocument(council).document.effect).toMatchObject({
      effectiveFrom: "2018-07-22",
      whole: true,
    });
    expect(
      extractDocument(
        header + "Điều 3. Hiệu lực thi hành\nNghị định này có hiệu lực từ ngày 10 tháng 6 năm 2021.",
      ).document.effect,
    ).toMatchObject({
      effectiveFrom: "2021-06-10",
      quote: "Nghị định này có hiệu lực từ ngày 10 tháng 6 năm 2021",
    });
  });

  it("reads a Party text's 'thực hiện kể từ ngày ký', also after a clause it shares its subject with", () => {
    const party =
      "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TUYÊN GIÁO\nSố 15-HD/BTGTW\nHà Nội, ngày 10 tháng 3 năm 2024\nHƯỚNG DẪN\ncông tác tuyên truyền\nNội dung.\n";
    const shared =
      "Hướng dẫn này thay thế Hướng dẫn số 04-HD/BTGTW, ngày 02-02-2019 của Ban Tuyên giáo Trung ương; được phổ biến đến chi bộ và thực hiện kể từ ngày ký.";
    expect(extractDocument(party + shared).document.effect).toMatchObject({
      effectiveFrom: "2024-03-10",
      rule: "signature",
      whole: true,
      quote: shared.slice(0, -1),
    });
    expect(
      extractDocument(party + "Quy định này được thực hiện từ ngày 01 tháng 4 năm 2024.").document.effect,
    ).toMatchObject({ effectiveFrom: "2024-04-01", whole: true });
    // another subject after the ";": not this text's clause
    expect(
      extractDocument(
        party + "Hướng dẫn này được phổ biến đến chi bộ; các cấp ủy thực hiện kể từ ngày 01/4/2024.",
      ).document.effect,
    ).toBeUndefined();
  });

  it("is not read from another document's clause", () => {
    expect(
      extractDocument(header + "Quyết định số 12/2015/QĐ-UBND có hiệu lực từ ngày 01/5/2015.").document
        .effect,
    ).toBeUndefined();
  });
});
