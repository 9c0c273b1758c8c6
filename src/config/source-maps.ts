/**
 * Whether a long-running service maps stack traces back to TypeScript (Settings.sourceMaps:
 * NODE_ENV=development or CANCU_SOURCE_MAPS=1). Off by default: with source maps on, every read of
 * `error.stack` costs about twice as much, and neo4j-driver reads one for every query result it
 * creates. Stack traces then name the transpiled JavaScript's lines, which stay close to the
 * TypeScript's.
 */
export function applySourceMapPolicy(enabled: boolean): boolean {
  process.setSourceMapsEnabled(enabled);
  return enabled;
}
