import neo4j, { type Driver, type Record as Neo4jRecord, type ManagedTransaction } from "neo4j-driver";
import type { CypherQuery } from "./cypher.js";

export interface ExecutorOptions {
  /** server-side timeout of each read, in milliseconds */
  readTimeoutMs?: number;
}

/**
 * The one place that talks to the driver: sessions, read/write transactions (routed in a cluster),
 * timeouts. Everything else hands it `{ cypher, params }` built by pure functions.
 */
export class GraphExecutor {
  /** Round trips made through this executor: a request-scoped view lets tests count them. */
  roundTrips = 0;

  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly options: ExecutorOptions = {},
  ) {}

  async read(query: CypherQuery): Promise<Neo4jRecord[]> {
    this.roundTrips += 1;
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => tx.run(query.cypher, query.params).then((r) => r.records), {
        timeout: this.options.readTimeoutMs ?? 15_000,
      });
    } finally {
      await session.close();
    }
  }

  /** Runs `work` in one write transaction: everything it writes lands together or not at all. */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.roundTrips += 1;
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  async write(query: CypherQuery): Promise<Neo4jRecord[]> {
    return this.writeTransaction((tx) => tx.run(query.cypher, query.params).then((r) => r.records));
  }

  /** Schema statements (constraints, indexes) cannot share a transaction with data writes. */
  async runAutoCommit(query: CypherQuery): Promise<void> {
    this.roundTrips += 1;
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(query.cypher, query.params);
    } finally {
      await session.close();
    }
  }

  /** A view of the same driver whose round-trip count starts at zero (one per GraphQL request). */
  scoped(): GraphExecutor {
    return new GraphExecutor(this.driver, this.database, this.options);
  }
}
