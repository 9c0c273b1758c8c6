import neo4j, { Neo4jError, type ManagedTransaction } from "neo4j-driver";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GraphExecutor } from "../../src/graph/executor.js";
import { ingestMany, type IngestOutcome, type IngestSource } from "../../src/graph/ingest-many.js";
import { applyMigrations } from "../../src/graph/migrations.js";
import { testDriver, testNeo4j } from "../setup/neo4j-context.js";

const driver = testDriver();
const database = testNeo4j().database;
const executor = new GraphExecutor(driver, database);

/** Documents written for this test; their numbers (99xx, year 1990) appear in no other test. */
function resolution(symbol: string, heading: string, day: string, body: string): string {
  return [
    "TỈNH ỦY QUẢNG NINH",
    `Số ${symbol}`,
    `Quảng Ninh, ngày ${day} năm 1990`,
    "",
    heading,
    "CỦA BAN THƯỜNG VỤ TỈNH ỦY",
    `về thử nghiệm nạp theo lô (${symbol})`,
    "",
    "I- MỤC TIÊU",
    "1. Mục tiêu tổng quát",
    "Phát triển nhanh, bền vững.",
    "",
    "II- NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU",
    "1. Nhiệm vụ thứ nhất",
    body,
    "",
    "2. Nhiệm vụ thứ hai",
    "Tăng cường kiểm tra, giám sát.",
    "",
  ].join("\n");
}

// A cites a stub; B cites that stub and A without a year (A is then the only 9901-NQ/TU; a dated
// mention of A in B's own text would give the year-less one its year instead);
// C cites D, which comes after it (a stub upgraded within the batch); D cites A's stub too.
const sources = [
  {
    name: "batch-test/a.txt",
    text: resolution(
      "9901-NQ/TU",
      "NGHỊ QUYẾT",
      "1 tháng 2",
      "Thực hiện Chỉ thị số 9900-CT/TW ngày 1/1/1989 của Ban Bí thư về công tác thử nghiệm.",
    ),
  },
  {
    name: "batch-test/b.txt",
    text: resolution(
      "9902-KH/TU",
      "KẾ HOẠCH",
      "2 tháng 3",
      "Triển khai Chỉ thị số 9900-CT/TW ngày 1/1/1989 của Ban Bí thư; quán triệt Nghị quyết số 9901-NQ/TU của Ban Thường vụ Tỉnh ủy.",
    ),
  },
  {
    name: "batch-test/c.txt",
    text: resolution(
      "9903-CT/TU",
      "CHỈ THỊ",
      "3 tháng 4",
      "Thực hiện Kế hoạch số 9904-KH/TU ngày 4/5/1990 của Ban Thường vụ Tỉnh ủy về thử nghiệm.",
    ),
  },
  {
    name: "batch-test/d.txt",
    text: resolution(
      "9904-KH/TU",
      "KẾ HOẠCH",
      "4 tháng 5",
      "Tiếp tục thực hiện Chỉ thị số 9900-CT/TW ngày 1/1/1989 của Ban Bí thư.",
    ),
  },
];
const inputs = sources.map((s) => ({ sourceName: s.name, read: () => s.text }));

async function rows(query: string): Promise<unknown[]> {
  const { records } = await driver.executeQuery(query, {}, { database });
  return records.map((r) =>
    JSON.parse(JSON.stringify(r.toObject(), (_k, v: unknown) => (neo4j.isInt(v) ? v.toNumber() : v))),
  );
}

/** Everything this test's documents put in the graph, in a comparable form (no timestamps). */
async function snapshot() {
  const mine = "d.key CONTAINS '|99'";
  return {
    documents: await rows(
      `MATCH (d:Document) WHERE ${mine}
       RETURN d.key AS key, d.ingested AS ingested, d.title AS title, d.issuedOn AS issuedOn ORDER BY key`,
    ),
    tasks: await rows(
      `MATCH (d:Document)<-[:IN_DOCUMENT]-(t:Task) WHERE ${mine}
       OPTIONAL MATCH (p)-[h:HAS_TASK]->(t)
       RETURN t.key AS key, t.title AS title, coalesce(p.key, '') AS parent, h.order AS ord ORDER BY key`,
    ),
    citations: await rows(
      `MATCH (d:Document)<-[:IN_DOCUMENT]-(t:Task)-[r:IMPLEMENTS]->(c) WHERE ${mine}
       RETURN t.key AS task, c.key AS cited, r.quote AS quote, r.start AS start, r.resolvedBy AS resolvedBy
       ORDER BY task, start`,
    ),
    cites: await rows(
      `MATCH (d:Document)-[r:CITES]->(c) WHERE ${mine} RETURN d.key AS from, c.key AS to, r.count AS n ORDER BY from, to`,
    ),
    issuers: await rows(
      `MATCH (d:Document)-[:ISSUED_BY]->(o) WHERE ${mine} RETURN d.key AS doc, o.key AS org, o.name AS name ORDER BY doc`,
    ),
  };
}

