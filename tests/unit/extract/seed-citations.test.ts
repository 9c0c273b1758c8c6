import { describe, expect, it } from "vitest";
import { seedDocument, seedText } from "./seed-fixture.js";

type Row = readonly [
  symbol: string,
  type: string,
  date: string | null,
  issuer: string | null,
  task: string,
  key: string,
];

// All 24 numbered documents the seed cites, hand-checked against the text, in reading order.
const CITATIONS: readonly Row[] = [
  ["128/NQ-CP", "Nghị quyết", "2021-10-11", "chinh-phu", "II.1", "NQ|128/NQ-CP|2021"],
  ["18-CT/TU", "Chỉ thị", "2021-10-18", "ban-thuong-vu-tinh-uy-quang-ninh", "II.1", "CT|18-CT/TU|2021"],
  ["21-KL/TW", "Kết luận", "2021-10-25", null, "II.2.1", "KL|21-KL/TW|2021"],
  ["37-QĐ/TW", "Quy định", "2021-10-25", "ban-chap-hanh-trung-uong", "II.2.1", "QĐi|37-QĐ/TW|2021"],
  ["05-CT/TW", "Chỉ thị", null, "bo-chinh-tri", "II.2.1", "CT|05-CT/TW|?"],
  ["01-KL/TW", "Kết luận", null, "bo-chinh-tri", "II.2.1", "KL|01-KL/TW|?"],
  ["16-CT/TU", "Chỉ thị", "2021-09-15", "ban-thuong-vu-tinh-uy-quang-ninh", "II.2.1", "CT|16-CT/TU|2021"],
  ["26-NQ/TW", "Nghị quyết", "2018-05-19", "ban-chap-hanh-trung-uong", "II.2.2", "NQ|26-NQ/TW|2018"],
  ["228-KH/TU", "Kế hoạch", "2018-08-29", "ban-thuong-vu-tinh-uy-quang-ninh", "II.2.2", "KH|228-KH/TU|2018"],
  ["01-NQ/TU", "Nghị quyết", "2020-11-16", "tinh-uy-quang-ninh", "II.3.1", "NQ|01-NQ/TU|2020"],
  ["15-NQ/TU", "Nghị quyết", "2019-04-23", "tinh-uy-quang-ninh", "II.3.2", "NQ|15-NQ/TU|2019"],
  ["06-NQ/TU", "Nghị quyết", "2021-05-17", "tinh-uy-quang-ninh", "II.3.3", "NQ|06-NQ/TU|2021"],
  ["19-NQ/TU", "Nghị quyết", "2019-11-28", "ban-thuong-vu-tinh-uy-quang-ninh", "II.3.3", "NQ|19-NQ/TU|2019"],
  [
    "16/2021/NQ-HĐND",
    "Nghị quyết",
    "2021-07-16",
    "hoi-dong-nhan-dan-tinh-quang-ninh",
    "II.3.4",
    "NQ|16/2021/NQ-HĐND|2021",
  ],
  ["16-NQ/TU", "Nghị quyết", "2019-05-09", "tinh-uy-quang-ninh", "II.3.5", "NQ|16-NQ/TU|2019"],
  ["05-NQ/TU", "Nghị quyết", "2021-04-09", "tinh-uy-quang-ninh", "II.4.3", "NQ|05-NQ/TU|2021"],
  ["33-NQ/TW", "Nghị quyết", "2014-06-09", "ban-chap-hanh-trung-uong", "II.5", "NQ|33-NQ/TW|2014"],
  ["23-NQ/TW", "Nghị quyết", "2008-06-16", "ban-chap-hanh-trung-uong", "II.5", "NQ|23-NQ/TW|2008"],
  ["76-KL/TW", "Kết luận", "2020-06-04", "bo-chinh-tri", "II.5", "KL|76-KL/TW|2020"],
  ["1909/QĐ-TTg", "Quyết định", "2021-11-12", "thu-tuong-chinh-phu", "II.5", "QĐ|1909/QĐ-TTg|2021"],
  ["11-NQ/TU", "Nghị quyết", "2018-03-09", "tinh-uy-quang-ninh", "II.5", "NQ|11-NQ/TU|2018"],
  ["03-NQ/TU", "Nghị quyết", "2021-03-23", "ban-thuong-vu-tinh-uy-quang-ninh", "II.6", "NQ|03-NQ/TU|2021"],
  ["04-NQ/TU", "Nghị quyết", "2021-03-24", "ban-thuong-vu-tinh-uy-quang-ninh", "II.6", "NQ|04-NQ/TU|2021"],
  ["409-QĐ/TU", "Quyết định", "2021-11-01", "ban-thuong-vu-tinh-uy-quang-ninh", "II.6", "QĐ|409-QĐ/TU|2021"],
];

