import fs from "node:fs";
import path from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocument } from "../../src/extract/index.js";
import { GraphExecutor } from "../../src/graph/executor.js";
import { ingestText } from "../../src/graph/ingest.js";
import { applyMigrations } from "../../src/graph/migrations.js";
import { seedsDir } from "../../src/config/settings.js";
import { testDriver, testNeo4j } from "../setup/neo4j-context.js";
import { seedGraph } from "../setup/seed-graph.js";

const driver = testDriver();
const executor = new GraphExecutor(driver, testNeo4j().database);
const seedFile = path.join(seedsDir, "quang-ninh-2022-phuong-huong-nhiem-vu.txt");
const seedText = fs.readFileSync(seedFile, "utf8");
const seedKey = extractDocument(seedText).document.key;

/** Neo4j integers become numbers so that rows compare plainly. */
function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(query, params, { database: testNeo4j().database });
  return records.map(
    (r) => Object.fromEntries(r.keys.map((k) => [k, plain(r.get(k))])) as Record<string, unknown>,
  );
}

async function graphCounts() {
  const [row] = await cypher(
    "CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships",
  );
  return { nodes: Number(row!.nodes), relationships: Number(row!.relationships) };
}

beforeAll(async () => {
  await seedGraph();
});
afterAll(() => driver.close());

