/**
 * Whether a long-running service maps stack traces back to TypeScript. tsx turns source maps on, and
 * with them every read of `error.stack` costs about twice as much (measured here: 56 µs against 24
 * for a short stack). neo4j-driver reads one for every query result it creates, to point a server
 * error at its caller: profiled, that was ~9 % of the API's CPU per request. The service therefore
 * turns them off, unless NODE_ENV=development or CANCU_SOURCE_MAPS=1 (stack traces then name the
 * transpiled JavaScript's lines, which tsx keeps close to the TypeScript's).
 */
export function applySourceMapPolicy(env: NodeJS.ProcessEnv = process.env): boolean {
  const enabled = env.NODE_ENV === "development" || env.CANCU_SOURCE_MAPS === "1";
  process.setSourceMapsEnabled(enabled);
  return enabled;
}
