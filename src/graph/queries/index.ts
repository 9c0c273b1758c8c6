/** Pure builders of read Cypher: each returns `{ cypher, params }`; only the executor runs them. */
export * from "./document.queries.js";
export * from "./task.queries.js";
export * from "./traversal.queries.js";
export * from "./search.queries.js";
export * from "./subgraph.queries.js";
export * from "./reference.queries.js";
export * from "./stats.queries.js";
export * from "./relation.queries.js";
export * from "./duty.queries.js";
export * from "./projections.js";
export * from "./organization.queries.js";
