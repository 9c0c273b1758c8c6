import { readFileSync } from "node:fs";
import { extractDocument, type ParsedDocument } from "../../../src/extract/index.js";

export const seedText: string = readFileSync(
  new URL("../../../seeds/quang-ninh-2022-phuong-huong-nhiem-vu.txt", import.meta.url),
  "utf8",
);

let cached: ParsedDocument | null = null;

/** The seed, extracted once per test file. */
export function seedDocument(): ParsedDocument {
  cached ??= extractDocument(seedText, { sourceName: "quang-ninh-2022-phuong-huong-nhiem-vu.txt" });
  return cached;
}
