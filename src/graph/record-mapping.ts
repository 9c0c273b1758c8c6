import neo4j from "neo4j-driver";

/** A value as the driver returns it, turned into plain JSON-safe JavaScript. */
export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

/**
 * Converts driver values into plain values: Integers become numbers (graph counts and spans stay
 * far below 2^53), nodes and relationships become their properties, temporal values ISO strings.
 * Every answer the API gives passes through here, value by value: the common cases (primitives,
 * lists, the driver's plain maps) are tested first, before the driver's type checks.
 */
export function toPlain(value: unknown): PlainValue {
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value;
    case "bigint":
      return Number(value);
    case "undefined":
      return null;
    case "object":
      break;
    default:
      return String(value);
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    const list: PlainValue[] = new Array<PlainValue>(value.length);
    for (let i = 0; i < value.length; i++) list[i] = toPlain(value[i]);
    return list;
  }
  // a map as the driver decodes it: an object literal
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  if (neo4j.isInt(value)) return neo4j.integer.toNumber(value);
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  )
    return String(value);
  return plainMap(value as Record<string, unknown>);
}

function plainMap(value: Record<string, unknown>): { [key: string]: PlainValue } {
  const result: { [key: string]: PlainValue } = {};
  for (const key of Object.keys(value)) result[key] = toPlain(value[key]);
  return result;
}

/** Reads one column of a record as a plain value. */
export function column(record: { get(key: string): unknown }, key: string): PlainValue {
  return toPlain(record.get(key));
}

/** Narrowing helpers for mapped properties: the graph is schemaless, so every read is checked. */
export function stringOf(value: PlainValue | undefined): string | null {
  return typeof value === "string" ? value : null;
}

export function numberOf(value: PlainValue | undefined): number | null {
  return typeof value === "number" ? value : null;
}

export function booleanOf(value: PlainValue | undefined): boolean | null {
  return typeof value === "boolean" ? value : null;
}

export function mapOf(value: PlainValue | undefined): { [key: string]: PlainValue } | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
}

export function listOf(value: PlainValue | undefined): PlainValue[] {
  return Array.isArray(value) ? value : [];
}

export function stringListOf(value: PlainValue | undefined): string[] {
  return listOf(value).filter((item): item is string => typeof item === "string");
}