async function removeMine(): Promise<void> {
  await driver.executeQuery(
    `MATCH (d:Document) WHERE d.key CONTAINS '|99'
     OPTIONAL MATCH (d)<-[:IN_DOCUMENT]-(t:Task)
     OPTIONAL MATCH (d)<-[:SET_BY]-(g:Target)
     DETACH DELETE d, t, g`,
    {},
    { database },
  );
}

function summary(outcomes: IngestOutcome[]) {
  return outcomes.map((o) =>
    o.ok
      ? {
          source: o.sourceName,
          status: o.result.status,
          stubs: o.result.stubsCreated,
          byUniqueSymbol: o.result.linkedByUniqueSymbol,
        }
      : { source: o.sourceName, failed: o.reason },
  );
}

/** Loads `sources` one transaction each, snapshots the graph, removes it, and loads them batched. */
async function oneByOneThenBatched(sources: IngestSource[]) {
  const oneByOne = await ingestMany(executor, sources, { batchDocuments: 1, overlapCommits: false });
  const sequentialGraph = await snapshot();
  await removeMine();
  const batched = await ingestMany(executor, sources, { batchDocuments: 10 });
  return { oneByOne, sequentialGraph, batched };
}

/**
 * An executor whose transactions wait 150 ms before committing, and a count of transactions that
 * started while another had not committed yet.
 */
function slowCommits() {
  const slow = new GraphExecutor(driver, database);
  let open = 0;
  let overlaps = 0;
  slow.writeTransaction = async <T>(work: (tx: ManagedTransaction) => Promise<T>) => {
    if (open > 0) overlaps += 1;
    open += 1;
    try {
      return await executor.writeTransaction(async (tx) => {
        const result = await work(tx);
        await new Promise((resolve) => setTimeout(resolve, 150));
        return result;
      });
    } finally {
      open -= 1;
    }
  };
  return { executor: slow, overlaps: () => overlaps };
}

beforeEach(async () => {
  await applyMigrations(executor);
  await removeMine();
});
afterAll(async () => {
  await removeMine();
  await driver.close();
});

