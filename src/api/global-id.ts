import { badUserInput } from "./errors.js";
import { NODE_LABELS, type NodeLabel } from "../graph/queries/projections.js";

/**
 * Global ids: base64url of `<Label>:<key>` (`Document:NQ|26-NQ/TW|2018`). Opaque to clients,
 * stable across restarts, decodable without a database.
 */
export function toGlobalId(label: NodeLabel, key: string): string {
  return Buffer.from(`${label}:${key}`, "utf8").toString("base64url");
}

export interface DecodedId {
  label: NodeLabel;
  key: string;
}

/** Decodes a global id or throws BAD_USER_INPUT: a malformed id is the client's mistake. */
export function fromGlobalId(id: string): DecodedId {
  const decoded = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, "base64url").toString("utf8") : "";
  const separator = decoded.indexOf(":");
  const label = decoded.slice(0, separator);
  const key = decoded.slice(separator + 1);
  if (separator <= 0 || key.length === 0 || !(NODE_LABELS as readonly string[]).includes(label)) {
    throw badUserInput(
      `"${id}" is not a cancu id (ids come from the id field of a Document, Task or other node)`,
      {
        argumentValue: id,
      },
    );
  }
  return { label: label as NodeLabel, key };
}
