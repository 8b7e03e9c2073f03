import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sampleLatency, seededRandom, type LatencyModel } from "./latency";

// A stand-in for Replicate's HTTP API (api-reference §1): the prediction lifecycle
// starting → processing → succeeded driven by a per-prediction latency, real image bytes at the
// output URL, and a counter for every request so "upstream calls per frame" can be reported.

export type StubPrediction = {
  id: string;
  model: string;
  version: string;
  input: Record<string, unknown>;
  webhook: string | null;
  createdAtMs: number;
  /** Time from create to succeeded. */
  latencyMs: number;
  /** Time spent in "starting" before "processing". */
  startDelayMs: number;
  canceledAtMs: number | null;
  /** When a GET (or create/wait) first answered "succeeded" for it. */
  firstSucceededSeenMs: number | null;
  gets: number;
  downloads: number[];
};

export type StubCounters = {
  creates: number;
  gets: number;
  downloads: number;
  cancels: number;
  account: number;
  /** 4xx answers (bad auth, unknown ids, malformed bodies). */
  rejected: number;
};

export type ReplicateStubOptions = {
  latency: LatencyModel;
  seed?: number;
  /** The encoded image served at every output URL. */
  image: Buffer;
  imageContentType?: string;
  /** Clock, injectable for tests. */
  now?: () => number;
};

const NUM_STEPS = 4; // flux-schnell's default num_inference_steps

function emptyCounters(): StubCounters {
  return { creates: 0, gets: 0, downloads: 0, cancels: 0, account: 0, rejected: 0 };
}

function predictionId(): string {
  // Replicate ids are 26 lowercase base-32-ish characters.
  const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
  return Array.from(randomBytes(26), (b) => alphabet[b % 32]).join("");
}

export type StubStatus = "starting" | "processing" | "succeeded" | "canceled";

export function statusAt(p: StubPrediction, nowMs: number): StubStatus {
  if (p.canceledAtMs !== null) return "canceled";
  const elapsed = nowMs - p.createdAtMs;
  if (elapsed >= p.latencyMs) return "succeeded";
  if (elapsed >= p.startDelayMs) return "processing";
  return "starting";
}

function tqdmLogs(p: StubPrediction, nowMs: number): string {
  const processing = p.latencyMs - p.startDelayMs;
  const ran = Math.max(0, Math.min(nowMs - p.createdAtMs - p.startDelayMs, processing));
  const steps = Math.min(NUM_STEPS, Math.floor((ran / processing) * NUM_STEPS));
  const lines = [`Using seed: ${String(p.input.seed ?? 0)}`, "running quantized prediction"];
  for (let s = 0; s <= steps; s++) {
    const pct = Math.round((s / NUM_STEPS) * 100);
    const bar = "█".repeat(Math.round(pct / 10)).padEnd(10, " ");
    lines.push(`${String(pct).padStart(3)}%|${bar}| ${s}/${NUM_STEPS} [00:00<00:00,  3.50it/s]`);
  }
  return lines.join("\n");
}

export class ReplicateStub {
  readonly counters: StubCounters = emptyCounters();
  readonly predictions = new Map<string, StubPrediction>();
  private latency: LatencyModel;
  private readonly random: () => number;
  private readonly image: Buffer;
  private readonly imageContentType: string;
  private readonly now: () => number;
  /** Set by the server once it listens: `http://127.0.0.1:<port>`. */
  origin = "http://127.0.0.1";

  constructor(options: ReplicateStubOptions) {
    this.latency = options.latency;
    this.random = seededRandom(options.seed ?? 42);
    this.image = options.image;
    this.imageContentType = options.imageContentType ?? "image/webp";
    this.now = options.now ?? (() => performance.timeOrigin + performance.now());
  }

  /** Latency of predictions created from now on. */
  setLatency(latency: LatencyModel): void {
    this.latency = latency;
  }

  /** A copy of the counters, to diff before/after a run. */
  snapshot(): StubCounters {
    return { ...this.counters };
  }

  /** Creates a prediction directly (used by tests and by the client-side peer simulations' checks). */
  createPrediction(body: { model?: string; version?: string; input: Record<string, unknown>; webhook?: string }): StubPrediction {
    const latencyMs = sampleLatency(this.latency, this.random);
    const p: StubPrediction = {
      id: predictionId(),
      model: body.model ?? (body.version?.split(":")[0] ?? "unknown/model"),
      version: body.version?.split(":")[1] ?? "official",
      input: body.input,
      webhook: body.webhook ?? null,
      createdAtMs: this.now(),
      latencyMs,
      startDelayMs: Math.min(latencyMs * 0.1, 300),
      canceledAtMs: null,
      firstSucceededSeenMs: null,
      gets: 0,
      downloads: [],
    };
    this.predictions.set(p.id, p);
    return p;
  }