describe("ingestMany: several documents per transaction", () => {
  it("gives the same outcomes and the same graph as one transaction per document", async () => {
    const oneByOne = await ingestMany(executor, inputs, { batchDocuments: 1, overlapCommits: false });
    const sequentialGraph = await snapshot();
    await removeMine();
    const roundTripsBefore = executor.roundTrips;
    const batched = await ingestMany(executor, inputs, { batchDocuments: 10 });
    expect(executor.roundTrips - roundTripsBefore).toBe(1); // one transaction for the four
    expect(summary(batched)).toEqual(summary(oneByOne));
    expect(await snapshot()).toEqual(sequentialGraph);

    // the facts themselves, not only their equality
    expect(summary(batched)).toEqual([
      { source: "batch-test/a.txt", status: "created", stubs: 1, byUniqueSymbol: 0 },
      { source: "batch-test/b.txt", status: "created", stubs: 0, byUniqueSymbol: 1 },
      { source: "batch-test/c.txt", status: "created", stubs: 1, byUniqueSymbol: 0 },
      { source: "batch-test/d.txt", status: "upgraded", stubs: 0, byUniqueSymbol: 0 },
    ]);
    expect(sequentialGraph.documents).toHaveLength(5); // four ingested and the 9900-CT/TW stub
    expect(sequentialGraph.citations).toContainEqual(
      expect.objectContaining({
        cited: expect.stringContaining("9901-NQ/TU|1990"),
        resolvedBy: "unique-symbol",
      }),
    );
  });

  it("starts a batch while the one before commits, with the same outcomes and graph", async () => {
    const sequential = await ingestMany(executor, inputs, { batchDocuments: 1, overlapCommits: false });
    const sequentialGraph = await snapshot();
    await removeMine();
    // each transaction holds its commit back a little, so the next one starts before it commits and
    // reads a graph without it: it must plan from what the earlier batch reported instead
    const slow = slowCommits();
    const overlapped = await ingestMany(slow.executor, inputs, { batchDocuments: 1 });
    expect(slow.overlaps()).toBeGreaterThan(0);
    expect(summary(overlapped)).toEqual(summary(sequential));
    expect(await snapshot()).toEqual(sequentialGraph);
  });

  it("a replaced document's orphaned stub survives when an earlier batch, still committing, links it", async () => {
    const stubCiter = (symbol: string, version: string) =>
      resolution(
        symbol,
        "KẾ HOẠCH",
        "6 tháng 7",
        version === "v1"
          ? "Thực hiện Chỉ thị số 9905-CT/TW ngày 2/2/1989 của Ban Bí thư."
          : "Không còn trích dẫn.",
      );
    await ingestMany(executor, [
      { sourceName: "batch-test/e.txt", read: () => stubCiter("9906-KH/TU", "v1") },
    ]);
    const slow = slowCommits();
    const outcomes = await ingestMany(
      slow.executor,
      [
        // F links the stub; E's new version drops the only link the stub had before F
        { sourceName: "batch-test/f.txt", read: () => stubCiter("9907-KH/TU", "v1") },
        { sourceName: "batch-test/e.txt", read: () => stubCiter("9906-KH/TU", "v2") },
      ],
      { batchDocuments: 1 },
    );
    expect(outcomes.map((o) => (o.ok ? o.result.status : o.reason))).toEqual(["created", "replaced"]);
    expect(slow.overlaps()).toBeGreaterThan(0);
    const links = await rows(
      `MATCH (t:Task)-[:IMPLEMENTS]->(s:Document) WHERE s.key CONTAINS '9905-CT/TW'
       RETURN t.documentKey AS citer, s.ingested AS ingested`,
    );
    expect(links).toEqual([{ citer: expect.stringContaining("9907-KH/TU"), ingested: false }]);
  });

  it("a stub that a replaced document orphans is gone for the documents after it in the batch, as one by one", async () => {
    const citer = (symbol: string, body: string) => ({
      sourceName: `batch-test/${symbol}.txt`,
      read: () => resolution(symbol, "KẾ HOẠCH", "6 tháng 7", body),
    });
    const v1 = citer("9906-KH/TU", "Thực hiện Chỉ thị số 9905-CT/TW ngày 2/2/1989 của Ban Bí thư.");
    // E's new version drops the stub's only link; I, after it, cites the same stub with another date
    const run = [
      citer("9906-KH/TU", "Không còn trích dẫn."),
      citer("9911-KH/TU", "Quán triệt Chỉ thị số 9905-CT/TW ngày 3/3/1989 của Ban Bí thư."),
    ];
    const stub = () =>
      rows(
        `MATCH (s:Document) WHERE s.key CONTAINS '9905-CT/TW' RETURN s.key AS key, s.issuedOn AS issuedOn`,
      );
    await ingestMany(executor, [v1]);
    const oneByOne = await ingestMany(executor, run, { batchDocuments: 1, overlapCommits: false });
    const sequentialGraph = await snapshot();
    const sequentialStub = await stub();
    await removeMine();
    await ingestMany(executor, [v1]);
    const roundTripsBefore = executor.roundTrips;
    const batched = await ingestMany(executor, run, { batchDocuments: 10 });
    expect(executor.roundTrips - roundTripsBefore).toBe(1); // still one transaction
    expect(summary(batched)).toEqual(summary(oneByOne));
    expect(summary(batched).map((o) => [o.status, o.stubs])).toEqual([
      ["replaced", 0],
      ["created", 1], // the stub was deleted with E's last link, and I creates it again
    ]);
    expect(await snapshot()).toEqual(sequentialGraph);
    expect(await stub()).toEqual(sequentialStub);
    expect(sequentialStub).toEqual([{ key: expect.stringContaining("9905-CT/TW"), issuedOn: "1989-03-03" }]);
  });

  it("a later citation in the batch fills what an earlier one left empty in a stub, as one by one", async () => {
    const citer = (symbol: string, body: string) => ({
      sourceName: `batch-test/${symbol}.txt`,
      read: () => resolution(symbol, "KẾ HOẠCH", "7 tháng 8", body),
    });
    const pair = [
      citer("9913-KH/TU", "Thực hiện Chỉ thị số 9912-CT/TW ngày 5/5/1989 của Ban Bí thư."),
      citer(
        "9914-KH/TU",
        "Thực hiện Chỉ thị số 9912-CT/TW ngày 5/5/1989 của Ban Bí thư về tăng cường thử nghiệm.",
      ),
    ];
    const { oneByOne, sequentialGraph, batched } = await oneByOneThenBatched(pair);
    expect(summary(batched)).toEqual(summary(oneByOne));
    expect(await snapshot()).toEqual(sequentialGraph);
    // the first citation created the stub without a title; the second gave it one
    expect(sequentialGraph.documents).toContainEqual(
      expect.objectContaining({
        key: expect.stringContaining("9912-CT/TW"),
        title: expect.stringContaining("thử nghiệm"),
      }),
    );
  });

  it("links a year-less citation to a stub that an earlier document of the batch created, as one by one", async () => {
    // G cites 9908-NQ/TU with its date (a resolved stub); H cites it without a year: one by one, the
    // stub is then the only 9908-NQ/TU in the graph and H's citation is linked to it
    const pair = [
      {
        sourceName: "batch-test/g.txt",
        read: () =>
          resolution(
            "9909-KH/TU",
            "KẾ HOẠCH",
            "8 tháng 9",
            "Thực hiện Nghị quyết số 9908-NQ/TU ngày 3/3/1989 của Tỉnh ủy.",
          ),
      },
      {
        sourceName: "batch-test/h.txt",
        read: () =>
          resolution(
            "9910-KH/TU",
            "KẾ HOẠCH",
            "9 tháng 10",
            "Quán triệt Nghị quyết số 9908-NQ/TU của Ban Thường vụ Tỉnh ủy.",
          ),
      },
    ];
    const { oneByOne, sequentialGraph, batched } = await oneByOneThenBatched(pair);
    expect(summary(batched)).toEqual(summary(oneByOne));
    expect(summary(batched)[1]).toMatchObject({ byUniqueSymbol: 1 });
    expect(await snapshot()).toEqual(sequentialGraph);
  });

  it("stops at a failure that is not a refusal, reports it, and starts no batch after it", async () => {
    const failing = new GraphExecutor(driver, database);
    let transactions = 0;
    failing.writeTransaction = <T>(work: (tx: ManagedTransaction) => Promise<T>) => {
      transactions += 1;
      if (transactions === 2) return Promise.reject(new Error("connection lost (injected)"));
      // the first batch commits slowly: the run must still end only once it has committed
      return executor.writeTransaction(async (tx) => {
        const result = await work(tx);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return result;
      });
    };
    await expect(ingestMany(failing, inputs, { batchDocuments: 1 })).rejects.toThrow(/connection lost/);
    expect(transactions).toBe(2);
    const documents = (await snapshot()).documents as Array<{ key: string; ingested: boolean }>;
    expect(documents.filter((d) => d.ingested)).toHaveLength(1);
  });

  it("is idempotent across batches: a second run changes nothing", async () => {
    await ingestMany(executor, inputs, { batchDocuments: 3 });
    const first = await snapshot();
    const again = await ingestMany(executor, inputs, { batchDocuments: 3 });
    expect(again.map((o) => (o.ok ? o.result.status : o.reason))).toEqual(Array(4).fill("unchanged"));
    expect(await snapshot()).toEqual(first);
  });

  it("reports bad input in order and loads the rest", async () => {
    const outcomes = await ingestMany(
      executor,
      [inputs[0]!, { sourceName: "batch-test/empty.txt", read: () => "  \n" }, ...inputs.slice(1)],
      { batchDocuments: 10 },
    );
    expect(outcomes.map((o) => o.sourceName)).toEqual([
      "batch-test/a.txt",
      "batch-test/empty.txt",
      "batch-test/b.txt",
      "batch-test/c.txt",
      "batch-test/d.txt",
    ]);
    expect(outcomes[1]).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(outcomes.filter((o) => o.ok)).toHaveLength(4);
  });

  it("when the database refuses a batch, retries one transaction each and loads all but the refused one", async () => {
    // failure injection above a real Neo4j: any write that includes C is refused, as a constraint would
    const refusing = new GraphExecutor(driver, database);
    const cKey = (await ingestMany(executor, [inputs[2]!], { batchDocuments: 1 }))[0]!;
    await removeMine();
    const refusedKey = cKey.ok ? cKey.result.documentKey : "";
    refusing.writeTransaction = <T>(work: (tx: ManagedTransaction) => Promise<T>) =>
      executor.writeTransaction((tx) =>
        work({
          run: (query: string, params?: Record<string, unknown>) => {
            const keys = (params?.docKeys as string[] | undefined) ?? [];
            if (keys.includes(refusedKey)) {
              throw new Neo4jError(
                "refused for the test",
                "Neo.ClientError.Schema.ConstraintValidationFailed",
                "",
                "",
              );
            }
            return tx.run(query, params);
          },
        } as ManagedTransaction),
      );
    const outcomes = await ingestMany(refusing, inputs, { batchDocuments: 10 });
    expect(outcomes.map((o) => [o.sourceName, o.ok])).toEqual([
      ["batch-test/a.txt", true],
      ["batch-test/b.txt", true],
      ["batch-test/c.txt", false],
      ["batch-test/d.txt", true],
    ]);
    expect(outcomes[2]).toMatchObject({ reason: expect.stringMatching(/c\.txt: the database refused it/) });
    const documents = (await snapshot()).documents as Array<{ key: string; ingested: boolean }>;
    expect(documents.filter((d) => d.ingested).map((d) => d.key)).not.toContain(refusedKey);
    expect(documents.filter((d) => d.ingested)).toHaveLength(3);
  });
});
