// An open-loop load at a steady rate: request i is due at start + i / rate, whatever the answers before it, and its
// latency is counted from when it was due, so a server that falls behind shows it (no coordinated omission).
// autocannon's `overallRate` is not that: each connection sends its share of a second back to back at the start of
// the second and then waits, and its correction for the wait adds a sample per millisecond of every slow answer, so
// its "p99 at 1,000/s" measured bursts of a second's requests rather than a steady 1,000 a second.
import { Agent } from "node:http";
import { type JsonPost, postJson } from "./post-json.ts";

export interface SteadyFigures {
  /** 2xx answers a second over the run. */
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

export async function steadyLoad(opts: {
  port: number;
  rate: number;
  seconds: number;
  /** At most this many requests in flight (sockets); the rest wait their turn, and the wait counts. */
  connections: number;
  build: () => JsonPost;
}): Promise<SteadyFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const total = Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const start = performance.now();
  const dueAt = (i: number) => start + (i * 1000) / opts.rate;

  const send = async (due: number) => {
    try {
      const { status } = await postJson(opts.port, agent, opts.build());
      if (status >= 200 && status < 300) latencies.push(performance.now() - due);
      else non2xx++;
    } catch {
      errors++;
    }
  };

  const pending: Promise<void>[] = [];
  await new Promise<void>((done) => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && dueAt(next) <= now) pending.push(send(dueAt(next++)));
      if (next >= total) return done();
      setTimeout(tick, Math.max(0, dueAt(next) - performance.now()));
    };
    tick();
  });
  await Promise.all(pending);
  // Answered a second over the time they took: a server that falls behind answers after the last one was due.
  const elapsed = Math.max(opts.seconds, (performance.now() - start) / 1000);
  const answered = latencies.length;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) =>
    sorted.length === 0
      ? Number.NaN
      : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  return {
    perSecond: Math.round(answered / elapsed),
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: at(1),
    non2xx,
    errors,
  };
}
