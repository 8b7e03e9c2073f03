import http from "node:http";
import { percentile } from "./stats";

// A closed-loop load generator over keep-alive connections: `connections` workers each send one
// request, wait for the whole answer, and send the next, until the duration or the request cap is
// reached. Loopback only (the URL must be http://127.0.0.1 or localhost).

export type LoadOptions = {
  url: string;
  connections: number;
  durationMs: number;
  /** Hard cap on requests, whatever the duration. */
  maxRequests?: number;
  /** Per-request timeout; a timed-out request counts as an error. */
  timeoutMs?: number;
  /** Sent with every request (e.g. If-None-Match for the 304 path). */
  headers?: Record<string, string>;
};

export type LoadResult = {
  requests: number;
  errors: number;
  /** Errors by kind: "timeout" (no answer within timeoutMs) or the socket error code. */
  errorKinds: Record<string, number>;
  /** Answers by HTTP status. */
  statuses: Record<number, number>;
  durationMs: number;
  rps: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  bytes: number;
};

export function assertLoopback(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== "http:" || !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new Error(`load is only ever sent to a loopback http URL, not ${raw}`);
  }
  return url;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = assertLoopback(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const maxRequests = options.maxRequests ?? 1_000_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const errorKinds: Record<string, number> = {};
  let errors = 0;
  const fail = (kind: string) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  let started = 0;
  let bytes = 0;
  const t0 = performance.now();
  const deadline = t0 + options.durationMs;

  const one = () =>
    new Promise<void>((resolve) => {
      const begin = performance.now();
      const req = http.get(url, { agent, timeout: timeoutMs, headers: options.headers }, (res) => {
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => {
          latencies.push(performance.now() - begin);
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          resolve();
        });
        res.on("error", (e: NodeJS.ErrnoException) => {
          fail(e.code ?? e.message);
          resolve();
        });
      });
      req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "timeout" })));
      req.on("error", (e: NodeJS.ErrnoException) => {
        fail(e.code ?? e.message);
        resolve();
      });
    });

  const worker = async () => {
    while (performance.now() < deadline && started < maxRequests) {
      started++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const durationMs = performance.now() - t0;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    errorKinds,
    statuses,
    durationMs,
    rps: (latencies.length / durationMs) * 1000,
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
      mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    },
    bytes,
  };
}
