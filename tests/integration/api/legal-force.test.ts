import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type Api } from "../../../src/api/create-server.js";
import { projectRoot, seedsDir } from "../../../src/config/settings.js";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { ingestText } from "../../../src/graph/ingest.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";
import { seedGraph } from "../../setup/seed-graph.js";

// Legal force (#19) on real documents loaded in order, as a user would load them:
// - Thông tư 36/2021/TT-BLĐTBXH (in force from 20/02/2022), then Thông tư 01/2023/TT-BLĐTBXH, whose
//   Điều 3.2 says 36/2021 "hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành"
//   (20/02/2023): 36/2021 is repealed from that day;
// - Hướng dẫn 38-HD/BTCTW (seeds/chains), "Hướng dẫn này thay thế Hướng dẫn số 12-HD/BTCTW":
//   12-HD/BTCTW (known only from that citation) is replaced;
// - Nghị định 128/2026/NĐ-CP amends articles of 85/2024/NĐ-CP, and its Điều 7 ("Thay thế, bãi bỏ
//   một số cụm từ, khoản, phụ lục của Nghị định số 85/2024/NĐ-CP") repeals one clause in an item
//   that names no document ("b) Bãi bỏ khoản 3 Điều 22."): 85/2024 is repealed in part.
// Texts: the gazette copies in ../shared/corpus (congbao) and the project's seeds/chains.

const driver = testDriver();
const executor = new GraphExecutor(driver, testNeo4j().database);
const corpusDir = path.resolve(projectRoot, "..", "shared", "corpus");
const gazette = (name: string) => path.join(corpusDir, "congbao_phapluat-8chude/docs/hd_khoan", name);
const files = [
  gazette("thong-tu-so-36-2021-tt-bldtbxh-36618.txt"),
  gazette("thong-tu-so-01-2023-tt-bldtbxh-38752.txt"),
  path.join(seedsDir, "chains/38-HD-BTCTW-2025.txt"),
  path.join(corpusDir, "congbao_phapluat-8chude/docs/chinh_sach_dn/nghi-dinh-so-128-2026-nd-cp-469347.txt"),
];
let api: Api;

async function query<T>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const contextValue = await api.contextFor({});
  const response = await api.apollo.executeOperation<T>({ query: source, variables }, { contextValue });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  expect(response.body.singleResult.errors).toBeUndefined();
  return response.body.singleResult.data as T;
}

const STATUS = `query Status($symbol: String!, $asOf: Date) {
  document(symbol: $symbol) {
    key
    status(asOf: $asOf) {
      code asOf since summary ownQuote parts
      evidence { kind scope from fromBasis quote sentence start end by { symbol } task { code } }
      upcoming { kind from by { symbol } }
    }
  }
}`;

interface StatusAnswer {
  document: {
    key: string;
    status: {
      code: string;
      asOf: string;
      since: string | null;
      summary: string;
      ownQuote: string | null;
      parts: string[];
      evidence: {
        kind: string;
        scope: string | null;
        from: string | null;
        fromBasis: string;
        quote: string;
        sentence: string | null;
        start: number;
        end: number;
        by: { symbol: string };
        task: { code: string };
      }[];
      upcoming: { kind: string; from: string | null; by: { symbol: string } }[];
    };
  };
}

const status = (symbol: string, asOf: string | null) => query<StatusAnswer>(STATUS, { symbol, asOf });

beforeAll(async () => {
  await seedGraph();
  for (const file of files) {
    await ingestText(executor, { text: fs.readFileSync(file, "utf8"), sourceName: path.basename(file) });
  }
  api = await createApi({ graph: executor });
});

afterAll(async () => {
  await api?.apollo.stop();
  await driver.close();
});