describe("seed: numbered citations", () => {
  const doc = seedDocument();

  it("finds exactly the 24 numbered documents, in reading order", () => {
    expect(doc.citations.map((c) => c.symbol)).toEqual(CITATIONS.map(([symbol]) => symbol));
    expect(new Set(doc.citations.map((c) => c.key)).size).toBe(24);
  });

  it.each(CITATIONS)("%s: %s of %s by %s, in task %s, keyed %s", (symbol, type, date, issuer, task, key) => {
    const c = doc.citations.find((x) => x.symbol === symbol)!;
    expect(c.type).toBe(type);
    expect(c.date).toBe(date);
    expect(c.issuer?.key ?? null).toBe(issuer);
    expect(c.task).toBe(task);
    expect(c.key).toBe(key);
    expect(c.resolved).toBe(!key.endsWith("|?"));
    expect(seedText.slice(c.span[0], c.span[1])).toBe(c.quote);
  });

  it.each([
    ["16-CT/TU", "Chỉ thị số 16-\nCT/TU ngày 15/9/2021 của Ban Thường vụ Tỉnh ủy", "16-\nCT/TU"],
    ["15-NQ/TU", "Nghị quyết số 15- NQ/TU ngày 23/4/2019 của Tỉnh \nủy", "15- NQ/TU"],
    ["37-QĐ/TW", "Quy định so 37-QĐ/TW ngày 25/10/2021 \ncủa Ban Chấp hành Trung ương", "37-QĐ/TW"],
    ["26-NQ/TW", "Nghị quyết 26-NQ/TW ngày \n19/5/2018 của Ban Chấp hành Trung ương", "26-NQ/TW"],
    ["18-CT/TU", "Chỉ thị số 18-CT/TU ngày 18/10/2021 của Ban Thương \nvụ Tỉnh ủy", "18-CT/TU"],
    ["04-NQ/TU", "số 04-NQ/TU ngày 24/3/2021 của Ban \nThường vụ Tỉnh ủy", "04-NQ/TU"],
  ])("%s is quoted exactly as printed, line breaks and OCR included", (symbol, quote, asPrinted) => {
    const c = doc.citations.find((x) => x.symbol === symbol)!;
    expect(c.quote).toBe(quote);
    expect(c.symbolAsPrinted).toBe(asPrinted);
  });

  it.each([
    // a list that shares its issuer: "Chỉ thị số 05-CT/TW, Kết luận 01-KL/TW của Bộ Chính trị"
    ["05-CT/TW", "list"],
    ["01-KL/TW", "text"],
    ["33-NQ/TW", "list"],
    ["23-NQ/TW", "text"],
    ["03-NQ/TU", "list"],
    ["04-NQ/TU", "text"],
    ["128/NQ-CP", "text"],
  ])("%s takes its issuer from the %s", (symbol, source) => {
    expect(doc.citations.find((x) => x.symbol === symbol)?.issuerSource).toBe(source);
  });

  it("leaves the issuer of 21-KL/TW open (the TW code names three bodies) and lists the candidates", () => {
    const c = doc.citations.find((x) => x.symbol === "21-KL/TW")!;
    expect(c.issuer).toBeNull();
    expect(c.issuerCandidates?.map((o) => o.key)).toEqual([
      "ban-chap-hanh-trung-uong",
      "bo-chinh-tri",
      "ban-bi-thu",
    ]);
  });

  it("keeps Party citations without a date unresolved, with a warning", () => {
    for (const symbol of ["05-CT/TW", "01-KL/TW"]) {
      const c = doc.citations.find((x) => x.symbol === symbol)!;
      expect(c.resolved).toBe(false);
      expect(c.year).toBeNull();
      expect(c.warnings.map((w) => w.kind)).toEqual(["no-year"]);
    }
  });

  it("gives the type of a list member that only says 'số' from its list", () => {
    expect(doc.citations.find((x) => x.symbol === "04-NQ/TU")?.type).toBe("Nghị quyết");
  });

  it.each([
    ["37-QĐ/TW", "về những điều đảng viên không được làm"],
    ["16-CT/TU", "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chỉ Minh"],
    ["19-NQ/TU", "về phát triển lâm nghiệp bền vững"],
    ["1909/QĐ-TTg", "về việc phê duyệt Chiến lược phát triển văn hóa đến năm 2030"],
    ["11-NQ/TU", "về xây dựng và phát triển văn hóa, con người Quảng Ninh"],
    ["128/NQ-CP", null],
    ["03-NQ/TU", null],
  ])("%s has the subject %j", (symbol, title) => {
    expect(doc.citations.find((x) => x.symbol === symbol)?.title).toBe(title);
  });

  it.each([
    ["128/NQ-CP", "thực hiện"],
    ["37-QĐ/TW", "thực hiện"],
    ["26-NQ/TW", "tiếp tục triển khai"],
    ["11-NQ/TU", "triển khai"],
    ["409-QĐ/TU", "thực hiện"],
    ["16/2021/NQ-HĐND", "theo"],
  ])("%s is cited with the relation %j", (symbol, relation) => {
    expect(doc.citations.find((x) => x.symbol === symbol)?.relation).toBe(relation);
  });

  it("raises no issuer or type mismatch on the seed", () => {
    expect(doc.warnings.filter((w) => w.kind === "issuer-mismatch" || w.kind === "type-mismatch")).toEqual(
      [],
    );
  });
});
