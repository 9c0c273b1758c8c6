import neo4j, { type Driver } from "neo4j-driver";

/** Neo4j integers as numbers; temporal values and points in their ISO form. */
const plain = (value: unknown): unknown => {
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") return String(value);
  return value;
};

/**
 * Every node (labels, properties) and relationship (type, end keys, properties) of the graph, one
 * sorted line each, so that two loads can be compared line by line. The load time (`ingestedAt`)
 * always differs and is left out, with any property named in `omit`.
 */
export async function graphLines(
  driver: Driver,
  options: { database?: string; omit?: readonly string[] } = {},
): Promise<{ nodes: number; relationships: number; lines: string[] }> {
  const omitted = new Set(["ingestedAt", ...(options.omit ?? [])]);
  const propertiesLine = (properties: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(properties)
        .filter((k) => !omitted.has(k))
        .sort()
        .map((k) => [k, plain(properties[k])]),
    );
  const config = options.database ? { database: options.database } : {};
  const nodes = await driver.executeQuery(
    // bookkeeping, not the graph's content: migrations run, and the graph version (a counter every
    // write raises, with its time and a random epoch), which two equal graphs need not share
    "MATCH (n) WHERE NOT n:Migration AND NOT n:GraphVersion RETURN labels(n) AS labels, properties(n) AS properties",
    {},
    config,
  );
  const relationships = await driver.executeQuery(
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS from, b.key AS to, properties(r) AS properties",
    {},
    config,
  );
  const lines = [
    ...nodes.records.map(
      (r) => `${[...(r.get("labels") as string[])].sort().join(":")} ${propertiesLine(r.get("properties"))}`,
    ),
    ...relationships.records.map(
      (r) => `${r.get("from")} -${r.get("type")}-> ${r.get("to")} ${propertiesLine(r.get("properties"))}`,
    ),
  ].sort();
  return { nodes: nodes.records.length, relationships: relationships.records.length, lines };
}
