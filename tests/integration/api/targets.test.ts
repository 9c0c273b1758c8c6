import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type Api } from "../../../src/api/create-server.js";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { ingestText } from "../../../src/graph/ingest.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";
import { ensureSeed } from "../../setup/seed-graph.js";

// Targets across documents (#20): the seed (Quảng Ninh, plan for 2022) and two provincial council
// resolutions of 2017 from ../shared/corpus/hdnd_resolutions/: Gia Lai 54/2017/NQ-HĐND (tasks of
// the second half of 2017) and Hậu Giang 01/2017/NQ-HĐND. Expected values written from the texts:
// the seed's "(4) Tốc độ táng trưởng (GRDP) đạt trên 10%" (line 55), Gia Lai's "đảm bảo tốc độ tăng
// trưởng kinh tế (GRDP) đạt 7,52% trở lên, thu ngân sách nhà nước trên địa bàn phấn đấu đạt trên
// 4.000 tỷ đồng" (lines 123–124), Hậu Giang's "nâng tỷ lệ bao phủ của bảo hiểm y tế đạt 78%".

const GIA_LAI = "../shared/corpus/hdnd_resolutions/54-2017-nq-hđnd.md";
const HAU_GIANG = "../shared/corpus/hdnd_resolutions/01-2017-nq-hđnd.md";
const driver = testDriver();
const executor = new GraphExecutor(driver, testNeo4j().database);
let api: Api;

async function run<T>(source: string) {
  const contextValue = await api.contextFor({});
  const response = await api.apollo.executeOperation<T>({ query: source }, { contextValue });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult;
}

async function query<T>(source: string): Promise<T> {
  const result = await run<T>(source);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

beforeAll(async () => {
  await ensureSeed();
  for (const file of [GIA_LAI, HAU_GIANG])
    await ingestText(executor, { text: fs.readFileSync(file, "utf8"), sourceName: file.split("/").at(-1)! });
  api = await createApi({ graph: executor });
});

afterAll(async () => {
  await api?.apollo.stop();
  await driver.close();
});

interface Edge {
  cursor: string;
  node: {
    indicator: { key: string; label: string } | null;
    year: number | null;
    province: string | null;
    quantities: { value: number; unit: string | null; comparator: string | null; quote: string }[];
    document: { symbol: string | null; title: string | null };
  };
}
type Page = { targets: { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const FIELDS = `edges { cursor node { indicator { key label } year province quantities { value unit comparator quote } document { symbol title } } }
  pageInfo { hasNextPage endCursor }`;
const OURS = new Set(["Gia Lai", "Quảng Ninh", "Hậu Giang"]);
const ours = (edges: Edge[]) => edges.filter((e) => OURS.has(e.node.province ?? ""));

describe("targets(indicator, year, province) across documents", () => {
  it("GRDP growth: Gia Lai's 2017 target (at least 7,52 %) before Quảng Ninh's 2022 one (above 10 %), by province", async () => {
    const { targets } = await query<Page>(`{ targets(indicator: "grdp-growth", first: 50) { ${FIELDS} } }`);
    const rows = ours(targets.edges).map((e) => [
      e.node.province,
      e.node.year,
      e.node.document.symbol ?? e.node.document.title,
      e.node.quantities[0]!.value,
      e.node.quantities[0]!.comparator,
      e.node.quantities[0]!.quote,
    ]);
    expect(rows).toEqual([
      ["Gia Lai", 2017, "54/2017/NQ-HĐND", 7.52, "trở lên", "7,52% trở lên"],
      ["Quảng Ninh", 2022, "về phương hướng, nhiệm vụ năm 2022", 10, "trên", "10%"],
    ]);
    for (const e of targets.edges)
      expect(e.node.indicator).toEqual({ key: "grdp-growth", label: "GRDP growth" });
  });

  it("filters by province and year; pages by cursor in the same order", async () => {
    const gialai = await query<Page>(
      `{ targets(indicator: "budget-revenue", province: "Gia Lai", year: 2017) { ${FIELDS} } }`,
    );
    expect(gialai.targets.edges.map((e) => [e.node.document.symbol, e.node.quantities[0]!.value])).toEqual([
      ["54/2017/NQ-HĐND", 4000],
    ]);
    const none = await query<Page>(
      `{ targets(indicator: "grdp-growth", province: "Gia Lai", year: 2022) { ${FIELDS} } }`,
    );
    expect(none.targets.edges).toEqual([]);

    const all = await query<Page>(`{ targets(first: 100) { ${FIELDS} } }`);
    const first = await query<Page>(`{ targets(first: 2) { ${FIELDS} } }`);
    expect(first.targets.pageInfo.hasNextPage).toBe(all.targets.edges.length > 2);
    const next = await query<Page>(
      `{ targets(first: 2, after: ${JSON.stringify(first.targets.pageInfo.endCursor)}) { ${FIELDS} } }`,
    );
    expect([...first.targets.edges, ...next.targets.edges].map((e) => e.cursor)).toEqual(
      all.targets.edges.slice(0, 4).map((e) => e.cursor),
    );
    // health insurance coverage: Hậu Giang's "đạt 78%" (the seed's "tỷ lệ tham gia bảo hiểm y tế đạt
    // trên 95%" stands inside its target (11), whose words name hospital beds first)
    const health = await query<Page>(`{ targets(indicator: "health-insurance-coverage") { ${FIELDS} } }`);
    expect(
      ours(health.targets.edges).map((e) => [e.node.province, e.node.year, e.node.quantities[0]!.value]),
    ).toEqual([["Hậu Giang", 2017, 78]]);
  });

  it("Document.targets gives the indicator and year of each; an unknown indicator is BAD_USER_INPUT naming valid keys", async () => {
    const { document } = await query<{
      document: {
        targets: { ordinal: number; indicator: { key: string } | null; year: number | null; text: string }[];
      };
    }>(`{ document(symbol: "54/2017/NQ-HĐND") { targets { ordinal indicator { key } year text } } }`);
    expect(document.targets.map((t) => [t.ordinal, t.indicator?.key ?? null, t.year])).toEqual([
      [1, "grdp-growth", 2017],
      [2, "budget-revenue", 2017],
      [3, "new-rural-communes", 2017], // "Phấn đấu 22 xã đã đăng ký sẽ đạt chuẩn nông thôn mới trong năm 2017"
      [4, null, 2017], // "Phấn đấu năm 2017 tai nạn giao thông giảm từ 5-10% ở cả 3 tiêu chí"
    ]);

    const result = await run(`{ targets(indicator: "gdp") { edges { cursor } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("grdp-growth");
  });
});
