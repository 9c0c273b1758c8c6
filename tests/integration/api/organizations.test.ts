import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type Api } from "../../../src/api/create-server.js";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { ingestText } from "../../../src/graph/ingest.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";
import { ensureSeed } from "../../setup/seed-graph.js";

// Organizations as first-class nodes (#20) on the seed (Quảng Ninh, 2022) and a Hà Giang council
// resolution (../shared/corpus/hdnd_resolutions/95-nq-hđnd.md). Expected values written from the
// texts: the seed's section III (lines 683–701), 95/NQ-HĐND's Điều 2.

const HA_GIANG = "../shared/corpus/hdnd_resolutions/95-nq-hđnd.md";
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
  await ingestText(executor, { text: fs.readFileSync(HA_GIANG, "utf8"), sourceName: "95-nq-hđnd.md" });
  api = await createApi({ graph: executor });
});

afterAll(async () => {
  await api?.apollo.stop();
  await driver.close();
});

interface Org {
  key: string;
  name: string;
  province: string | null;
  aliases: string[];
  parent: { key: string } | null;
}

describe("organizations of the seed and of a Hà Giang resolution", () => {
  it("organization(key): a department read from damaged OCR, its printed form beside, under the People's Committee", async () => {
    // seed line 691: "Sở Thông tín Truyền thông"
    const { organization } = await query<{ organization: Org }>(
      `{ organization(key: "so-thong-tin-va-truyen-thong-quang-ninh") { key name province aliases parent { key } } }`,
    );
    expect(organization).toEqual({
      key: "so-thong-tin-va-truyen-thong-quang-ninh",
      name: "Sở Thông tin và Truyền thông Quảng Ninh",
      province: "Quảng Ninh",
      aliases: ["Sở Thông tín Truyền thông"],
      parent: { key: "uy-ban-nhan-dan-tinh-quang-ninh" },
    });
    expect(
      (await query<{ organization: null }>(`{ organization(key: "no-such-body") { key } }`)).organization,
    ).toBeNull();
  });

  it("the Tỉnh ủy: one body for its two names, its Ban Thường vụ and boards part of it; what it issued", async () => {
    const { organization } = await query<{
      organization: Org & {
        children: { key: string }[];
        documentsIssued: {
          totalCount: number;
          edges: { node: { key: string; issuedOn: string | null } }[];
        };
      };
    }>(
      `{ organization(key: "tinh-uy-quang-ninh") { key name province aliases parent { key }
          children { key } documentsIssued(first: 100) { totalCount edges { node { key issuedOn } } } } }`,
    );
    expect(organization.name).toBe("Tỉnh ủy Quảng Ninh");
    // the seed's header: "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH QUẢNG NINH"
    expect(organization.aliases).toContain("Ban Chấp hành Đảng bộ tỉnh Quảng Ninh");
    expect(organization.parent).toBeNull();
    const children = organization.children.map((c) => c.key);
    // cited: "Kết luận … của Ban Thường vụ Tỉnh ủy"; section III: "Ban Tuyên giáo Tỉnh ủy",
    // "ủy ban kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy", "các ban xây dựng Đảng của Tỉnh ủy"
    expect(children).toEqual(
      expect.arrayContaining([
        "ban-thuong-vu-tinh-uy-quang-ninh",
        "ban-tuyen-giao-tinh-uy-quang-ninh",
        "uy-ban-kiem-tra-tinh-uy-quang-ninh",
        "van-phong-tinh-uy-quang-ninh",
        "ban-xay-dung-dang-cua-tinh-uy-quang-ninh",
      ]),
    );
    expect(organization.documentsIssued.totalCount).toBeGreaterThanOrEqual(1);
    // the seed, among what other tests may have left; newest first, undated last
    expect(organization.documentsIssued.edges.some((e) => /phuong-huong-nhiem-vu/.test(e.node.key))).toBe(
      true,
    );
    const dates = organization.documentsIssued.edges.map((e) => e.node.issuedOn ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("assignments: the bodies' tasks with duty, deadlines and quote, by due date; due filters", async () => {
    // seed III.1: "… Mặt trận Tổ quốc và các tồ chức chính trị - xã hội tỉnh căn cứ Nghị quyết này
    // … hoàn thành trước ngày 31/12/2021"
    const { organization } = await query<{
      organization: Org & {
        assignments: {
          edges: {
            due: string | null;
            node: { duty: string; quote: string; task: { code: string }; deadlines: { date: string }[] };
          }[];
        };
      };
    }>(
      `{ organization(key: "to-chuc-chinh-tri-xa-hoi-tinh-quang-ninh") { name aliases
          assignments { edges { due node { duty quote task { code } deadlines { date } } } } } }`,
    );
    expect(organization.name).toBe("Tổ chức chính trị - xã hội tỉnh");
    expect(organization.aliases).toEqual(["Tồ chức chính trị - xã hội tỉnh"]);
    const [first] = organization.assignments.edges;
    expect(first!.due).toBe("2021-12-31");
    expect(first!.node.task.code).toBe("III.1");
    expect(first!.node.duty.startsWith("căn cứ Nghị quyết này")).toBe(true);
    // the quote keeps the printed form
    expect(first!.node.quote).toContain("tồ chức chính trị - xã");
    expect(first!.node.deadlines.map((d) => d.date)).toEqual(["2021-12-31"]);
    const inRange = await query<{ organization: { assignments: { edges: unknown[] } } }>(
      `{ organization(key: "to-chuc-chinh-tri-xa-hoi-tinh-quang-ninh") { assignments(due: {from: "2022-01-01"}) { edges { due } } } }`,
    );
    expect(inRange.organization.assignments.edges).toEqual([]);
  });

  it("Hà Giang: 'UBND tỉnh' is the province's People's Committee, its departments part of it", async () => {
    const { organization } = await query<{
      organization: Org & {
        children: { key: string }[];
        assignments: { edges: { node: { task: { code: string } } }[] };
      };
    }>(
      `{ organization(key: "uy-ban-nhan-dan-tinh-ha-giang") { key name province aliases parent { key }
          children { key } assignments(first: 50) { edges { node { task { code } } } } } }`,
    );
    expect(organization.name).toBe("Ủy ban nhân dân tỉnh Hà Giang");
    expect(organization.province).toBe("Hà Giang");
    // Điều 2.3.b: "UBND tỉnh chỉ đạo …"
    expect(organization.aliases).toContain("UBND tỉnh");
    expect(organization.assignments.edges.map((e) => e.node.task.code)).toContain("Điều 2.3.b");
    // Điều 2.2: "Sở Văn hóa, Thể thao và Du lịch …"
    expect(organization.children.map((c) => c.key)).toContain("so-van-hoa-the-thao-va-du-lich-ha-giang");
    const council = await query<{
      organization: { documentsIssued: { edges: { node: { symbol: string | null } }[] } };
    }>(
      `{ organization(key: "hoi-dong-nhan-dan-tinh-ha-giang") { documentsIssued { edges { node { symbol } } } } }`,
    );
    expect(council.organization.documentsIssued.edges.length).toBeGreaterThanOrEqual(1);
  });

  it("organizations(search, province): with or without diacritics, by a printed name; paged by key", async () => {
    const found = await query<{ organizations: { edges: { node: { key: string } }[] } }>(
      `{ organizations(search: "ubnd", province: "Hà Giang") { edges { node { key } } } }`,
    );
    expect(found.organizations.edges.map((e) => e.node.key)).toContain("uy-ban-nhan-dan-tinh-ha-giang");
    const folded = await query<{ organizations: { edges: { node: { key: string } }[] } }>(
      `{ organizations(search: "thông tin truyền thông", province: "Quảng Ninh") { edges { node { key } } } }`,
    );
    // words are found inside others too: "tin" in "tinh" (Trung tâm Truyền thông tỉnh)
    expect(folded.organizations.edges.map((e) => e.node.key)).toContain(
      "so-thong-tin-va-truyen-thong-quang-ninh",
    );
    const page = await query<{
      organizations: { edges: { node: { key: string } }[]; pageInfo: { endCursor: string } };
    }>(
      `{ organizations(province: "Quảng Ninh", first: 2) { edges { node { key } } pageInfo { endCursor } } }`,
    );
    const next = await query<{ organizations: { edges: { node: { key: string } }[] } }>(
      `{ organizations(province: "Quảng Ninh", first: 2, after: ${JSON.stringify(page.organizations.pageInfo.endCursor)}) { edges { node { key } } } }`,
    );
    const keys = [...page.organizations.edges, ...next.organizations.edges].map((e) => e.node.key);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(4);
  });

  it("coded errors: a backwards due range, a cursor of another list", async () => {
    const backwards = await run(
      `{ organization(key: "tinh-uy-quang-ninh") { assignments(due: {from: "2022-12-31", to: "2022-01-01"}) { edges { due } } } }`,
    );
    expect(backwards.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    const cursor = await run(`{ organizations(after: "nonsense") { edges { cursor } } }`);
    expect(cursor.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", argumentName: "after" },
    });
  });

  it("the graph holds it: PART_OF edges and aliases, checked with raw Cypher", async () => {
    const { records } = await driver.executeQuery(
      `MATCH (d:Organization {key: "so-thong-tin-va-truyen-thong-quang-ninh"})-[:PART_OF]->(p:Organization)
       RETURN p.key AS parent, d.aliases AS aliases, d.province AS province`,
      {},
      { database: testNeo4j().database },
    );
    expect(records.map((r) => [r.get("parent"), r.get("aliases"), r.get("province")])).toEqual([
      ["uy-ban-nhan-dan-tinh-quang-ninh", ["Sở Thông tín Truyền thông"], "Quảng Ninh"],
    ]);
  });
});