describe("migrations", () => {
  it("are recorded once and re-runnable", async () => {
    expect(await applyMigrations(executor)).toEqual([]);
    const rows = await cypher("MATCH (m:Migration) RETURN m.version AS v ORDER BY v");
    expect(rows.map((r) => Number(r.v))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("7 gives links loaded before relation kinds a kind from their relation word, and keeps every link", async () => {
    const p = `zzmig7-${Date.now()}`;
    await cypher(
      `CREATE (t:Task {key: $p + '#1'})-[:IN_DOCUMENT]->(:Document {key: $p + '|A'})
       WITH t
       UNWIND [['thay thế', 'REPLACES'], ['căn cứ', 'BASED_ON'], ['bãi bỏ', 'REPEALS'], [null, 'CITES']] AS pair
       CREATE (t)-[:IMPLEMENTS {quote: 'q', start: 0, end: 1, relation: pair[0], expected: pair[1]}]->(:Document {key: $p + '|' + coalesce(pair[0], 'none')})`,
      { p },
    );
    // the graph as loader version 3 left it, migration 7 not yet recorded
    await cypher("MATCH (m:Migration {version: 7}) DELETE m");
    expect(await applyMigrations(executor)).toEqual([
      "7: relation kinds on links loaded before kinds were read, from their relation word",
    ]);
    const links = await cypher(
      "MATCH (:Task {key: $key})-[r:IMPLEMENTS]->() RETURN r.kind AS kind, r.expected AS expected",
      { key: `${p}#1` },
    );
    expect(links).toHaveLength(4);
    for (const link of links) expect(link.kind).toBe(link.expected);
    await cypher("MATCH (n) WHERE n.key STARTS WITH $p DETACH DELETE n", { p });
  });

  it("create the key constraints, the lookup indexes and the folding full-text index", async () => {
    const constraints = (await cypher("SHOW CONSTRAINTS YIELD name RETURN name")).map((r) => r.name);
    expect(constraints).toEqual(
      expect.arrayContaining([
        "document_key",
        "task_key",
        "organization_key",
        "target_key",
        "source_file_sha256",
        "graph_version_id",
      ]),
    );
    const indexes = await cypher("SHOW INDEXES YIELD name, type, options RETURN name, type, options");
    expect(indexes.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        "document_symbol",
        "document_year",
        "document_type",
        "document_issuer",
        "cancu_search",
        "target_indicator",
      ]),
    );
    expect(indexes.map((r) => r.name)).not.toContain("task_code"); // dropped by migration 4
    // dropped by migration 5: the loader reaches tasks and targets from their document
    expect(indexes.map((r) => r.name)).not.toContain("task_document");
    expect(indexes.map((r) => r.name)).not.toContain("target_document");
    const search = indexes.find((r) => r.name === "cancu_search")!;
    expect(search.type).toBe("FULLTEXT");
    expect(JSON.stringify(search.options)).toContain("standard-folding");
  });
});

// Hand-checked against the seed text: symbol → the task whose text cites it.
const seedCitations: Array<[symbol: string, task: string]> = [
  ["128/NQ-CP", "II.1"],
  ["18-CT/TU", "II.1"],
  ["21-KL/TW", "II.2.1"],
  ["37-QĐ/TW", "II.2.1"],
  ["05-CT/TW", "II.2.1"],
  ["01-KL/TW", "II.2.1"],
  ["16-CT/TU", "II.2.1"],
  ["26-NQ/TW", "II.2.2"],
  ["228-KH/TU", "II.2.2"],
  ["01-NQ/TU", "II.3.1"],
  ["15-NQ/TU", "II.3.2"],
  ["06-NQ/TU", "II.3.3"],
  ["19-NQ/TU", "II.3.3"],
  ["16/2021/NQ-HĐND", "II.3.4"],
  ["16-NQ/TU", "II.3.5"],
  ["05-NQ/TU", "II.4.3"],
  ["33-NQ/TW", "II.5"],
  ["23-NQ/TW", "II.5"],
  ["76-KL/TW", "II.5"],
  ["1909/QĐ-TTg", "II.5"],
  ["11-NQ/TU", "II.5"],
  ["03-NQ/TU", "II.6"],
  ["04-NQ/TU", "II.6"],
  ["409-QĐ/TU", "II.6"],
];

describe("the seed in the graph (raw Cypher)", () => {
  it("links the 24 distinct numbered documents it cites from the right tasks", async () => {
    const rows = await cypher(
      `MATCH (t:Task {documentKey: $key})-[r:IMPLEMENTS]->(d:Document)
       WHERE r.byName = false
       RETURN d.symbol AS symbol, collect(DISTINCT t.code) AS tasks`,
      { key: seedKey },
    );
    expect(rows).toHaveLength(24);
    const bySymbol = new Map(rows.map((r) => [r.symbol as string, r.tasks as string[]]));
    for (const [symbol, task] of seedCitations) expect(bySymbol.get(symbol), symbol).toContain(task);
  });

  it("keeps the quote and the exact span of every link", async () => {
    const rows = await cypher(
      `MATCH (t:Task {documentKey: $key})-[r:IMPLEMENTS]->(:Document) RETURN r.quote AS quote, r.start AS start, r.end AS end`,
      { key: seedKey },
    );
    expect(rows.length).toBeGreaterThanOrEqual(24);
    for (const row of rows) expect(seedText.slice(Number(row.start), Number(row.end))).toBe(row.quote);
  });

  it("has the 19 tasks of II, the 4 items of III and the 16 targets", async () => {
    const [row] = await cypher(
      `MATCH (d:Document {key: $key})
       RETURN COUNT { (d)<-[:IN_DOCUMENT]-(t:Task) WHERE t.code STARTS WITH 'II.' } AS section2,
              COUNT { (d)<-[:IN_DOCUMENT]-(t:Task) WHERE t.code STARTS WITH 'III.' } AS section3,
              COUNT { (d)<-[:SET_BY]-(:Target) } AS targets, d.ingested AS ingested, d.sourceSha256 AS sha`,
      { key: seedKey },
    );
    expect(row).toMatchObject({ section2: 19, section3: 4, targets: 16, ingested: true });
    expect(row!.sha).toMatch(/^[0-9a-f]{64}$/);
  });

  it("builds the task tree: II.2.2 under II.2 under II under the document", async () => {
    const rows = await cypher(
      `MATCH p = (d:Document {key: $key})-[:HAS_TASK*]->(t:Task {code: 'II.2.2'})
       RETURN [n IN nodes(p)[1..] | n.code] AS codes`,
      { key: seedKey },
    );
    expect(rows.map((r) => r.codes)).toEqual([["II", "II.2", "II.2.2"]]);
  });

  it("finds task II.4.3 through the full-text index without diacritics", async () => {
    const rows = await cypher(
      `CALL db.index.fulltext.queryNodes('cancu_search', 'chuyen doi so') YIELD node
       WHERE node:Task AND node.documentKey = $key RETURN node.code AS code LIMIT 20`,
      { key: seedKey },
    );
    expect(rows.map((r) => r.code)).toContain("II.4.3");
  });

  it("is idempotent: a second ingest leaves node and relationship counts unchanged", async () => {
    const before = await graphCounts();
    const again = await ingestText(executor, { text: seedText, sourceName: seedFile });
    expect(again.status).toBe("unchanged");
    expect(await graphCounts()).toEqual(before);
  });
});

// Short documents written for the tests, in the seed's style. Random numbers keep them apart from
// the seed and from earlier runs against a persistent NEO4J_URI.
const n = () => 500 + Math.floor(Math.random() * 9000);
const directive = n();
const plan = n();
const central = n();
const directiveSymbol = `${directive}-CT/TU`;

const citingText = (extra: string) => `TỈNH ỦY QUẢNG NINH
Số ${plan}-KH/TU
Quảng Ninh, ngày 10 tháng 01 năm 2022

KẾ HOẠCH
CỦA BAN THƯỜNG VỤ TỈNH ỦY
về thực hiện chỉ thị năm 2022

I- MỤC ĐÍCH
1. Quán triệt chỉ thị
Triển khai thực hiện Chỉ thị số ${directiveSymbol} ngày 15/9/2021 của Ban Thường vụ Tỉnh ủy về đẩy mạnh
học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.${extra}

2. Tổ chức thực hiện
Các cấp ủy xây dựng kế hoạch cụ thể.
`;

const directiveText = `TỈNH ỦY QUẢNG NINH
Số ${directiveSymbol}
Quảng Ninh, ngày 15 tháng 9 năm 2021

CHỈ THỊ
CỦA BAN THƯỜNG VỤ TỈNH ỦY
về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh

I- NHIỆM VỤ
1. Quán triệt nghị quyết của Trung ương
Tiếp tục thực hiện Nghị quyết số ${central}-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương về
tập trung xây dựng đội ngũ cán bộ các cấp.

2. Nêu gương
Cán bộ, đảng viên phải gương mẫu.
`;

describe("documents that cite each other", () => {
  let planKey = "";
  const directiveKey = `CT|${directiveSymbol}|2021`;

  it("creates a stub for a cited document whose text was never ingested", async () => {
    const result = await ingestText(executor, { text: citingText(""), sourceName: "plan.txt" });
    planKey = result.documentKey;
    expect(result.status).toBe("created");
    const rows = await cypher(
      `MATCH (t:Task {documentKey: $planKey})-[r:IMPLEMENTS]->(d:Document {key: $directiveKey})
       RETURN t.code AS task, d.ingested AS ingested, d.issuedOn AS issuedOn, r.quote AS quote`,
      { planKey, directiveKey },
    );
    expect(rows).toEqual([expect.objectContaining({ task: "I.1", ingested: false, issuedOn: "2021-09-15" })]);
    expect(rows[0]!.quote).toContain(directiveSymbol.split("-")[0]);
  });

  it("upgrades the stub in place when its own text is ingested, so chains form", async () => {
    const result = await ingestText(executor, { text: directiveText, sourceName: "directive.txt" });
    expect(result).toMatchObject({ documentKey: directiveKey, status: "upgraded" });
    const chains = await cypher(
      `MATCH (t:Task {documentKey: $planKey})-[:IMPLEMENTS]->(d:Document {key: $directiveKey})
             <-[:IN_DOCUMENT]-(dt:Task)-[:IMPLEMENTS]->(c:Document)
       RETURN d.ingested AS ingested, dt.code AS via, c.symbol AS symbol, count(*) AS n`,
      { planKey, directiveKey },
    );
    expect(chains).toEqual([{ ingested: true, via: "I.1", symbol: `${central}-NQ/TW`, n: 1 }]);
    const [count] = await cypher("MATCH (d:Document {key: $directiveKey}) RETURN count(d) AS n", {
      directiveKey,
    });
    expect(count!.n).toBe(1);
  });

  it("replaces a changed document's tasks and links and touches no other document", async () => {
    const directiveBefore = await cypher(
      "MATCH (d:Document {key: $directiveKey})<-[:IN_DOCUMENT]-(t) RETURN t.key AS k, elementId(t) AS id ORDER BY k",
      { directiveKey },
    );
    const extraNumber = n();
    const result = await ingestText(executor, {
      text: citingText(` Thực hiện Kết luận số ${extraNumber}-KL/TW ngày 04/6/2020 của Bộ Chính trị.`),
      sourceName: "plan.txt",
    });
    expect(result).toMatchObject({ documentKey: planKey, status: "replaced" });
    const links = await cypher(
      "MATCH (:Task {documentKey: $planKey})-[:IMPLEMENTS]->(d) RETURN d.symbol AS s ORDER BY s",
      { planKey },
    );
    expect(links.map((r) => r.s)).toEqual([directiveSymbol, `${extraNumber}-KL/TW`].sort());
    const [tasks] = await cypher("MATCH (t:Task {documentKey: $planKey}) RETURN count(t) AS n", { planKey });
    expect(tasks!.n).toBe(result.tasks);
    const directiveAfter = await cypher(
      "MATCH (d:Document {key: $directiveKey})<-[:IN_DOCUMENT]-(t) RETURN t.key AS k, elementId(t) AS id ORDER BY k",
      { directiveKey },
    );
    expect(directiveAfter).toEqual(directiveBefore);
  });

  it("removes stubs that only the replaced version cited", async () => {
    const orphanNumber = n();
    const first = await ingestText(executor, {
      text: citingText(` Thực hiện Kết luận số ${orphanNumber}-KL/TW ngày 04/6/2020 của Bộ Chính trị.`),
      sourceName: "plan.txt",
    });
    expect(first.status).toBe("replaced");
    await ingestText(executor, { text: citingText(""), sourceName: "plan.txt" });
    const rows = await cypher("MATCH (d:Document {key: $key}) RETURN d", {
      key: `KL|${orphanNumber}-KL/TW|2020`,
    });
    expect(rows).toEqual([]);
  });

  it("writes nothing when a statement fails mid-document (one transaction)", async () => {
    const before = await graphCounts();
    const lone = n();
    const text = citingText("").replace(`Số ${plan}-KH/TU`, `Số ${lone}-KH/TU`);
    await expect(
      ingestText(
        executor,
        { text, sourceName: "broken.txt" },
        {
          afterStatement(name) {
            if (name === "write") throw new Error("injected failure after the document's writes");
          },
        },
      ),
    ).rejects.toThrow("injected failure");
    expect(await graphCounts()).toEqual(before);
    expect(await cypher("MATCH (d:Document {key: $key}) RETURN d", { key: `KH|${lone}-KH/TU|2022` })).toEqual(
      [],
    );
  });
});

describe("concurrent ingests of one document: each status is decided after the document's lock", () => {
  const text = (version: string) =>
    `TỈNH ỦY QUẢNG NINH\nSố ${n()}-KH/TU\nQuảng Ninh, ngày 10 tháng 01 năm 2022\n\nKẾ HOẠCH\nvề kiểm thử đồng thời\n\nI- MỤC ĐÍCH\n1. Quán triệt\nThực hiện Chỉ thị số ${n()}-CT/TW ngày 15/9/2021 của Ban Bí thư ${version}.\n`;

  it("two ingests of the same new text: one created, the other unchanged", async () => {
    const same = text("bản một");
    // a slow first statement holds the first transaction open while the second starts
    const results = await Promise.all([
      ingestText(
        executor,
        { text: same, sourceName: "a.txt" },
        {
          afterStatement: (name) =>
            name === "previous" ? new Promise((r) => setTimeout(r, 300)) : undefined,
        },
      ),
      new Promise((r) => setTimeout(r, 50)).then(() =>
        ingestText(executor, { text: same, sourceName: "b.txt" }),
      ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["created", "unchanged"]);
    const [row] = await cypher(
      "MATCH (d:Document {key: $key}) RETURN count(d) AS n, d.ingestPending AS pending",
      {
        key: results[0].documentKey,
      },
    );
    expect(row).toEqual({ n: 1, pending: null });
  });

  it("a newer version that lands while the first is being written is told replaced", async () => {
    const first = text("bản một");
    const number = /Số (\d+)-KH/.exec(first)![1]!;
    const second = first.replace("bản một", "bản hai");
    const results = await Promise.all([
      ingestText(
        executor,
        { text: first, sourceName: "v1.txt" },
        {
          afterStatement: (name) =>
            name === "previous" ? new Promise((r) => setTimeout(r, 300)) : undefined,
        },
      ),
      new Promise((r) => setTimeout(r, 50)).then(() =>
        ingestText(executor, { text: second, sourceName: "v2.txt" }),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(["created", "replaced"]);
    const [row] = await cypher("MATCH (d:Document {key: $key}) RETURN d.sourceName AS source", {
      key: `KH|${number}-KH/TU|2022`,
    });
    expect(row).toEqual({ source: "v2.txt" });
  });

  it("leaves no pending mark and no bare node behind when the write fails", async () => {
    const lone = text("bản lỗi");
    const number = /Số (\d+)-KH/.exec(lone)![1]!;
    await expect(
      ingestText(
        executor,
        { text: lone, sourceName: "broken.txt" },
        {
          afterStatement(name) {
            if (name === "previous") throw new Error("injected failure after the lock");
          },
        },
      ),
    ).rejects.toThrow("injected failure");
    expect(
      await cypher("MATCH (d:Document {key: $key}) RETURN d", { key: `KH|${number}-KH/TU|2022` }),
    ).toEqual([]);
    expect(await cypher("MATCH (d:Document) WHERE d.ingestPending IS NOT NULL RETURN d.key")).toEqual([]);
  });
});

describe("spans are UTF-16 offsets (src/graph/README.md)", () => {
  it("the documented Cypher idiom slices every quote exactly where substring() does not", async () => {
    const number = n();
    const text = `TỈNH ỦY QUẢNG NINH\nSố ${number}-KH/TU\nQuảng Ninh, ngày 10 tháng 01 năm 2022\n\nKẾ HOẠCH 😀 𝐀\nvề kiểm thử\n\nI- MỤC ĐÍCH\n1. Quán triệt 😀\nThực hiện Chỉ thị số ${n()}-CT/TW ngày 15/9/2021 của Ban Bí thư.\n`;
    const result = await ingestText(executor, { text, sourceName: "astral.txt" });
    const rows = await cypher(
      `MATCH (:Task)-[r:IMPLEMENTS]->(:Document), (d:Document {key: r.sourceKey})
       WHERE d.key = $key
       RETURN r.quote AS quote, reduce(s = '', c IN split(d.sourceText, '')[r.start..r.end] | s + c) AS sliced,
              substring(d.sourceText, r.start, r.end - r.start) AS naive`,
      { key: result.documentKey },
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.sliced).toBe(row.quote);
      expect(row.naive).not.toBe(row.quote);
    }
  });
});
