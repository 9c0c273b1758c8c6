import neo4j, { type Driver } from "neo4j-driver";
import { inject } from "vitest";

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** the store of the local Neo4j that the global setup started (unset with NEO4J_URI) */
  dataDir?: string;
}

export function testNeo4j(): TestNeo4j {
  return inject("neo4j");
}

export function testDriver(): Driver {
  const { uri, user, password } = testNeo4j();
  return neo4j.driver(uri, neo4j.auth.basic(user, password));
}

/** Environment for a child `cancu` process that must use the test database and start nothing. */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { uri, user, password, database } = testNeo4j();
  return {
    ...process.env,
    NEO4J_URI: uri,
    NEO4J_USER: user,
    NEO4J_PASSWORD: password,
    NEO4J_DATABASE: database,
    ...extra,
  };
}