describe("status of a document, derived from what ingested texts say", () => {
  it("36/2021/TT-BLĐTBXH: not yet in force, in force, then repealed by 01/2023/TT-BLĐTBXH, each from its text", async () => {
    const before = await status("36/2021/TT-BLĐTBXH", "2022-01-15");
    expect(before.document.status).toMatchObject({
      code: "NOT_YET_IN_FORCE",
      since: "2022-02-20",
      ownQuote: "Thông tư này có hiệu lực thi hành kể từ ngày 20 tháng 02 năm 2022",
      evidence: [],
    });
    expect(before.document.status.upcoming).toEqual([
      { kind: "REPEALS", from: "2023-02-20", by: { symbol: "01/2023/TT-BLĐTBXH" } },
    ]);

    const during = await status("36/2021/TT-BLĐTBXH", "2022-06-01");
    expect(during.document.status).toMatchObject({ code: "IN_FORCE", since: "2022-02-20" });

    const after = await status("36/2021/TT-BLĐTBXH", "2023-06-01");
    const { status: repealed } = after.document;
    expect(repealed).toMatchObject({ code: "REPEALED", since: "2023-02-20", upcoming: [] });
    expect(repealed.evidence).toHaveLength(1);
    const [statement] = repealed.evidence;
    expect(statement).toMatchObject({
      kind: "REPEALS",
      scope: null,
      from: "2023-02-20",
      fromBasis: "effective",
      by: { symbol: "01/2023/TT-BLĐTBXH" },
    });
    expect(statement!.quote).toContain("36/2021/TT-BLĐTBXH");
    // the quote is where the repealing text says it
    const repealing = fs.readFileSync(files[1]!, "utf8");
    expect(repealing.slice(statement!.start, statement!.end)).toBe(statement!.quote);
    expect(repealing.slice(statement!.end, statement!.end + 200)).toMatch(/hết hiệu lực/);
    expect(repealed.summary).toBe("repealed by 01/2023/TT-BLĐTBXH from 2023-02-20");
    // what the text says of it, beyond the citation
    expect(statement!.sentence).toBe(
      "Thông tư số 36/2021/TT-BLĐTBXH ngày 31 tháng 12 năm 2021 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội quy định mức điều chỉnh tiền lương và thu nhập tháng đã đóng bảo hiểm xã hội hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành.",
    );
  });

  it("12-HD/BTCTW, known only from its citation: replaced by 38-HD/BTCTW, from 38-HD's effect ('thực hiện kể từ ngày ký')", async () => {
    const { document } = await status("12-HD/BTCTW", "2026-01-01");
    expect(document.status.code).toBe("REPLACED");
    expect(document.status.evidence).toEqual([
      expect.objectContaining({
        kind: "REPLACES",
        scope: null,
        from: "2025-09-29",
        fromBasis: "effective",
        by: { symbol: "38-HD/BTCTW" },
      }),
    ]);
    expect(document.status.evidence[0]!.quote).toMatch(/^Hướng dẫn số 12-HD\/BTCTW/);
    expect(document.status.evidence[0]!.sentence).toBe(
      "Hướng dẫn này thay thế Hướng dẫn số 12-HD/BTCTW, ngày 18-01-2022 của Ban Tổ chức Trung ương;",
    );
    expect(document.status.summary).toContain("replaced by 38-HD/BTCTW from 2025-09-29");
  });

  it("85/2024/NĐ-CP: repealed in part by an item of 128/2026/NĐ-CP's list that names no document, the item its quote", async () => {
    const { document } = await status("85/2024/NĐ-CP", "2026-12-01");
    expect(document.status.code).toBe("PARTLY_REPEALED");
    expect(document.status.parts).toContain("Điều 22.3");
    const repeal = document.status.evidence.find((e) => e.kind === "REPEALS" && e.scope === "Điều 22.3");
    expect(repeal).toMatchObject({ quote: "b) Bãi bỏ khoản 3 Điều 22.", by: { symbol: "128/2026/NĐ-CP" } });
    const text = fs.readFileSync(files[3]!, "utf8");
    expect(text.slice(repeal!.start, repeal!.end)).toBe(repeal!.quote);
    // the amendments stay beside it
    expect(document.status.evidence.some((e) => e.kind === "AMENDS")).toBe(true);
  });

  it("a document nothing ingested speaks of is UNKNOWN, never guessed", async () => {
    // cited by both circulars, never said by any text to be in force or not
    const { document } = await status("115/2015/NĐ-CP", null);
    expect(document.status).toMatchObject({ code: "UNKNOWN", evidence: [], since: null });
  });
});

