import type { CypherQuery } from "./cypher.js";
import type { GraphExecutor } from "./executor.js";

/**
 * The graph's version (#21): one node, `(:GraphVersion {id: 'graph'})`, whose `version` every
 * transaction that changes the graph raises by one, inside that transaction (the ingest batch's
 * last statement, ingest-batch.ts; the migrations that ran, migrations.ts). Between two versions
 * every answer of the API is fixed, so an answer can be kept under the version it was read at
 * (src/api/cache/). `epoch` is drawn when the node is created: a graph wiped and loaded again
 * starts a new epoch, so a version number seen before the wipe is never taken for the same graph.
 *
 * The node is one lock shared by every writer: the bump is the last statement of a write
 * transaction, so the lock is held from there to the commit only.
 */
export const bumpGraphVersion = `
    MERGE (v:GraphVersion {id: 'graph'})
    ON CREATE SET v.version = 0, v.epoch = randomUUID()
    SET v.version = v.version + 1, v.changedAt = datetime()
    RETURN v.version AS version`;

/** The version as one string, `${epoch}:${version}`; `none` on a graph that has never been written. */
export function graphVersionQuery(): CypherQuery {
  return {
    cypher: `
      OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
      RETURN CASE WHEN v IS NULL THEN 'none' ELSE v.epoch + ':' + toString(v.version) END AS version`,
    params: {},
  };
}

/** The graph's version, and the bookmarks of the read that saw it. */
export interface VersionRead {
  version: string;
  /**
   * Reads made with these bookmarks see at least that version's graph: in a cluster a secondary
   * waits until it has applied every transaction the version read saw (on one server they hold at once).
   */
  bookmarks: readonly string[];
}

/**
 * One small read: the graph's current version (graphVersionQuery), read where writes commit (the
 * leader, in a cluster: executor.readLatest), so that no commit before the read is missed, with
 * the bookmarks that tie later reads to it.
 */
export async function readGraphVersion(executor: GraphExecutor): Promise<VersionRead> {
  const { records, bookmarks } = await executor.readLatest(graphVersionQuery());
  return { version: String(records[0]?.get("version") ?? "none"), bookmarks };
}

/** The version's number, for /metrics (`none` is 0). */
export function versionNumber(version: string): number {
  const number = Number(version.slice(version.lastIndexOf(":") + 1));
  return Number.isFinite(number) ? number : 0;
}
