import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type Api } from "../../../src/api/create-server.js";
import { toGlobalId } from "../../../src/api/global-id.js";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";
import { ensureSeed } from "../../setup/seed-graph.js";

// Who must do what, by when, towards which targets (#20, first part), on the seed resolution
// (Quảng Ninh, 2022). Expected values written from the seed's text (lines 50–72 for the targets,
// 463–464 for II.3.4's deadlines, section III for the assignments), not from the extractor.

const driver = testDriver();
const executor = new GraphExecutor(driver, testNeo4j().database);
let api: Api;

async function query<T>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const contextValue = await api.contextFor({});
  const response = await api.apollo.executeOperation<T>({ query: source, variables }, { contextValue });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  expect(response.body.singleResult.errors).toBeUndefined();
  return response.body.singleResult.data as T;
}

beforeAll(async () => {
  await ensureSeed();
  api = await createApi({ graph: executor });
});

afterAll(async () => {
  await api?.apollo.stop();
  await driver.close();
});

interface Target {
  ordinal: number;
  group: string | null;
  quantities: { value: number; valueMax: number | null; unit: string | null; quote: string }[];
  task: { code: string } | null;
}

describe("targets, deadlines and assignments of the seed", () => {
  it("Document.targets: the 16 numbered targets, in order, with their numbers as printed", async () => {
    const { document } = await query<{ document: { targets: Target[] } }>(
      `{ document: node(id: ${JSON.stringify(await seedId())}) { ... on Document { targets { ordinal group quantities { value valueMax unit quote } task { code } } } } }`,
    );
    expect(document.targets.map((t) => t.ordinal)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    ]);
    const first = (ordinal: number) => document.targets[ordinal - 1]!.quantities[0];
    // (1) "… đạt 90%, trong đó 20% hoàn thành xuất sắc nhiệm vụ."
    expect(document.targets[0]!.quantities.map((q) => q.quote)).toEqual(["90%", "20%"]);
    // (3) "tăng từ 3 - 3,5% so với đầu năm": a range
    expect(first(3)).toMatchObject({ value: 3, valueMax: 3.5, unit: "%" });
    // (4) "Tốc độ táng trưởng (GRDP) đạt trên 10%"
    expect(first(4)).toMatchObject({ value: 10, unit: "%", quote: "10%" });
    // (5) "không thấp hơn 52.600 tỷ đồng"
    expect(first(5)).toMatchObject({ value: 52600 });
    // (8) "Tỷ lệ đô thị hóa đạt 68,5%"
    expect(first(8)).toMatchObject({ value: 68.5, unit: "%" });
    // (16) "Giữ vững tỷ lệ che phủ rừng đạt 55%"
    expect(first(16)).toMatchObject({ value: 55, unit: "%" });
    expect(new Set(document.targets.map((t) => t.task?.code))).toEqual(new Set(["I.2"]));
  });

  it("Task.deadlines: II.3.4 must disburse by 31/12/2022, 80 % of it by the end of Q3", async () => {
    const { document } = await query<{
      document: {
        task: { deadlines: { date: string | null; period: string | null; due: string; quote: string }[] };
      };
    }>(
      `{ document: node(id: ${JSON.stringify(await seedId())}) { ... on Document { task(code: "II.3.4") { deadlines { date period due quote } } } } }`,
    );
    expect(document.task.deadlines).toEqual([
      { date: "2022-12-31", period: null, due: "2022-12-31", quote: "đến 31/12/2022" },
      { date: null, period: "2022-Q3", due: "2022-09-30", quote: "đến hết Quý III/2022" },
    ]);
  });

  it("tasksDue: tasks by the last day their deadline allows, across documents, paged", async () => {
    const due = await query<{
      tasksDue: { edges: { due: string; cursor: string; node: { code: string } }[] };
    }>(`{ tasksDue(from: "2022-09-01", to: "2022-12-31") { edges { due cursor node { code } } } }`);
    const seedEdges = due.tasksDue.edges.filter((e) => ["II.3.3", "II.3.4"].includes(e.node.code));
    expect(seedEdges.map((e) => [e.due, e.node.code])).toEqual([
      ["2022-09-30", "II.3.4"],
      ["2022-12-31", "II.3.3"],
      ["2022-12-31", "II.3.4"],
    ]);
    const dates = due.tasksDue.edges.map((e) => e.due);
    expect(dates).toEqual([...dates].sort());
    const later = await query<{ tasksDue: { edges: { due: string }[] } }>(
      `{ tasksDue(from: "2022-10-01", to: "2022-12-31", first: 1) { edges { due } } }`,
    );
    expect(later.tasksDue.edges).toEqual([{ due: "2022-12-31" }]);
  });

  it("tasksDue refuses a backwards range and an id that is not an organization's, with a coded message", async () => {
    const ask = async (args: string) => {
      const contextValue = await api.contextFor({});
      const response = await api.apollo.executeOperation(
        { query: `{ tasksDue(${args}) { edges { due } } }` },
        { contextValue },
      );
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return response.body.singleResult.errors?.[0];
    };
    expect(await ask(`from: "2022-12-31", to: "2022-01-01"`)).toMatchObject({
      message: "from (2022-12-31) is after to (2022-01-01)",
      extensions: { code: "BAD_USER_INPUT", argumentName: "from" },
    });
    expect(await ask(`organization: ${JSON.stringify(await seedId())}`)).toMatchObject({
      message: "organization must be an Organization's id, not a Document's",
      extensions: { code: "BAD_USER_INPUT", argumentName: "organization" },
    });
    // a date that is no date is refused while the operation is validated, before anything runs
    expect(await ask(`from: "2022-13-01"`)).toMatchObject({
      message: expect.stringContaining("yyyy-mm-dd"),
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
  });

  it("Task.assignedTo: section III.1 names who leads, with the duty, the deadline and the passage", async () => {
    const { document } = await query<{
      document: {
        task: {
          assignedTo: {
            organization: { name: string };
            duty: string;
            quote: string | null;
            deadlines: { date: string | null }[];
          }[];
        };
      };
    }>(
      `{ document: node(id: ${JSON.stringify(await seedId())}) { ... on Document { task(code: "III.1") { assignedTo { organization { name } duty quote deadlines { date } } } } } }`,
    );
    const { assignedTo } = document.task;
    // "1. Đảng Đoàn Hội đồng nhân dân tỉnh chỉ đạo thể chế hóa Nghị quyết; Ban cán sự đảng ủy ban
    // nhân dân tỉnh, các huyện ủy, … xây dựng kế hoạch, … hoàn thành trước ngày 31/12/2021."
    expect(assignedTo[0]).toEqual({
      organization: { name: "Đảng Đoàn Hội đồng nhân dân tỉnh" },
      duty: "chỉ đạo thể chế hóa Nghị quyết",
      quote: "Đảng Đoàn Hội đồng nhân dân tỉnh chỉ đạo thể chế hóa Nghị quyết;",
      deadlines: [],
    });
    const committee = assignedTo.find((a) => /^Ban cán sự đảng/i.test(a.organization.name));
    expect(committee?.deadlines).toEqual([{ date: "2021-12-31" }]);
    expect(committee?.quote).toContain("hoàn thành trước ngày 31/12/2021");
  });
});

describe("every responsibility of section III and every deadline of section II, as the seed prints them", () => {
  it("section III: each item's bodies, in text order (lines 683–703 of the seed)", async () => {
    const codes = ["III.1", "III.2", "III.3", "III.4"];
    const bodies: Record<string, string[]> = {};
    for (const code of codes) {
      const { document } = await query<{
        document: { task: { assignedTo: { organization: { name: string } }[] } };
      }>(
        `{ document: node(id: ${JSON.stringify(await seedId())}) { ... on Document { task(code: ${JSON.stringify(code)}) { assignedTo { organization { name } } } } } }`,
      );
      bodies[code] = document.task.assignedTo.map((a) => a.organization.name);
    }
    // "1. Đảng Đoàn Hội đồng nhân dân tỉnh chỉ đạo …; Ban cán sự đảng ủy ban nhân dân tỉnh, các
    // huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc, các ban xây dựng Đảng của Tỉnh ủy, Mặt trận Tổ
    // quốc và các tồ chức chính trị - xã hội tỉnh căn cứ Nghị quyết này …"
    // (the bodies of one passage come in key order)
    const iii1 = [...bodies["III.1"]!].sort();
    expect(iii1).toHaveLength(9);
    expect(iii1.filter((n) => !/^(?:Thị ủy|Thành ủy)/.test(n))).toEqual(
      [
        "Đảng Đoàn Hội đồng nhân dân tỉnh",
        "Ban cán sự đảng ủy ban nhân dân tỉnh",
        "Huyện ủy",
        "Đảng ủy trực thuộc",
        "Ban xây dựng Đảng của Tỉnh ủy",
        "Mặt trận Tổ quốc",
        // "các tồ chức" (OCR) read as "Tổ chức"
        "Tổ chức chính trị - xã hội tỉnh",
      ].sort(),
    );
    expect(iii1.filter((n) => /^(?:Thị ủy|Thành ủy)/.test(n))).toHaveLength(2);
    // "2. Ban Tuyên giáo Tỉnh ủy, Sở Thông tín Truyền thông, Trung tâm Truyền thông tỉnh chủ ừì …"
    expect(bodies["III.2"]).toEqual([
      "Ban Tuyên giáo Tỉnh ủy Quảng Ninh",
      "Sở Thông tin và Truyền thông Quảng Ninh",
      "Trung tâm Truyền thông tỉnh",
    ]);
    // "3. ủy ban kiểm tra Tỉnh ủy thực hiện …. Các ban xây dựng đảng và Văn phòng Tỉnh ủy …"
    expect(bodies["III.3"]).toEqual([
      "Ủy ban Kiểm tra Tỉnh ủy Quảng Ninh",
      "Ban xây dựng đảng",
      "Văn phòng Tỉnh ủy Quảng Ninh",
    ]);
    // "4. Các đồng chí ủy viên Ban Chấp hành Đảng bộ tỉnh, ủy viên Ban Thường vụ Tỉnh ủy …"
    expect(bodies["III.4"]).toEqual(["Ủy viên Ban Chấp hành Đảng bộ tỉnh", "Ủy viên Ban Thường vụ Tỉnh ủy"]);
  });

  it("section II: every deadline its text sets, and no year of a cited title or a plan's horizon", async () => {
    const { document } = await query<{
      document: {
        tasks: { code: string; deadlines: { date: string | null; period: string | null; quote: string }[] }[];
      };
    }>(
      `{ document: node(id: ${JSON.stringify(await seedId())}) { ... on Document { tasks { code deadlines { date period quote } children { code deadlines { date period quote } children { code deadlines { date period quote } } } } } } }`,
    );
    type Node = {
      code: string;
      deadlines: { date: string | null; period: string | null; quote: string }[];
      children?: Node[];
    };
    const all: [string, string | null, string | null, string][] = [];
    const walk = (nodes: Node[]) => {
      for (const n of nodes) {
        for (const d of n.deadlines) all.push([n.code, d.date, d.period, d.quote]);
        walk(n.children ?? []);
      }
    };
    walk(document.tasks as Node[]);
    // line 421 "Phấn đấu trong năm 2022 trồng mới …", lines 463–464 "đến 31/12/2022 … đến hết Quý
    // III/2022", line 577 "Đến hết năm 2022, cơ bản hoàn thành chuyển đổi số …"; not "định hướng đến
    // năm 2030" (line 343), "tầm nhm đến năm 2050" (471), "Chiến lược … văn hóa đến năm 2030" (609)
    expect(all.filter(([code]) => code.startsWith("II."))).toEqual([
      ["II.3.3", null, "2022", "trong năm 2022"],
      ["II.3.4", "2022-12-31", null, "đến 31/12/2022"],
      ["II.3.4", null, "2022-Q3", "đến hết Quý III/2022"],
      ["II.4.3", null, "2022", "Đến hết năm 2022"],
    ]);
  });
});

/** The seed resolution's global id (it has no symbol: its key comes from its header). */
async function seedId(): Promise<string> {
  const { records } = await driver.executeQuery(
    "MATCH (d:Document {ingested: true})<-[:SET_BY]-(:Target) RETURN DISTINCT d.key AS key",
    {},
    { database: testNeo4j().database },
  );
  const keys = records.map((r) => r.get("key") as string).filter((k) => /quang-ninh/.test(k));
  expect(keys).toHaveLength(1);
  return toGlobalId("Document", keys[0]!);
}