describe("relations: the lược đồ of a document", () => {
  const RELATIONS = `query Relations($symbol: String!, $kind: [RelationKind!], $direction: RelationDirections!, $first: Int, $after: String) {
    document(symbol: $symbol) {
      relations(kind: $kind, direction: $direction, first: $first, after: $after) {
        totalCount
        counts { direction kind count }
        edges { cursor node { kind direction scope quote source { symbol } target { symbol } task { code } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;
  interface RelationsAnswer {
    document: {
      relations: {
        totalCount: number;
        counts: { direction: string; kind: string; count: number }[];
        edges: {
          cursor: string;
          node: {
            kind: string;
            direction: string;
            scope: string | null;
            quote: string;
            source: { symbol: string };
            target: { symbol: string };
            task: { code: string };
          };
        }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
  }

  it("36/2021/TT-BLĐTBXH: what it says of others (it repeals 23/2020) and what 01/2023 says of it, grouped, filtered and paged", async () => {
    const all = await query<RelationsAnswer>(RELATIONS, { symbol: "36/2021/TT-BLĐTBXH", direction: "BOTH" });
    const { counts, totalCount, edges } = all.document.relations;
    expect(counts).toContainEqual({ direction: "INCOMING", kind: "REPEALS", count: 1 });
    // its own Điều 4.2: "Thông tư số 23/2020/TT-BLĐTBXH … hết hiệu lực"
    expect(counts).toContainEqual({ direction: "OUTGOING", kind: "REPEALS", count: 1 });
    const own = edges.find((e) => e.node.direction === "OUTGOING" && e.node.kind === "REPEALS");
    expect(own?.node).toMatchObject({
      source: { symbol: "36/2021/TT-BLĐTBXH" },
      target: { symbol: "23/2020/TT-BLĐTBXH" },
    });
    expect(totalCount).toBe(counts.reduce((sum, c) => sum + c.count, 0));
    expect(edges).toHaveLength(totalCount);
    // outgoing first
    const directions = edges.map((e) => e.node.direction);
    expect(directions.indexOf("INCOMING")).toBeGreaterThan(directions.lastIndexOf("OUTGOING"));

    const incoming = await query<RelationsAnswer>(RELATIONS, {
      symbol: "36/2021/TT-BLĐTBXH",
      kind: ["REPEALS"],
      direction: "INCOMING",
    });
    expect(incoming.document.relations.totalCount).toBe(1);
    expect(incoming.document.relations.edges[0]!.node).toMatchObject({
      kind: "REPEALS",
      direction: "INCOMING",
      source: { symbol: "01/2023/TT-BLĐTBXH" },
      target: { symbol: "36/2021/TT-BLĐTBXH" },
    });

    // pages of one: the same relations in the same order
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < totalCount + 1; i++) {
      const page: RelationsAnswer = await query<RelationsAnswer>(RELATIONS, {
        symbol: "36/2021/TT-BLĐTBXH",
        direction: "BOTH",
        first: 1,
        after,
      });
      seen.push(...page.document.relations.edges.map((e) => e.cursor));
      if (!page.document.relations.pageInfo.hasNextPage) break;
      after = page.document.relations.pageInfo.endCursor;
    }
    expect(seen).toEqual(edges.map((e) => e.cursor));
  });

  it("the tasks implementing a document do not include the text that repeals it", async () => {
    const answer = await query<{ document: { tasksImplementing: { edges: { node: { key: string } }[] } } }>(
      `{ document(symbol: "36/2021/TT-BLĐTBXH") { tasksImplementing(first: 50) { edges { node { key } } } } }`,
    );
    const keys = answer.document.tasksImplementing.edges.map((e) => e.node.key);
    expect(keys.some((key) => key.startsWith("TT|01/2023/TT-BLĐTBXH|2023#"))).toBe(false);
  });
});

describe("checkReference: findings from the cited document's force at the citing date", () => {
  const CHECK = `query Check($text: String!, $asOf: Date) {
    checkReference(text: $text, asOf: $asOf) {
      found correct asOf
      findings { code since message quote document { symbol } statement { kind by { symbol } } }
    }
  }`;
  interface CheckAnswer {
    checkReference: {
      found: boolean;
      correct: boolean;
      asOf: string;
      findings: {
        code: string;
        since: string | null;
        message: string;
        quote: string | null;
        document: { symbol: string };
        statement: { kind: string; by: { symbol: string } } | null;
      }[];
    };
  }

  it("a citation of 36/2021 in a text dated after its repeal warns and names 01/2023; one dated before does not", async () => {
    const text =
      "Thông tư số 36/2021/TT-BLĐTBXH ngày 31/12/2021 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội";
    const late = await query<CheckAnswer>(CHECK, { text, asOf: "2023-06-01" });
    expect(late.checkReference).toMatchObject({ found: true, correct: true, asOf: "2023-06-01" });
    expect(late.checkReference.findings).toEqual([
      expect.objectContaining({
        code: "REPEALED",
        since: "2023-02-20",
        document: { symbol: "36/2021/TT-BLĐTBXH" },
        statement: { kind: "REPEALS", by: { symbol: "01/2023/TT-BLĐTBXH" } },
      }),
    ]);
    expect(late.checkReference.findings[0]!.message).toContain("01/2023/TT-BLĐTBXH");

    const early = await query<CheckAnswer>(CHECK, { text, asOf: "2022-06-01" });
    expect(early.checkReference.findings).toEqual([]);
    const tooEarly = await query<CheckAnswer>(CHECK, { text, asOf: "2022-01-10" });
    expect(tooEarly.checkReference.findings.map((f) => f.code)).toEqual(["NOT_YET_IN_FORCE"]);
  });

  it("a citation of 12-HD/BTCTW after 38-HD/BTCTW names the replacement", async () => {
    const answer = await query<CheckAnswer>(CHECK, {
      text: "Hướng dẫn số 12-HD/BTCTW ngày 18/01/2022 của Ban Tổ chức Trung ương",
      asOf: "2025-12-01",
    });
    expect(answer.checkReference.findings).toEqual([
      expect.objectContaining({
        code: "REPLACED",
        statement: { kind: "REPLACES", by: { symbol: "38-HD/BTCTW" } },
      }),
    ]);
    expect(answer.checkReference.findings[0]!.message).toMatch(/replaced by 38-HD\/BTCTW/);
  });
});
