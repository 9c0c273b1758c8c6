/**
 * The graph's version for each request, read from the database, with concurrent requests sharing a
 * read only where that cannot serve a stale answer: a request never takes the answer of a read that
 * was already running when it arrived (that read may have started before an ingest committed), only
 * the answer of a read that starts after it arrived. So at most one read runs at a time, and the
 * requests that arrive meanwhile share the next one, started as soon as it ends. Every request sees
 * a version at least as new as every commit that preceded its arrival, from any process: nothing is
 * remembered between reads, and no time-to-live is trusted.
 */
export class GraphVersionReader<T = string> {
  private running: Promise<T> | null = null;
  private next: Promise<T> | null = null;
  /** the version the last read returned (for /metrics); undefined before the first */
  latest: string | undefined;

  /** `versionOf`: the version in what `read` gives (itself when it is the version) */
  constructor(
    private readonly read: () => Promise<T>,
    private readonly versionOf: (read: T) => string = String,
  ) {}

  /** A version read that started at or after this call. */
  current(): Promise<T> {
    if (this.running === null) return this.start();
    if (this.next === null) {
      const ended = this.running.then(
        () => undefined,
        () => undefined,
      );
      this.next = ended.then(() => {
        this.next = null;
        return this.start();
      });
    }
    return this.next;
  }

  private start(): Promise<T> {
    const reading = this.read().then((version) => {
      this.latest = this.versionOf(version);
      return version;
    });
    this.running = reading;
    const done = () => {
      if (this.running === reading) this.running = null;
    };
    reading.then(done, done);
    return reading;
  }
}
