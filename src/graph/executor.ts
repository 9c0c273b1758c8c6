import neo4j, {
  ManagedTransaction,
  Neo4jError,
  type Driver,
  type Record as Neo4jRecord,
  type Session,
} from "neo4j-driver";
import { defaultDatabaseTimeoutMs } from "../config/settings.js";
import type { CypherQuery } from "./cypher.js";
import { DatabaseUnavailableError, isUnavailable, translateDriverError } from "./graph-errors.js";

export interface ExecutorOptions {
  /** server-side timeout of each read, in milliseconds */
  readTimeoutMs?: number;
  /**
   * How long a transaction keeps retrying a database that cannot be reached (refused, connection
   * lost) before it fails with DatabaseUnavailableError: Settings.databaseTimeoutMs
   * (CANCU_DB_TIMEOUT_MS), 5 s when left out.
   */
  unavailableRetryMs?: number;
  /**
   * How long a write keeps retrying a transient error (a deadlock between two writes, a lock wait):
   * the database answers, it is only busy. Default 30 s, the driver's own default.
   */
  writeRetryMs?: number;
  /**
   * Bookmarks every read session of this executor starts from (a request's reads after its version
   * read, src/graph/graph-version.ts): in a cluster, a secondary answers only once it has caught up
   * with them.
   */
  bookmarks?: readonly string[];
}

type TransactionConfig = NonNullable<Parameters<Session["beginTransaction"]>[0]>;

const firstRetryDelayMs = 200;
const maxRetryDelayMs = 2_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The driver captures a stack trace when each result is made (to show where a failed statement was
 * run from): a tenth of the API's CPU on a one-statement question, for traces cancu never shows
 * (errors are translated, graph-errors.ts). Made with no frames instead, synchronously, so no other
 * code runs meanwhile.
 */
function withoutCallerStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Transient errors the database itself reports (deadlocks, lock waits), retried by writes. */
function isTransient(error: unknown): boolean {
  return error instanceof Neo4jError && Neo4jError.isRetryable(error) && !isUnavailable(error);
}

/**
 * The one place that talks to the driver: sessions, read/write transactions (routed in a cluster),
 * timeouts, retries, and the translation of driver errors (graph-errors.ts). Everything else hands
 * it `{ cypher, params }` built by pure functions.
 *
 * Retries are this class's, not the driver's (whose budget is one number for every error): a
 * database out of reach is retried for `unavailableRetryMs` only, reads and writes alike, so a
 * request or an ingest fails within seconds when Neo4j is gone; a write that meets a transient error
 * (the database answers, busy) keeps the driver's 30 s. A database that is merely slow is never cut
 * short, except by a read's own time limit.
 */
