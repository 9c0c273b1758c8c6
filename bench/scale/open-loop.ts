/**
 * Open-loop load: requests are sent on a fixed schedule (one every 1/rate s) whether or not earlier
 * ones were answered, and each latency is measured from the moment the request was SCHEDULED, so
 * a server that stalls is charged for the queue it causes (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: autocannon gives each connection a per-second quota and sends
 * it back to back at the start of every second, then idles. At 80% of peak that is a burst at full
 * closed-loop concurrency for 0.8 s of every second, so its p99 is the closed-loop p99 again; and its
 * coordinated-omission correction uses an expected interval of ceil(1/rate) = 1 ms, which adds
 * invented samples. `--open-loop autocannon` still runs it, for comparison.
 */
import http from "node:http";
import type { BenchQuestion, TargetName } from "./contract.js";
import { Samples } from "./stats.js";
import { checkBody, shouldCheck, type PreparedRequest, type TrialMeasurement } from "./workload.js";

export interface OpenLoopOptions {
  port: number;
  question: BenchQuestion;
  target: TargetName;
  requests: readonly PreparedRequest[];
  /** requests per second */
  rate: number;
  durationSeconds: number;
  checkEvery: number;
  /** sockets the generator may open; beyond that requests queue in the agent (and their wait counts) */
  maxSockets?: number;
  /** the schedule is stretched to send at least this many requests (default 20) */
  minRequests?: number;
  /** how long to wait for the last answers after the schedule ends */
  graceSeconds?: number;
}

export async function openLoop(options: OpenLoopOptions): Promise<TrialMeasurement> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256 });
  const all = new Samples();
  const hot = new Samples();
  const cold = new Samples();
  const lag = new Samples();
  // a slow target's rate is low: the schedule lasts long enough for `minRequests` samples (a p99 of
  // three samples is not one), up to five times the nominal duration
  const minRequests = options.minRequests ?? 20;
  const seconds = Math.min(
    Math.max(options.durationSeconds, minRequests / options.rate),
    options.durationSeconds * 5,
  );
  const total = Math.max(1, Math.floor(options.rate * seconds));
  const interval = 1000 / options.rate;
  let responses = 0;
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let bodyChecked = 0;
  let bodyFailed = 0;
  let firstBodyFailure: string | null = null;
  let outstanding = 0;
  let sent = 0;
  let lastAnswer = 0;
  let wake: (() => void) | null = null;
  const pending = new Set<http.ClientRequest>();

  const send = (index: number, scheduledAt: number) => {
    const request = options.requests[index % options.requests.length]!;
    const body = request.spec.body;
    outstanding += 1;
    lag.add(performance.now() - scheduledAt);
    const settle = () => {
      outstanding -= 1;
      if (outstanding === 0) wake?.();
    };
    const req = http.request(
      {
        host: "127.0.0.1",
        port: options.port,
        method: request.spec.method,
        path: request.spec.path,
        agent,
        headers: {
          ...(body !== undefined
            ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) }
            : {}),
          ...request.spec.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          pending.delete(req);
          const done = performance.now();
          const milliseconds = done - scheduledAt;
          lastAnswer = done;
          const status = res.statusCode ?? 0;
          responses += 1;
          if (status < 200 || status >= 300) {
            non2xx += 1;
          } else {
            ok += 1;
            all.add(milliseconds);
            (request.pool === "hot" ? hot : cold).add(milliseconds);
          }
          if (status < 200 || status >= 300 || shouldCheck(responses, options.checkEvery)) {
            bodyChecked += 1;
            const failure = checkBody(
              options.question,
              options.target,
              request,
              status,
              Buffer.concat(chunks).toString("utf8"),
            );
            if (failure) {
              bodyFailed += 1;
              firstBodyFailure ??= failure;
            }
          }
          settle();
        });
      },
    );
    pending.add(req);
    req.on("error", () => {
      if (!pending.delete(req)) return;
      errors += 1;
      settle();
    });
    req.end(body);
  };

  const started = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // send everything whose time has come (timers fire late by up to a few ms; the lag is
      // measured and charged to the latency, which counts from the scheduled time)
      while (sent < total && started + sent * interval <= now) {
        send(sent, started + sent * interval);
        sent += 1;
      }
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, started + sent * interval - performance.now()));
    };
    tick();
  });
  // the schedule is over: wait for the answers still in flight, then give up on the rest
  if (outstanding > 0) {
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, (options.graceSeconds ?? 10) * 1000).unref();
    });
  }
  for (const req of pending) {
    errors += 1;
    req.destroy();
  }
  pending.clear();
  agent.destroy();
  const elapsed = ((lastAnswer || performance.now()) - started) / 1000;
  return {
    seconds: elapsed,
    responses,
    throughput: ok / elapsed,
    non2xx,
    errors,
    latency: all.summary(),
    hot: hot.summary(),
    cold: cold.summary(),
    bodyChecked,
    bodyFailed,
    firstBodyFailure,
    scheduled: total,
    sendLagP99: lag.summary().p99,
  };
}
