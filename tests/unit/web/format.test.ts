import { describe, expect, it } from "vitest";
import { stubBrowserGlobals } from "./browser-globals.js";

// format.ts reads its "unknown" label from i18n, which reads the language when it loads
stubBrowserGlobals();

const { documentName, formatDate } = await import("../../../web/src/format.js");
const { setLang } = await import("../../../web/src/i18n.js");

// How the explorer names documents and writes dates (web/src/format.ts).

describe("documentName", () => {
  // prettier-ignore
  it.each<[Parameters<typeof documentName>[0], string]>([
    [{ id: "x", type: "Nghị quyết", symbol: "128/NQ-CP" },                                           "Nghị quyết 128/NQ-CP"],
    [{ id: "x", type: "Chỉ thị", symbol: "05-CT/TW", title: "về tiếp tục đẩy mạnh" },                 "Chỉ thị 05-CT/TW"],
    [{ id: "x", type: "Nghị quyết", symbol: null, title: "về phương hướng, nhiệm vụ năm 2022" },     "Nghị quyết về phương hướng, nhiệm vụ năm 2022"],
    [{ id: "x", type: "Kế hoạch", symbol: null, documentTitle: "thực hiện Nghị quyết" },             "Kế hoạch thực hiện Nghị quyết"],
    [{ id: "x", type: "Kế hoạch", title: "own title", documentTitle: "document title" },            "Kế hoạch own title"],
    [{ id: "x", type: "Nghị quyết", symbol: "", title: "" },                                         "Nghị quyết"],
    [{ id: "x", type: "Quyết định", symbol: null, title: null, documentTitle: null },               "Quyết định"],
  ])("%j is %j", (document, name) => {
    expect(documentName(document)).toBe(name);
  });
});

describe("formatDate", () => {
  // prettier-ignore
  it.each<[string | null | undefined, "vi" | "en", string]>([
    ["2018-05-19",  "vi", "19/5/2018"],
    ["2021-10-01",  "vi", "1/10/2021"],
    ["2022-12-31",  "en", "31/12/2022"],
    ["2022-Q3",     "vi", "2022-Q3"],
    ["2018-5-19",   "vi", "2018-5-19"],
    [null,          "vi", "không rõ"],
    [undefined,     "vi", "không rõ"],
    ["",            "vi", "không rõ"],
    [null,          "en", "unknown"],
  ])("%j (%s) is %j", (iso, lang, written) => {
    setLang(lang);
    expect(formatDate(iso)).toBe(written);
  });
});
