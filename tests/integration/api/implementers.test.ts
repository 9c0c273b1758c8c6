import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type Api } from "../../../src/api/create-server.js";
import { projectRoot } from "../../../src/config/settings.js";
import { GraphExecutor } from "../../../src/graph/executor.js";
import { ingestText } from "../../../src/graph/ingest.js";
import { testDriver, testNeo4j } from "../../setup/neo4j-context.js";
import { ensureSeed } from "../../setup/seed-graph.js";

// From a directive to the bodies that carry it out (#20): Document.implementers, on chain B of
// ../shared/corpus/chains (README there): Quyết định 1074/QĐ-BXD of the Ministry of Construction,
// based on ("Căn cứ") Luật 55/2024/QH15, whose Điều 3.1 gives "Ủy ban nhân dân các tỉnh, thành phố"
// a duty "hoàn thành chậm nhất đến ngày 01 tháng 7 năm 2028"; and the Lào Cai People's
// Committee's letter 7432/UBND-XD carrying out 1074/QĐ-BXD, whose item 1 names "Công an tỉnh, các
// sở, ban, ngành …" and item 2 "Giao Sở Xây dựng". Expected values read from those texts.

const driver = testDriver();
const executor = new GraphExecutor(driver, testNeo4j().database);
const chains = path.resolve(projectRoot, "..", "shared", "corpus", "chains");
let api: Api;

async function run<T>(source: string, variables: Record<string, unknown> = {}) {
  const contextValue = await api.contextFor({});
  const response = await api.apollo.executeOperation<T>({ query: source, variables }, { contextValue });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult;
}

async function query<T>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await run<T>(source, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const IMPLEMENTERS = `query Implementers($symbol: String!, $transitive: Boolean, $maxDepth: Int, $first: Int, $after: String) {
  document(symbol: $symbol) {
    implementers(transitive: $transitive, maxDepth: $maxDepth, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          organization { key name }
          depth
          proofCount
          proofs {
            basis depth
            implementingTask { code document { symbol } }
            assignment { duty quote start end task { code document { symbol } } deadlines { due quote } }
          }
        }
      }
    }
  }
}`;

interface Proof {
  basis: string;
  depth: number;
  implementingTask: { code: string; document: { symbol: string | null } };
  assignment: {
    duty: string;
    quote: string | null;
    start: number | null;
    end: number | null;
    task: { code: string; document: { symbol: string | null } };
    deadlines: { due: string | null; quote: string }[];
  };
}
interface Implementers {
  document: {
    implementers: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: {
        node: {
          organization: { key: string; name: string };
          depth: number;
          proofCount: number;
          proofs: Proof[];
        };
      }[];
    };
  };
}

const implementers = (symbol: string, options: Record<string, unknown> = {}) =>
  query<Implementers>(IMPLEMENTERS, { symbol, ...options }).then((r) => r.document.implementers);

beforeAll(async () => {
  await ensureSeed();
  for (const name of ["1074-QD-BXD-2026.txt", "7432-UBND-XD-2026.txt"])
    await ingestText(executor, { text: fs.readFileSync(path.join(chains, name), "utf8"), sourceName: name });
  api = await createApi({ graph: executor });
});

afterAll(async () => {
  await api?.apollo.stop();
  await driver.close();
});

