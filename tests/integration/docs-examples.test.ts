import fs from "node:fs";
import path from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, type Api } from "../../src/api/create-server.js";
import { projectRoot } from "../../src/config/settings.js";
import { extractDocument } from "../../src/extract/index.js";
import { GraphExecutor } from "../../src/graph/executor.js";
import { testDriver, testNeo4j } from "../setup/neo4j-context.js";
import { seedGraph } from "../setup/seed-graph.js";

/*
 * Replays every example of docs/API.md against the API in-process (Apollo's executeOperation, the
 * same pipeline as HTTP: limits, error formatting) on the seeded test graph, and compares answers.
 *
 * The convention, also stated at the top of docs/API.md:
 * - An example is a ```graphql block followed by one or more ```json blocks: its answers. A ```text
 *   block before the ```graphql block in the same section is the `$text` variable.
 * - An answer is compared exactly (JSON deep equality, key order aside), except that a string that
 *   ends in `…` in the doc stands for any string that starts with what comes before the `…` (long
 *   titles are cut).
 * - An HTML comment right before a ```json block, `<!-- replay: … -->`, says how to get that
 *   answer, with any of: `api-key` (the request carries the server's API key), `no-database` (the
 *   API's database cannot be reached), `subset` (the doc trims the answer: every documented field
 *   must be in the real answer with its value, every documented list item in the real list).
 *
 * The answers are those of a graph that holds the seed alone (ingested on an empty database), so
 * this file runs first of the files that use Neo4j (tests/setup/sequencer.ts) and checks that.
 */

const docFile = path.join(projectRoot, "docs", "API.md");
const seedFile = path.join(projectRoot, "seeds", "quang-ninh-2022-phuong-huong-nhiem-vu.txt");
const apiKey = "docs-examples-key";

interface Example {
  section: string;
  query: string;
  variables: Record<string, unknown>;
  answers: Array<{ json: unknown; options: Set<string>; line: number }>;
  line: number;
}

/** The examples of a Markdown text, in order. */
function parseExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  let section = "";
  let text: string | null = null;
  let last = 0;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    const between = markdown.slice(last, match.index);
    last = match.index + match[0].length;
    const headings = [...between.matchAll(/^##\s+(.+)$/gm)];
    if (headings.length > 0) {
      section = headings.at(-1)![1]!;
      text = null;
    }
    const line = markdown.slice(0, match.index).split("\n").length;
    const [, language, body] = match as unknown as [string, string, string];
    if (language === "text") text = body;
    else if (language === "graphql") {
      examples.push({
        section,
        query: body,
        variables: /\$text\b/.test(body) && text !== null ? { text } : {},
        answers: [],
        line,
      });
    } else if (language === "json") {
      const example = examples.at(-1);
      if (!example || example.section !== section)
        throw new Error(`docs/API.md:${line}: a json answer without a graphql example before it`);
      const comments = [...between.matchAll(/<!--\s*replay:([^>]*?)-->/g)];
      const options = new Set(comments.at(-1)?.[1]!.trim().split(/\s+/).filter(Boolean) ?? []);
      for (const option of options)
        if (!["api-key", "no-database", "subset"].includes(option))
          throw new Error(`docs/API.md:${line}: unknown replay option ${option}`);
      example.answers.push({ json: JSON.parse(body), options, line });
    }
  }
  return examples;
}

/** The documented answer as a matcher: `…` ends a cut string; `subset` lets the answer hold more. */
function expected(documented: unknown, subset: boolean): unknown {
  if (typeof documented === "string" && documented.endsWith("…")) {
    const prefix = documented.slice(0, -1).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return expect.stringMatching(new RegExp(`^${prefix}`, "s"));
  }
  if (Array.isArray(documented)) {
    const items = documented.map((item) => expected(item, subset));
    return subset ? expect.arrayContaining(items) : items;
  }
  if (documented !== null && typeof documented === "object") {
    const fields = Object.fromEntries(
      Object.entries(documented).map(([key, value]) => [key, expected(value, subset)]),
    );
    return subset ? expect.objectContaining(fields) : fields;
  }
  return documented;
}

