/**
 * Closed-loop load with autocannon's programmatic API: `connections` clients, each sending its next
 * request as soon as the previous answer is in (pipelining 1), for `durationSeconds`.
 *
 * Latencies are NOT taken from autocannon's histogram: it records whole milliseconds
 * (lowestDiscernibleValue 1), too coarse for loopback answers of 1–5 ms where a 1.25× goal is
 * judged. Each client's `response` event carries the exact duration (hrtime, fractional ms); every
 * one is kept (see stats.ts Samples). The hot/cold split comes from the request entry's own
 * `onResponse`, which autocannon calls synchronously just before that client's `response` event.
 *
 * A run lasts `durationSeconds`, and longer if needed to collect one answer per connection (a
 * question slower than the run would otherwise report nothing, or only its fastest answers).
 * Requests still in flight when it stops are not counted.
 */
import autocannon from "autocannon";
import type { BenchQuestion, TargetName } from "./contract.js";
import { Samples } from "./stats.js";
import { checkBody, shouldCheck, type PreparedRequest, type TrialMeasurement } from "./workload.js";

export interface ClosedLoopOptions {
  port: number;
  question: BenchQuestion;
  target: TargetName;
  requests: readonly PreparedRequest[];
  connections: number;
  durationSeconds: number;
  /** check every Nth response body (1 = all) */
  checkEvery: number;
  /** the run goes on past its duration until this many answers are in (default: one per connection) */
  minResponses?: number;
  /**
   * autocannon's own rate limit (its "open loop"): each connection gets overallRate/connections
   * requests per second, sent back to back at the start of each second. Kept only to compare with
   * the paced open loop (open-loop.ts); see RESULTS.md for why it is not the default.
   */
  overallRate?: number;
}

export async function closedLoop(options: ClosedLoopOptions): Promise<TrialMeasurement> {
  const all = new Samples();
  const hot = new Samples();
  const cold = new Samples();
  let responses = 0;
  let ok = 0;
  let non2xx = 0;
  let bodyChecked = 0;
  let bodyFailed = 0;
  let firstBodyFailure: string | null = null;
  // set by the entry's onResponse, read by the same client's `response` event right after
  let answered: { request: PreparedRequest; status: number; body: string } | null = null;

  const entries = options.requests.map((request) => ({
    method: request.spec.method,
    path: request.spec.path,
    headers: {
      ...(request.spec.body !== undefined ? { "content-type": "application/json" } : {}),
      ...request.spec.headers,
    },
    body: request.spec.body,
    onResponse: (status: number, body: string) => {
      answered = { request, status, body };
    },
  }));
  let clientIndex = 0;

  // autocannon only stops at its sampling tick (1 s by default): sample every 50 ms, and stop it
  // ourselves once the run has lasted `durationSeconds` AND has at least `minResponses` answers, so
  // that a question slower than the run still gets measured (up to `maxSeconds`)
  const minResponses = options.minResponses ?? options.connections;
  const maxSeconds = Math.max(options.durationSeconds * 10, 20);
  let instance: autocannon.Instance | null = null;
  const started = performance.now();
  const watch = setInterval(() => {
    const elapsed = (performance.now() - started) / 1000;
    if (elapsed >= options.durationSeconds && responses >= minResponses) instance?.stop();
  }, 20);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `http://127.0.0.1:${options.port}`,
        connections: options.connections,
        pipelining: 1,
        duration: maxSeconds,
        sampleInt: 50,
        timeout: 30,
        requests: entries,
        ...(options.overallRate ? { overallRate: options.overallRate, ignoreCoordinatedOmission: true } : {}),
        setupClient: (client) => {
          // each client starts at its own place in the list, so that 32 clients do not ask the same
          // instance at the same moment
          const offset = Math.floor((clientIndex++ * entries.length) / Math.max(1, options.connections));
          client.setRequests([...entries.slice(offset), ...entries.slice(0, offset)]);
          keepUtf8Whole(client);
          client.on("response", (status: number, _bytes: number, milliseconds: number) => {
            const current = answered;
            answered = null;
            responses += 1;
            if (status < 200 || status >= 300) {
              non2xx += 1;
            } else {
              ok += 1;
              all.add(milliseconds);
              if (current?.request.pool === "hot") hot.add(milliseconds);
              else cold.add(milliseconds);
            }
            if (current && (status < 200 || status >= 300 || shouldCheck(responses, options.checkEvery))) {
              bodyChecked += 1;
              const failure = checkBody(
                options.question,
                options.target,
                current.request,
                status,
                current.body,
              );
              if (failure) {
                bodyFailed += 1;
                firstBodyFailure ??= failure;
              }
            }
          });
        },
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
  }).finally(() => clearInterval(watch));
  return {
    seconds: result.duration,
    responses,
    throughput: ok / result.duration,
    non2xx,
    errors: result.errors,
    latency: all.summary(),
    hot: hot.summary(),
    cold: cold.summary(),
    bodyChecked,
    bodyFailed,
    firstBodyFailure,
  };
}

/**
 * autocannon appends each chunk of a response body to a string as it arrives (`req.body += chunk`),
 * decoding every chunk on its own: a multi-byte UTF-8 character split across two chunks becomes
 * U+FFFD, and a large Vietnamese answer then looks wrong although the server sent it right. Keep the
 * raw bytes per request and decode them whole.
 */
function keepUtf8Whole(client: unknown): void {
  type Queued = { body: string; rawBody?: Buffer[] };
  const queue = (
    client as { pipelinedRequests?: { peek(): Queued | undefined; addBody(data: Buffer): void } }
  ).pipelinedRequests;
  if (!queue || typeof queue.peek !== "function")
    throw new Error("autocannon's client has changed: no pipelinedRequests");
  queue.addBody = function addBody(data: Buffer) {
    const request = queue.peek();
    if (!request) return;
    if (!request.rawBody) {
      const raw: Buffer[] = [];
      request.rawBody = raw;
      // decoded once, when autocannon reads the finished body
      Object.defineProperty(request, "body", {
        get: () => Buffer.concat(raw).toString("utf8"),
        set: () => undefined,
        configurable: true,
      });
    }
    // the parser reuses its buffer: copy the slice
    request.rawBody.push(Buffer.from(data));
  };
}