export class GraphExecutor {
  /** Round trips made through this executor: a request-scoped view lets tests count them. */
  roundTrips = 0;
  private readonly settings: Required<Omit<ExecutorOptions, "bookmarks">>;

  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly options: ExecutorOptions = {},
  ) {
    this.settings = {
      readTimeoutMs: options.readTimeoutMs ?? 15_000,
      unavailableRetryMs: options.unavailableRetryMs ?? defaultDatabaseTimeoutMs,
      writeRetryMs: options.writeRetryMs ?? 30_000,
    };
  }

  /**
   * One statement that reads, as an auto-commit transaction: one round trip (RUN and PULL sent
   * together), where an explicit transaction takes two (BEGIN, RUN, PULL, then COMMIT) and makes
   * the server open and close a transaction around them; a single read statement sees one
   * snapshot either way. Retried as every read is (transaction()).
   */
  async read(query: CypherQuery): Promise<Neo4jRecord[]> {
    return (await this.autoCommitRead(query, neo4j.session.READ)).records;
  }

  /**
   * A read where writes commit (the leader, in a cluster; the server itself otherwise), so it sees
   * every transaction committed before it started, with the bookmarks that let later reads on a
   * secondary wait for the same point (ExecutorOptions.bookmarks).
   */
  async readLatest(query: CypherQuery): Promise<{ records: Neo4jRecord[]; bookmarks: string[] }> {
    return this.autoCommitRead(query, neo4j.session.WRITE);
  }

  private async autoCommitRead(
    query: CypherQuery,
    mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE,
  ): Promise<{ records: Neo4jRecord[]; bookmarks: string[] }> {
    this.roundTrips += 1;
    const config = { timeout: this.settings.readTimeoutMs };
    return this.retrying(async () => {
      const session = this.session(mode);
      try {
        const result = await withoutCallerStack(() => session.run(query.cypher, query.params, config));
        return { records: result.records, bookmarks: session.lastBookmarks() };
      } finally {
        await session.close().catch(() => undefined);
      }
    }, this.settings.unavailableRetryMs);
  }

  /** Runs `work` in one write transaction: everything it writes lands together or not at all. */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.roundTrips += 1;
    return this.transaction(neo4j.session.WRITE, work, {}, this.settings.writeRetryMs);
  }

  async write(query: CypherQuery): Promise<Neo4jRecord[]> {
    return this.writeTransaction((tx) => tx.run(query.cypher, query.params).then((r) => r.records));
  }

  /** Schema statements (constraints, indexes) cannot share a transaction with data writes. */
  async runAutoCommit(query: CypherQuery): Promise<void> {
    this.roundTrips += 1;
    const session = this.session(neo4j.session.WRITE);
    try {
      await session.run(query.cypher, query.params);
    } catch (error) {
      throw translateDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * `RETURN 1`, answered within `timeoutMs` or a DatabaseUnavailableError: no retry, for /health.
   * A session still waiting for a connection when the time is up is closed in the background.
   */
  async ping(timeoutMs: number): Promise<void> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      disableAutoCommitRetries: true,
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DatabaseUnavailableError(`the database did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([session.run("RETURN 1", {}, { timeout: timeoutMs }).summary(), deadline]);
    } catch (error) {
      throw translateDriverError(error);
    } finally {
      clearTimeout(timer);
      session.close().catch(() => undefined);
    }
  }

  /**
   * A view of the same driver whose round-trip count starts at zero (one per GraphQL request), its
   * reads starting from `bookmarks` when given.
   */
  scoped(bookmarks?: readonly string[]): GraphExecutor {
    return new GraphExecutor(this.driver, this.database, {
      ...this.options,
      ...(bookmarks ? { bookmarks } : {}),
    });
  }

  /** the bookmarks this executor's sessions start from (none: the driver's own) */
  get bookmarks(): readonly string[] {
    return this.options.bookmarks ?? [];
  }

  private session(mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE): Session {
    const bookmarks = this.options.bookmarks;
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode,
      ...(bookmarks && bookmarks.length > 0 ? { bookmarks: [...bookmarks] } : {}),
    });
  }

  /**
   * `work` in one explicit transaction, committed when it resolves, rolled back when it throws, and
   * run again (a new session, a new transaction) while the error is retryable and its budget lasts:
   * `unavailableRetryMs` for a database out of reach, `transientRetryMs` for a transient error
   * (reads: the same short budget; writes: `writeRetryMs`).
   */
  private async transaction<T>(
    mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE,
    work: (tx: ManagedTransaction) => Promise<T>,
    config: TransactionConfig,
    transientRetryMs: number,
  ): Promise<T> {
    return this.retrying(() => this.attempt(mode, work, config), transientRetryMs);
  }

  /** `attempt` again while its error is retryable and the budget of that kind of error lasts. */
  private async retrying<T>(attempt: () => Promise<T>, transientRetryMs: number): Promise<T> {
    const start = Date.now();
    let delay = firstRetryDelayMs;
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        const budget = isUnavailable(error)
          ? this.settings.unavailableRetryMs
          : isTransient(error)
            ? transientRetryMs
            : 0;
        const left = budget - (Date.now() - start);
        if (left <= 0) throw translateDriverError(error);
        // jitter (±20 %) so that requests failing together do not retry together
        await sleep(Math.min(left, delay * (0.8 + Math.random() * 0.4)));
        delay = Math.min(delay * 2, maxRetryDelayMs);
      }
    }
  }

  private async attempt<T>(
    mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE,
    work: (tx: ManagedTransaction) => Promise<T>,
    config: TransactionConfig,
  ): Promise<T> {
    const session = this.session(mode);
    try {
      const tx = withoutCallerStack(() => session.beginTransaction(config));
      try {
        const result = await work(ManagedTransaction.fromTransaction(tx));
        await withoutCallerStack(() => tx.commit());
        return result;
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw error;
      }
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}