  /** The prediction object exactly as Replicate's API shapes it (api-reference §1.4). */
  toJson(p: StubPrediction, nowMs = this.now()): Record<string, unknown> {
    const status = statusAt(p, nowMs);
    const iso = (ms: number) => new Date(ms).toISOString();
    const done = status === "succeeded" || status === "canceled";
    const completedAtMs = status === "succeeded" ? p.createdAtMs + p.latencyMs : p.canceledAtMs;
    if (status === "succeeded" && p.firstSucceededSeenMs === null) p.firstSucceededSeenMs = nowMs;
    return {
      id: p.id,
      model: p.model,
      version: p.version,
      input: p.input,
      logs: status === "starting" ? "" : tqdmLogs(p, nowMs),
      output: status === "succeeded" ? [`${this.origin}/files/${p.id}/out-0.webp`] : null,
      data_removed: false,
      error: null,
      source: "api",
      status,
      created_at: iso(p.createdAtMs),
      started_at: nowMs - p.createdAtMs >= p.startDelayMs ? iso(p.createdAtMs + p.startDelayMs) : null,
      completed_at: done && completedAtMs !== null ? iso(completedAtMs) : null,
      metrics:
        status === "succeeded"
          ? { predict_time: (p.latencyMs - p.startDelayMs) / 1000, total_time: p.latencyMs / 1000 }
          : {},
      ...(p.webhook ? { webhook: p.webhook } : {}),
      urls: {
        get: `${this.origin}/v1/predictions/${p.id}`,
        cancel: `${this.origin}/v1/predictions/${p.id}/cancel`,
        web: `https://replicate.com/p/${p.id}`,
      },
    };
  }

  /** Handles a request if it is one of Replicate's; returns false to let another handler try. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const method = req.method ?? "GET";

    const file = /^\/files\/([a-z0-9]+)\/out-0\.webp$/.exec(path);
    if (file && method === "GET") {
      const p = this.predictions.get(file[1]!);
      if (!p || statusAt(p, this.now()) !== "succeeded") return this.error(res, 404, "Not Found", "No such file."), true;
      this.counters.downloads++;
      p.downloads.push(this.now());
      res.writeHead(200, { "content-type": this.imageContentType, "content-length": this.image.length, "cache-control": "private, max-age=3600" });
      res.end(this.image);
      return true;
    }

    if (!path.startsWith("/v1/")) return false;
    const isReplicateRoute =
      /^\/v1\/models\/[^/]+\/[^/]+\/predictions$/.test(path) ||
      /^\/v1\/predictions(\/[^/]+(\/cancel)?)?$/.test(path) ||
      path === "/v1/account";
    if (!isReplicateRoute) return false;

    if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) {
      this.error(res, 401, "Unauthenticated", "You did not pass a valid authentication token");
      return true;
    }

    if (path === "/v1/account" && method === "GET") {
      this.counters.account++;
      this.json(res, 200, { type: "user", username: "bench", name: "Storyframe bench", github_url: null });
      return true;
    }

    const modelRoute = /^\/v1\/models\/([^/]+)\/([^/]+)\/predictions$/.exec(path);
    if ((modelRoute || path === "/v1/predictions") && method === "POST") {
      const body = await readJson(req);
      const input = body?.input;
      if (!body || typeof input !== "object" || input === null || Array.isArray(input)) {
        this.error(res, 422, "Input validation failed", "input: Invalid type. Expected: object");
        return true;
      }
      if (!modelRoute && typeof body.version !== "string") {
        this.error(res, 422, "Invalid version", "version is required on /v1/predictions");
        return true;
      }
      this.counters.creates++;
      const p = this.createPrediction({
        model: modelRoute ? `${modelRoute[1]}/${modelRoute[2]}` : undefined,
        version: typeof body.version === "string" ? body.version : undefined,
        input: input as Record<string, unknown>,
        webhook: typeof body.webhook === "string" ? body.webhook : undefined,
      });
      // Sync mode (api-reference §1.3): "Prefer: wait[=N]" holds the answer until done or N s.
      const prefer = /(?:^|[;,\s])wait(?:=(\d+))?/.exec(String(req.headers.prefer ?? ""));
      if (prefer) {
        const waitMs = Math.min(Number(prefer[1] ?? 60), 60) * 1000;
        const until = Math.min(p.createdAtMs + p.latencyMs, p.createdAtMs + waitMs);
        // Timers may fire a fraction of a millisecond early: wait until the clock really got there.
        for (let i = 0; i < 5 && this.now() < until; i++) {
          await new Promise((r) => setTimeout(r, Math.max(1, Math.ceil(until - this.now()))));
        }
      }
      this.json(res, 201, this.toJson(p), { location: `${this.origin}/v1/predictions/${p.id}` });
      return true;
    }

    const one = /^\/v1\/predictions\/([^/]+)(\/cancel)?$/.exec(path);
    if (one) {
      const p = this.predictions.get(one[1]!);
      if (!p) {
        this.error(res, 404, "Not found", "Prediction not found.");
        return true;
      }
      if (one[2] && method === "POST") {
        this.counters.cancels++;
        const status = statusAt(p, this.now());
        if (status === "starting" || status === "processing") p.canceledAtMs = this.now();
        this.json(res, 200, this.toJson(p));
        return true;
      }
      if (!one[2] && method === "GET") {
        this.counters.gets++;
        p.gets++;
        this.json(res, 200, this.toJson(p));
        return true;
      }
    }
    this.error(res, 405, "Method not allowed", `${method} ${path}`);
    return true;
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  private error(res: ServerResponse, status: number, title: string, detail: string): void {
    this.counters.rejected++;
    this.json(res, status, { title, detail, status });
  }
}

export async function readJson(req: IncomingMessage, limit = 1_000_000): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
