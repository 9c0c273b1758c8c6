import { badUserInput } from "./errors.js";

/**
 * Keyset cursors: base64url of the JSON sort key of a row (`["NQ|26-NQ/TW|2018"]`,
 * `[0.92, "…#II.4.3"]`). A page asks for rows after that key, so a cursor stays valid while
 * rows are added or removed elsewhere.
 */
export function encodeCursor(sortKey: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(sortKey), "utf8").toString("base64url");
}

/** Decodes a cursor whose sort key has the given shape, or throws BAD_USER_INPUT. */
export function decodeCursor<T extends readonly ("string" | "number")[]>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends "string" ? string : number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== shape.length ||
    !parsed.every((value, index) => typeof value === shape[index])
  ) {
    throw badUserInput(
      `"${cursor}" is not a cursor of this list (pass an edge's cursor or pageInfo.endCursor)`,
      {
        argumentName: "after",
      },
    );
  }
  return parsed as never;
}

/**
 * A cursor of a chain (Task.directivesDrivingPage, Document.tasksImplementing): [depth, date, key],
 * depth a positive integer; else BAD_USER_INPUT.
 */
export function decodeChainCursor(cursor: string): { depth: number; date: string; key: string } {
  const [depth, date, key] = decodeCursor(cursor, ["number", "string", "string"] as const);
  if (!Number.isInteger(depth) || depth < 1)
    throw badUserInput(
      `"${cursor}" is not a cursor of this list (pass an edge's cursor or pageInfo.endCursor)`,
      {
        argumentName: "after",
      },
    );
  return { depth, date, key };
}
