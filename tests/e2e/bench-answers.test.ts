import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedsDir } from "../../src/config/settings.js";
import { GraphExecutor } from "../../src/graph/executor.js";
import { ingestText } from "../../src/graph/ingest.js";
import { syntheticCorpus } from "../../bench/synthetic-corpus.js";
import { TARGETS, type ParamPools, type TargetName } from "../../bench/scale/contract.js";
import { questions } from "../../bench/scale/query-mix.js";
import { launches, startLaunch, type LaunchedServer } from "../../bench/scale/servers.js";
import { askAll, disagreement, drawPools, isEmptyAnswer, type Answer } from "../../bench/scale/verify.js";
import { testDriver, testNeo4j } from "../setup/neo4j-context.js";
import { seedGraph } from "../setup/seed-graph.js";

// The benchmark's three targets (cancu, the floor, the @neo4j/graphql peer), each a child process
// as `npm run bench` starts them, must give the same answer to every question of the query mix.
//
// The graph is the shared test database: the seed plus 30 synthetic resolutions. Their Party numbers
// are moved to 9501…, so their keys meet no other test's (the seed cites real numbers, ingest.test.ts
// draws 500–9499), and they are removed afterwards (and before, should a run have died). The corpus is
// sparser than the generator's default (0.3 citations per task, not 1.2): cancu's traversals enumerate
// every chain of up to 6 citations before keeping the shortest, and at the default density a single
// drivers.d6 or transitive tasksImplementing request on 30 documents takes seconds to over the 15 s
// read timeout.

const driver = testDriver();
const { uri, user, password, database } = testNeo4j();
const PARTY_SYMBOL = /\b(\d{2})-(NQ|CT|KL|KH)\/(TW|TU)\b/g;
const BENCH_SYMBOL = "95\\d\\d-(NQ|CT|KL|KH)/T[WU]";

function benchCorpus() {
  return syntheticCorpus({ documents: 30, citationsPerTask: 0.3 }).map((d) => ({
    sourceName: `bench-answers-${d.name}`,
    text: d.text.replace(PARTY_SYMBOL, "95$1-$2/$3"),
  }));
}

async function removeBenchDocuments(): Promise<void> {
  await driver.executeQuery(
    `MATCH (d:Document) WHERE d.symbol =~ $symbol
     OPTIONAL MATCH (part)-[:IN_DOCUMENT|SET_BY]->(d)
     DETACH DELETE part, d`,
    { symbol: BENCH_SYMBOL },
    { database },
  );
  // issuers only these documents named
  await driver.executeQuery("MATCH (o:Organization) WHERE NOT (o)--() DELETE o", {}, { database });
}

let servers: LaunchedServer[] = [];
let urls: Record<TargetName, string>;
let pools: Record<string, ParamPools>;

async function loadGraph(): Promise<void> {
  await seedGraph();
  const executor = new GraphExecutor(driver, database);
  const seedFile = "quang-ninh-2022-phuong-huong-nhiem-vu.txt";
  // the seed must be there even when other tests left documents behind (unchanged when it is)
  await ingestText(executor, {
    text: fs.readFileSync(path.join(seedsDir, seedFile), "utf8"),
    sourceName: seedFile,
  });
  await removeBenchDocuments();
  for (const document of benchCorpus()) await ingestText(executor, document);
}

beforeAll(async () => {
  const env = {
    NEO4J_URI: uri,
    NEO4J_USER: user,
    NEO4J_PASSWORD: password,
    NEO4J_DATABASE: database,
    PORT: "0",
  };
  // the servers hold no data of their own: they start while the graph loads (and are stopped in
  // afterAll even when something failed)
  const [loaded, started] = await Promise.all([
    Promise.allSettled([loadGraph()]),
    Promise.allSettled(launches.map((launch) => startLaunch(launch, env))),
  ]);
  servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failure = [...loaded, ...started].find((s) => s.status === "rejected");
  if (failure?.status === "rejected") throw failure.reason;
  urls = Object.fromEntries(servers.map((s) => [s.target, s.url])) as Record<TargetName, string>;
  pools = await drawPools(driver, database, { seed: 6, hotSize: 2, coldSize: 4 });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await removeBenchDocuments();
  await driver.close();
});

const value = (answer: Answer): unknown => (answer.ok ? answer.value : undefined);
const body = (answer: Answer): unknown => (answer.ok ? answer.body : undefined);

/** The deepest `depth` anywhere in a canonical answer (tasks implementing, drivers). */
function deepest(canonical: unknown): number {
  return Array.isArray(canonical)
    ? Math.max(0, ...canonical.map((row) => Number((row as { depth?: unknown }).depth ?? 0)))
    : 0;
}

describe("the benchmark's three targets", () => {
  it("start as child processes and print READY", () => {
    expect(servers.map((s) => s.target).sort()).toEqual([...TARGETS].sort());
  });

  describe.each(questions.map((q) => [q.name, q] as const))("%s", (_name, question) => {
    it("gives the same non-empty answer from cancu, the floor and the peer", async () => {
      const pool = pools[question.name]!;
      expect(pool.hot.length).toBeGreaterThan(0);
      expect(pool.cold.length).toBeGreaterThan(0);
      const answers: unknown[] = [];
      for (const params of [...pool.hot, ...pool.cold]) {
        const asked = await askAll(urls, question, params);
        expect(disagreement(asked), JSON.stringify(params)).toBeNull();
        expect(isEmptyAnswer(value(asked.cancu)), JSON.stringify(params)).toBe(false);
        // the floor answers cancu's JSON itself, not only the same canonical answer
        expect(body(asked.floor), JSON.stringify(params)).toEqual(body(asked.cancu));
        answers.push(value(asked.cancu));
      }
      // traversals must reach past the first hop on some instance, or they prove nothing
      if (question.name.startsWith("drivers.") || question.name === "tasksImplementing.transitive")
        expect(Math.max(...answers.map(deepest))).toBeGreaterThanOrEqual(2);
    });
  });
});
