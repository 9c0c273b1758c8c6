import { describe, expect, it } from "vitest";
import { organizationStructure, repairBodyName } from "../../../src/extract/index.js";
import { organizationFromName } from "../../../src/extract/header/resolve-organization.js";

// Organizations as nodes (#20): names repaired by the vocabulary of body names, one key for a
// body's short and long names, and where a body stands (province, parent). The damaged names are
// the seed's (seeds/quang-ninh-2022-phuong-huong-nhiem-vu.txt, section III, lines 685–697).

describe("repairBodyName", () => {
  it.each([
    // seed line 685: "các tồ chức chính trị - xã hội tỉnh"
    ["Tồ chức chính trị - xã hội tỉnh", "Tổ chức chính trị - xã hội tỉnh"],
    // seed line 579: "tồ chức chính trị-xã hội" (hyphen without spaces)
    ["Tồ chức chính trị-xã hội", "Tổ chức chính trị - xã hội"],
    // seed line 691: "Sở Thông tín Truyền thông" (a tone mark and "và" lost)
    ["Sở Thông tín Truyền thông", "Sở Thông tin và Truyền thông"],
    // the seed's receivers: "ƯBND tỉnh"; a lost hook: "Uy ban"
    ["Uy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"],
    // one letter misread in a long name
    ["Ủy han nhân dân tỉnh", "Ủy ban nhân dân tỉnh"],
    // capitals alone are no damage: kept as printed
    ["Đảng Đoàn Hội đồng nhân dân tỉnh", "Đảng Đoàn Hội đồng nhân dân tỉnh"],
    ["Ban cán sự đảng ủy ban nhân dân tỉnh", "Ban cán sự đảng ủy ban nhân dân tỉnh"],
    // a lost tone mark is repaired in a short name too ("tê" folds as "tế")…
    ["Sở Y tê", "Sở Y tế"],
    // … but a short name is not matched within an edit: "Sở Y tá" is not "Sở Y tế"
    ["Sở Y tá", "Sở Y tá"],
    // no vocabulary name starts it
    ["Trung tâm Hành chính công", "Trung tâm Hành chính công"],
  ])("%s → %s", (printed, repaired) => {
    expect(repairBodyName(printed)).toBe(repaired);
  });
});

describe("organizationFromName: one key for one body, the printed form beside it", () => {
  it.each([
    // a short and a long name of the Quảng Ninh People's Committee: one key
    [
      "UBND tỉnh",
      "Quảng Ninh",
      "uy-ban-nhan-dan-tinh-quang-ninh",
      "Ủy ban nhân dân tỉnh Quảng Ninh",
      "UBND tỉnh",
    ],
    [
      "Ủy ban nhân dân tỉnh",
      "Quảng Ninh",
      "uy-ban-nhan-dan-tinh-quang-ninh",
      "Ủy ban nhân dân tỉnh Quảng Ninh",
      "Ủy ban nhân dân tỉnh",
    ],
    [
      "Uy ban nhân dân tỉnh Quảng Ninh",
      null,
      "uy-ban-nhan-dan-tinh-quang-ninh",
      "Ủy ban nhân dân tỉnh Quảng Ninh",
      "Uy ban nhân dân tỉnh Quảng Ninh",
    ],
    // the seed's damaged department is the department of the vocabulary
    [
      "Sở Thông tín Truyền thông",
      "Quảng Ninh",
      "so-thong-tin-va-truyen-thong-quang-ninh",
      "Sở Thông tin và Truyền thông Quảng Ninh",
      "Sở Thông tín Truyền thông",
    ],
    // a body the vocabulary does not know keeps its key; the name is repaired
    [
      "các tồ chức chính trị - xã hội tỉnh",
      "Quảng Ninh",
      "to-chuc-chinh-tri-xa-hoi-tinh-quang-ninh",
      "Tổ chức chính trị - xã hội tỉnh",
      "Tồ chức chính trị - xã hội tỉnh",
    ],
    // printed as named: nothing beside it
    ["Huyện ủy", "Quảng Ninh", "huyen-uy-quang-ninh", "Huyện ủy", undefined],
  ])("%s (%s) → %s", (printed, province, key, name, asPrinted) => {
    const org = organizationFromName(printed, province);
    expect(org).toMatchObject({ key, name });
    expect(org.printed).toBe(asPrinted);
  });
});

describe("organizationStructure: province and parent", () => {
  const parentOf = (key: string, name: string) =>
    organizationStructure({ key, name, kind: "state" }).parent?.key ?? null;

  it.each([
    // a provincial department under its province's People's Committee
    ["so-tai-chinh-quang-ninh", "Sở Tài chính Quảng Ninh", "uy-ban-nhan-dan-tinh-quang-ninh"],
    // … under the city's in a centrally-run city
    ["so-tai-chinh-ha-noi", "Sở Tài chính Hà Nội", "uy-ban-nhan-dan-thanh-pho-ha-noi"],
    // Ban Thường vụ Tỉnh ủy and the boards of a Tỉnh ủy are part of it
    ["ban-thuong-vu-tinh-uy-quang-ninh", "Ban Thường vụ Tỉnh ủy Quảng Ninh", "tinh-uy-quang-ninh"],
    ["ban-tuyen-giao-tinh-uy-quang-ninh", "Ban Tuyên giáo Tỉnh ủy Quảng Ninh", "tinh-uy-quang-ninh"],
    [
      "thuong-truc-hoi-dong-nhan-dan-tinh-quang-ninh",
      "Thường trực HĐND",
      "hoi-dong-nhan-dan-tinh-quang-ninh",
    ],
    // a board read from free text: "các ban xây dựng Đảng của Tỉnh ủy" (seed line 685)
    ["ban-xay-dung-dang-cua-tinh-uy-quang-ninh", "Ban xây dựng Đảng của Tỉnh ủy", "tinh-uy-quang-ninh"],
    // national bodies
    ["bo-tai-chinh", "Bộ Tài chính", "chinh-phu"],
    ["bo-chinh-tri", "Bộ Chính trị", "ban-chap-hanh-trung-uong"],
    ["kiem-toan-nha-nuoc", "Kiểm toán nhà nước", "quoc-hoi"],
    // tops, members and bodies the text does not place: no parent
    ["tinh-uy-quang-ninh", "Tỉnh ủy Quảng Ninh", null],
    ["uy-vien-ban-thuong-vu-tinh-uy-quang-ninh", "Ủy viên Ban Thường vụ Tỉnh ủy", null],
    ["trung-tam-truyen-thong-tinh-quang-ninh", "Trung tâm Truyền thông tỉnh", null],
  ])("%s is part of %s", (key, name, parent) => {
    expect(parentOf(key, name)).toBe(parent);
  });

  it("the province from the key; one canonical name for the two names of a Tỉnh ủy", () => {
    const issuer = {
      key: "tinh-uy-quang-ninh",
      name: "Ban Chấp hành Đảng bộ tỉnh Quảng Ninh",
      kind: "party" as const,
    };
    expect(organizationStructure(issuer)).toEqual({
      province: "Quảng Ninh",
      parent: null,
      canonicalName: "Tỉnh ủy Quảng Ninh",
    });
    expect(organizationStructure({ key: "chinh-phu", name: "Chính phủ", kind: "state" }).province).toBeNull();
    expect(organizationStructure({ key: "huyen-uy-quang-ninh", name: "Huyện ủy", kind: "party" })).toEqual({
      province: "Quảng Ninh",
      parent: null,
      canonicalName: null,
    });
  });
});
