import type { Driver } from "neo4j-driver";
import { extractDocument } from "../src/extract/index.js";
import { ingestRows } from "../src/graph/ingest-rows.js";

/**
 * The BASELINE for the ingest benchmark: what a first attempt looks like. The same rows as cancu's
 * loader, but one auto-commit query per node and per relationship (no UNWIND, no transaction
 * around the document). It writes the same graph shape, so the two rates compare like for like.
 */
export async function naiveIngest(driver: Driver, database: string, text: string): Promise<number> {
  const rows = ingestRows(extractDocument(text));
  const session = driver.session({ database });
  let relationships = 0;
  try {
    const key = rows.document.key;
    await session.run("MERGE (d:Document {key: $key}) SET d += $props, d.ingested = true", {
      key,
      props: {
        type: rows.document.type,
        symbol: rows.document.symbol,
        year: rows.document.year,
        title: rows.document.title,
      },
    });
    for (const task of rows.tasks) {
      await session.run(
        "MATCH (d:Document {key: $documentKey}) CREATE (t:Task {key: $key, code: $code, title: $title, text: $text, documentKey: $documentKey}) CREATE (t)-[:IN_DOCUMENT]->(d)",
        { documentKey: key, key: task.key, code: task.code, title: task.title, text: task.text },
      );
      relationships += 1;
    }
    for (const task of rows.tasks) {
      if (task.parentKey) {
        await session.run("MATCH (p:Task {key: $parent}), (t:Task {key: $key}) CREATE (p)-[:HAS_TASK]->(t)", {
          parent: task.parentKey,
          key: task.key,
        });
      } else {
        await session.run(
          "MATCH (d:Document {key: $documentKey}), (t:Task {key: $key}) CREATE (d)-[:HAS_TASK]->(t)",
          {
            documentKey: key,
            key: task.key,
          },
        );
      }
      relationships += 1;
    }
    for (const cited of rows.citedDocuments) {
      await session.run(
        "MERGE (d:Document {key: $key}) ON CREATE SET d.symbol = $symbol, d.ingested = false",
        {
          key: cited.key,
          symbol: cited.symbol,
        },
      );
    }
    for (const citation of rows.citations) {
      await session.run(
        "MATCH (t:Task {key: $task}), (d:Document {key: $doc}) CREATE (t)-[:IMPLEMENTS {quote: $quote, start: $start, end: $end, sourceKey: $source}]->(d)",
        {
          task: citation.taskKey,
          doc: citation.documentKey,
          quote: citation.quote,
          start: citation.start,
          end: citation.end,
          source: key,
        },
      );
      relationships += 1;
    }
    for (const target of rows.targets) {
      await session.run(
        "MATCH (d:Document {key: $documentKey}) CREATE (g:Target {key: $key, text: $text})-[:SET_BY]->(d)",
        { documentKey: key, key: target.key, text: target.text },
      );
      relationships += 1;
    }
  } finally {
    await session.close();
  }
  return relationships;
}
