import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/index.js";

const header = (numberLine: string) => `TỈNH ỦY QUẢNG NINH
${numberLine}
Quảng Ninh, ngày 15 tháng 9 năm 2021

CHỈ THỊ
CỦA BAN THƯỜNG VỤ TỈNH ỦY
về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh

I- NHIỆM VỤ
1. Nêu gương
Cán bộ, đảng viên phải gương mẫu.
`;

describe("a Party document's own header", () => {
  it.each([
    ["Số 16-CT/TU", "CT|16-CT/TU|2021"],
    ["Số: 16-CT/TU", "CT|16-CT/TU|2021"],
    ["Số 16 - CT/TU", "CT|16-CT/TU|2021"],
  ])("%s gives the key %s, the same key a citation of it gets", (numberLine, key) => {
    const parsed = extractDocument(header(numberLine));
    expect(parsed.document.key).toBe(key);
    expect(parsed.citations.map((c) => c.symbol)).not.toContain("16-CT/TU");
  });

  it("takes the province from the 'TỈNH ỦY QUẢNG NINH' line for the issuer", () => {
    expect(extractDocument(header("Số 16-CT/TU")).document.issuer).toMatchObject({
      key: "ban-thuong-vu-tinh-uy-quang-ninh",
      name: "Ban Thường vụ Tỉnh ủy Quảng Ninh",
    });
  });

  it("does not read a body line 'Số lượng …' as a number line", () => {
    const parsed = extractDocument(header("Số lượng đảng viên mới tăng 3%"));
    expect(parsed.document.symbol).toBeNull();
  });
});
