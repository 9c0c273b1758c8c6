import type { GraphExecutor } from "../graph/executor.js";
import type { GraphLoaders } from "./services/graph-loaders.js";

/** What every resolver gets: a request-scoped executor, its batching loaders, and whether the caller may write. */
export interface ApiContext {
  graph: GraphExecutor;
  loaders: GraphLoaders;
  canWrite: boolean;
}