const examples = parseExamples(fs.readFileSync(docFile, "utf8"));
const driver = testDriver();
const seedKey = extractDocument(fs.readFileSync(seedFile, "utf8")).document.key;
let api: Api;
let unreachable: { api: Api; close: () => Promise<void> } | null = null;
const written: string[] = [];

async function unreachableApi(): Promise<Api> {
  if (!unreachable) {
    const closed = neo4j.driver("bolt://127.0.0.1:1", neo4j.auth.basic("neo4j", ""), {
      connectionTimeout: 500,
    });
    const broken = await createApi({
      graph: new GraphExecutor(closed, "neo4j", { unavailableRetryMs: 500 }),
    });
    unreachable = {
      api: broken,
      close: async () => {
        await broken.apollo.stop();
        await closed.close();
      },
    };
  }
  return unreachable.api;
}

async function answer(example: Example, options: Set<string>): Promise<unknown> {
  const target = options.has("no-database") ? await unreachableApi() : api;
  const contextValue = await target.contextFor(options.has("api-key") ? { "x-api-key": apiKey } : {});
  const response = await target.apollo.executeOperation(
    { query: example.query, variables: example.variables },
    { contextValue },
  );
  if (response.body.kind !== "single") throw new Error("expected a single result");
  const { data, errors } = response.body.singleResult;
  const key = (data as { ingestDocument?: { documentKey?: string } } | undefined)?.ingestDocument
    ?.documentKey;
  if (key) written.push(key);
  // as the HTTP answer is: JSON, without the fields that are undefined
  return JSON.parse(JSON.stringify({ errors, data }));
}

beforeAll(async () => {
  await seedGraph();
  // the doc's answers are those of the seed alone: say so when this graph holds more
  const { records } = await driver.executeQuery(
    `MATCH (d:Document) WHERE d.key <> $seedKey AND (d.ingested OR NOT EXISTS { (:Document {key: $seedKey})-[:CITES]->(d) })
     RETURN collect(d.key)[..5] AS others, count(d) AS count`,
    { seedKey },
    { database: testNeo4j().database },
  );
  const others = records[0]!.get("others") as string[];
  if (others.length > 0)
    throw new Error(
      `docs/API.md shows the answers of a graph that holds the seed alone, but this one holds ` +
        `${records[0]!.get("count")} other documents (${others.join(", ")} …): run this file on an ` +
        `empty database (the local test Neo4j is one; tests/setup/sequencer.ts runs this file first)`,
    );
  api = await createApi({ graph: new GraphExecutor(driver, testNeo4j().database), apiKey });
});

afterAll(async () => {
  await api?.apollo.stop();
  await unreachable?.close();
  // what the ingestDocument example wrote, and an issuer only it named
  for (const key of written)
    await driver.executeQuery(
      `MATCH (d:Document {key: $key}) OPTIONAL MATCH (t:Task)-[:IN_DOCUMENT]->(d) DETACH DELETE t, d`,
      { key },
      { database: testNeo4j().database },
    );
  await driver.executeQuery(
    "MATCH (o:Organization) WHERE NOT (o)--() DELETE o",
    {},
    { database: testNeo4j().database },
  );
  await driver.close();
});

describe("docs/API.md", () => {
  it("holds examples, each with its answer", () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const example of examples)
      expect(example.answers.length, `docs/API.md:${example.line} has no json answer`).toBeGreaterThan(0);
  });

  describe.each(
    examples.map((example) => [`${example.section} (docs/API.md:${example.line})`, example] as const),
  )("%s", (_name, example) => {
    it.each(
      example.answers.map(
        (a) => [`line ${a.line}${a.options.size ? ` (${[...a.options].join(", ")})` : ""}`, a] as const,
      ),
    )("answers as documented at %s", async (_where, documented) => {
      const real = await answer(example, documented.options);
      expect(real).toEqual(expected(documented.json, documented.options.has("subset")));
    });
  });
});
