import type { GraphExecutor } from "../graph/executor.js";

/** What every resolver gets: a request-scoped executor and whether the caller may write. */
export interface ApiContext {
  graph: GraphExecutor;
  canWrite: boolean;
}
