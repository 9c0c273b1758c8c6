import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/index.js";
import { ingestRows, parseDocumentKey, preambleCode } from "../../../src/graph/ingest-rows.js";
import { seedsDir } from "../../../src/config/settings.js";

const seed = ingestRows(
  extractDocument(fs.readFileSync(path.join(seedsDir, "quang-ninh-2022-phuong-huong-nhiem-vu.txt"), "utf8")),
);

const decree = ingestRows(
  extractDocument(`CHÍNH PHỦ
Số: 15/2099/NĐ-CP
Hà Nội, ngày 10 tháng 3 năm 2099

NGHỊ ĐỊNH
Quy định chi tiết một số điều của Luật Nghề thủ công

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Căn cứ Luật Nghề thủ công ngày 01 tháng 7 năm 2021;
Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ;

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chi tiết Nghị định số 15/2099/NĐ-CP.
`),
);

describe("ingestRows: the extractor's model as flat rows", () => {
  it.each([
    ["NQ|26-NQ/TW|2018", { typeCode: "NQ", symbol: "26-NQ/TW", year: 2018 }],
    ["CT|05-CT/TW|?", { typeCode: "CT", symbol: "05-CT/TW", year: null }],
    ["not a key", null],
  ])("parseDocumentKey(%s)", (key, parts) => {
    expect(parseDocumentKey(key)).toEqual(parts);
  });

  it("keys every task under its document and links each to its parent", () => {
    const task = seed.tasks.find((t) => t.code === "II.2.2")!;
    expect(task).toMatchObject({
      key: `${seed.document.key}#II.2.2`,
      parentKey: `${seed.document.key}#II.2`,
    });
    // the seed's opening paragraph cites "Kết luận Hội nghị Trung ương 4 khóa XIII" before section I
    expect(seed.tasks.filter((t) => t.parentKey === null).map((t) => t.code)).toEqual([
      preambleCode,
      "I",
      "II",
      "III",
    ]);
    const opening = seed.citations.filter((c) => c.taskKey === `${seed.document.key}#${preambleCode}`);
    expect(opening.map((c) => c.documentKey)).toEqual(["KL|21-KL/TW|2021"]);
  });

  it("turns a name resolved by a shipped fact into a citation marked byName, with the fact's source", () => {
    const byName = seed.citations.filter((c) => c.byName);
    expect(byName.map((c) => c.documentKey)).toContain("NQ|04-NQ/TW|2016");
    for (const citation of byName) expect(citation.resolvedBy).toBeTruthy();
    expect(seed.citedDocuments.find((d) => d.key === "NQ|04-NQ/TW|2016")).toMatchObject({
      symbol: "04-NQ/TW",
      year: 2016,
    });
  });

  it("hangs citations outside every heading from a synthetic preamble task", () => {
    expect(decree.tasks[0]).toMatchObject({ code: preambleCode, kind: "preamble", parentKey: null });
    const preamble = decree.citations.filter((c) => c.taskKey.endsWith(`#${preambleCode}`));
    // Luật Tổ chức Chính phủ of 19/6/2015 is 76/2015/QH13 by the table of laws (its own header in
    // the corpus): a citation by name; the decree, by its number
    expect(preamble.map((c) => c.documentKey)).toEqual(["NĐ|43/2014/NĐ-CP|2014", "Luật|76/2015/QH13|2015"]);
  });

  it("keeps a law cited by name apart from numbered documents, with its year in the key, unless a known fact gives its number", () => {
    // a made-up law, not in the table of laws (named twice: in the preamble and in the decree's title)
    expect(new Set(decree.namedReferences.map((n) => n.namedKey))).toEqual(
      new Set(["Luật|Luật Nghề thủ công|2021"]),
    );
    const byName = decree.citations.find((c) => c.byName);
    expect(byName).toMatchObject({ documentKey: "Luật|76/2015/QH13|2015", kind: "BASED_ON" });
    expect(byName?.resolvedBy).toMatch(/^the corpus table of laws \(Luật tổ chức Chính phủ, 2015-06-19: /);
  });

  it("drops a document's citation of its own number", () => {
    expect(decree.document.key).toBe("NĐ|15/2099/NĐ-CP|2099");
    expect(decree.citations.map((c) => c.documentKey)).not.toContain(decree.document.key);
  });
});
