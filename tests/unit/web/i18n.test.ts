import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";
import { stubBrowserGlobals } from "./browser-globals.js";

// The explorer's labels (web/src/i18n.ts): every one in Vietnamese and English, with the same
// placeholders; the language from ?lang=, else the stored choice, else Vietnamese.

stubBrowserGlobals();
const i18n = await import("../../../web/src/i18n.js");

const webSource = fileURLToPath(new URL("../../../web/src/", import.meta.url));

/** The label keys, read from the source's `labels` object (the module exports only its functions). */
function labelKeys(): string[] {
  const file = path.join(webSource, "i18n.ts");
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  let keys: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === "labels" && node.initializer) {
      let literal: ts.Expression = node.initializer;
      while (ts.isAsExpression(literal) || ts.isParenthesizedExpression(literal))
        literal = literal.expression;
      if (ts.isObjectLiteralExpression(literal))
        keys = literal.properties.map((p) => p.name!.getText().replace(/^["']|["']$/g, ""));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return keys;
}

const keys = labelKeys() as Array<Parameters<typeof i18n.t>[0]>;
const placeholders = (label: string) => [...label.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const label = (lang: "vi" | "en", key: (typeof keys)[number]) => {
  i18n.setLang(lang);
  return i18n.t(key);
};

/** the explorer's own source, without i18n.ts: where labels are used */
const viewSources = fs
  .readdirSync(webSource, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts") && !file.endsWith("i18n.ts"))
  .map((file) => fs.readFileSync(path.join(webSource, file), "utf8"))
  .join("\n");

describe("labels", () => {
  it("are found in the source", () => {
    expect(keys.length).toBeGreaterThan(50);
    expect(keys).toContain("skip");
  });

  it.each(keys)("%s: in both languages, not blank, with the same placeholders", (key) => {
    const vi = label("vi", key);
    const en = label("en", key);
    expect(vi.trim()).not.toBe("");
    expect(en.trim()).not.toBe("");
    expect(placeholders(vi)).toEqual(placeholders(en));
  });

  it.each(keys)("%s: used by the explorer", (key) => {
    const used = key.startsWith("field_") || viewSources.includes(`"${key}"`);
    expect(used, `label ${key} is not used in web/src`).toBe(true);
  });

  // prettier-ignore
  it.each<["vi" | "en", string, Record<string, string | number>, string]>([
    ["vi", "statsLine", { documents: 12, ingested: 1, tasks: 90, citations: 5 }, "12 văn bản (1 đã nạp toàn văn), 90 nhiệm vụ, 5 trích dẫn"],
    ["en", "statsLine", { documents: 12, ingested: 1, tasks: 90, citations: 5 }, "12 documents (1 with full text), 90 tasks, 5 citations"],
    ["en", "statsLine", { documents: 12 },                                    "12 documents ({ingested} with full text), {tasks} tasks, {citations} citations"],
    ["vi", "searchButton", {},                                                "Tìm"],
    ["en", "searchButton", {},                                                "Search"],
  ])("t in %s: %s with %j is %j", (lang, key, values, text) => {
    i18n.setLang(lang);
    expect(i18n.t(key as (typeof keys)[number], values)).toBe(text);
  });

  // the fields a checkReference conflict names (src/api/services/reference.service.ts)
  // prettier-ignore
  it.each<["vi" | "en", string, string]>([
    ["vi", "date",    "ngày"],
    ["vi", "issuer",  "cơ quan ban hành"],
    ["vi", "type",    "loại văn bản"],
    ["en", "date",    "date"],
    ["en", "issuer",  "issuer"],
    ["en", "type",    "type"],
    ["en", "symbol",  "symbol"],
  ])("fieldLabel in %s: %s is %j", (lang, field, text) => {
    i18n.setLang(lang);
    expect(i18n.fieldLabel(field)).toBe(text);
  });
});

describe("the language", () => {
  // prettier-ignore
  it.each<[string, string | null, "vi" | "en", string | null]>([
    // ?lang=,        stored,  chosen, stored after
    ["",              null,    "vi",   null],
    ["",              "en",    "en",   "en"],
    ["",              "fr",    "vi",   "fr"],
    ["?lang=en",      null,    "en",   "en"],
    ["?lang=vi",      "en",    "vi",   "vi"],
    ["?lang=fr",      "en",    "en",   "en"],
    ["?q=x&lang=en",  "vi",    "en",   "en"],
  ])("%j with %j stored is %s", async (search, stored, chosen, storedAfter) => {
    const storage = stubBrowserGlobals(search, stored);
    vi.resetModules();
    const fresh = await import("../../../web/src/i18n.js");
    expect(fresh.lang()).toBe(chosen);
    expect(storage.get("cancu.lang") ?? null).toBe(storedAfter);
  });

  it("setLang switches labels, stores the choice and sets the page's lang", async () => {
    const storage = stubBrowserGlobals();
    vi.resetModules();
    const fresh = await import("../../../web/src/i18n.js");
    fresh.setLang("en");
    expect([
      fresh.lang(),
      fresh.t("switchLang"),
      storage.get("cancu.lang"),
      document.documentElement.lang,
    ]).toEqual(["en", "Tiếng Việt", "en", "en"]);
  });
});