describe("Document.implementers: the bodies assigned to the tasks implementing a document", () => {
  it("direct: the body 1074/QĐ-BXD assigns (its Điều 3.1), proved by its basis on 55/2024/QH15, with the deadline", async () => {
    const page = await implementers("55/2024/QH15");
    // printed "Ủy ban nhân dân các tỉnh, thành phố"
    const provinces = page.edges.find(
      (e) => e.node.organization.key === "uy-ban-nhan-dan-cac-tinh-va-thanh-pho",
    );
    expect(provinces?.node.depth).toBe(1);
    const [proof] = provinces!.node.proofs;
    // the implementing task is 1074's preamble ("Căn cứ Luật … số 55/2024/QH15"); the body is
    // assigned elsewhere in that decision: the basis says so
    expect(proof).toMatchObject({
      basis: "DOCUMENT",
      depth: 1,
      implementingTask: { document: { symbol: "1074/QĐ-BXD" } },
      assignment: { task: { code: "Điều 3.1", document: { symbol: "1074/QĐ-BXD" } } },
    });
    expect(proof!.assignment.quote).toContain("hoàn thành chậm nhất đến ngày 01 tháng 7 năm 2028");
    expect(proof!.assignment.deadlines.map((d) => d.due)).toEqual(["2028-07-01"]);
    // the quote is where the assigning text says it
    const text = fs.readFileSync(path.join(chains, "1074-QD-BXD-2026.txt"), "utf8");
    expect(text.slice(proof!.assignment.start!, proof!.assignment.end!)).toBe(proof!.assignment.quote);
    // not transitive: nothing from the Lào Cai letter, which cites 1074/QĐ-BXD, not the law
    expect(page.edges.every((e) => e.node.depth === 1)).toBe(true);
    expect(page.edges.some((e) => e.node.organization.key.endsWith("lao-cai"))).toBe(false);
  });

  it("transitive: the Lào Cai bodies that carry out 1074/QĐ-BXD carry out the law at depth 2, each with its own item", async () => {
    const page = await implementers("55/2024/QH15", { transitive: true, maxDepth: 2 });
    const direct = await implementers("55/2024/QH15");
    expect(page.totalCount).toBeGreaterThan(direct.totalCount);
    const police = page.edges.find((e) => e.node.organization.key === "cong-an-tinh-lao-cai");
    expect(police?.node.depth).toBe(2);
    // item 1 of 7432/UBND-XD names the provincial police and cites 1074/QĐ-BXD itself
    expect(police!.node.proofs[0]).toMatchObject({
      basis: "TASK",
      depth: 2,
      implementingTask: { code: "1", document: { symbol: "7432/UBND-XD" } },
      assignment: { task: { code: "1" } },
    });
    const construction = page.edges.find((e) => /^Sở Xây dựng/.test(e.node.organization.name));
    expect(construction?.node.proofs[0]?.assignment.quote).toMatch(/Sở Xây dựng/);
    expect(construction?.node.proofs[0]?.implementingTask.document.symbol).toBe("7432/UBND-XD");
    // ordered by depth, then key; no proof deeper than asked
    const order = page.edges.map((e) => [e.node.depth, e.node.organization.key] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
    for (const e of page.edges) for (const p of e.node.proofs) expect(p.depth).toBeLessThanOrEqual(2);
  });

  it("1074/QĐ-BXD: one body per organization, each assignment proving once, pages that neither repeat nor skip", async () => {
    const all = await implementers("1074/QĐ-BXD", { first: 50 });
    for (const e of all.edges) {
      const ids = e.node.proofs.map((p) => `${p.assignment.task.code}@${p.assignment.start}`);
      expect(new Set(ids).size).toBe(ids.length);
      expect(e.node.proofCount).toBeGreaterThanOrEqual(e.node.proofs.length);
    }
    const keys: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Implementers["document"]["implementers"] = await implementers("1074/QĐ-BXD", {
        first: 2,
        after,
      });
      keys.push(...page.edges.map((e) => e.node.organization.key));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(keys).toEqual(all.edges.map((e) => e.node.organization.key));
    expect(new Set(keys).size).toBe(all.totalCount);
  });

  it("a document no task implements has no implementers; a bad depth or cursor is a coded error", async () => {
    // 7432/UBND-XD: nothing ingested cites it
    expect((await implementers("7432/UBND-XD")).edges).toEqual([]);
    const badDepth = await run(IMPLEMENTERS, { symbol: "55/2024/QH15", transitive: true, maxDepth: 0 });
    expect(badDepth.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badCursor = await run(IMPLEMENTERS, { symbol: "55/2024/QH15", after: "not-a-cursor" });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
