import { randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { http, HttpResponse, type RequestHandler } from "msw";
import sharp from "sharp";

// A small in-memory Replicate for msw: predictions advance one status per GET (starting →
// processing → succeeded by default), outputs are served from replicate.delivery with real image
// bytes, and faults can be injected per prediction (its script) or per request (fault()).

export const REPLICATE_API = "https://api.replicate.com/v1";
export const DELIVERY = "https://replicate.delivery";

export type ReplicateStatus = "starting" | "processing" | "succeeded" | "failed" | "canceled" | "aborted";

export type PredictionScript = {
  /** The status create answers with, then one more per GET; the last one sticks. */
  statuses?: ReplicateStatus[];
  /** Error text of a failed prediction. */
  error?: string;
  /**
   * What the output URL serves: a real image (default), bytes that are not an image, an HTTP
   * status, a redirect, or another URL altogether (the fake serves nothing for it).
   */
  output?: "image" | "not-image" | "svg" | "pixel-bomb" | { status: number } | { redirectTo: string } | { url: string } | { outputs: unknown };
  predictTime?: number;
};

export type FakePrediction = {
  id: string;
  model: string;
  version: string;
  input: Record<string, unknown>;
  webhook: string | null;
  script: Required<Pick<PredictionScript, "statuses">> & PredictionScript;
  step: number;
  createdAt: string;
};

/** A create-prediction request body as the replicate client sends it. */
export type CreateBody = {
  input?: Record<string, unknown>;
  version?: string;
  webhook?: string;
  webhook_events_filter?: string[];
};

type Kind = "create" | "get" | "cancel" | "download" | "account";
type Fault = { kind: Kind; predictionId?: string; times: number; respond: () => Response | Promise<Response> };

const DIMENSIONS: Record<string, [number, number]> = {
  "16:9": [1344, 768],
  "9:16": [768, 1344],
  "1:1": [1024, 1024],
  "4:3": [1152, 896],
  "21:9": [1536, 640],
};

const TERMINAL = new Set<ReplicateStatus>(["succeeded", "failed", "canceled", "aborted"]);

/** A Replicate-looking id (26 lowercase base32 characters). */
const predictionId = () =>
  Array.from(randomBytes(26), (b) => "abcdefghijklmnopqrstuvwxyz234567"[b % 32]).join("");

export function outputUrlOf(id: string) {
  return `${DELIVERY}/xezq/${id}/out-0.webp`;
}

export class ReplicateFake {
  readonly predictions = new Map<string, FakePrediction>();
  /** Every request the fake answered (faulted ones too), in order. */
  readonly log: { kind: Kind; predictionId: string | null; method: string; path: string }[] = [];
  /** Create requests as sent: path, headers and parsed JSON body. */
  readonly creates: { path: string; authorization: string | null; body: CreateBody | null; prefer: string | null }[] = [];
  private readonly scripts: PredictionScript[] = [];
  private defaultScript: PredictionScript = {};
  private faults: Fault[] = [];
  private readonly images = new Map<string, Promise<Buffer>>();
  private colour = 0;

  readonly handlers: RequestHandler[] = [
    http.post(`${REPLICATE_API}/models/:owner/:name/predictions`, async ({ request, params }) =>
      this.create(request, `${params.owner}/${params.name}`),
    ),
    http.post(`${REPLICATE_API}/predictions`, async ({ request }) => this.create(request, null)),
    http.get(`${REPLICATE_API}/predictions/:id`, async ({ request, params }) => {
      const id = String(params.id);
      const fault = this.takeFault("get", id, request);
      if (fault) return fault;
      const p = this.predictions.get(id);
      if (!p) return notFound();
      if (!TERMINAL.has(this.status(p))) p.step = Math.min(p.step + 1, p.script.statuses.length - 1);
      return HttpResponse.json(this.toJson(p));
    }),
    http.post(`${REPLICATE_API}/predictions/:id/cancel`, async ({ request, params }) => {
      const id = String(params.id);
      const fault = this.takeFault("cancel", id, request);
      if (fault) return fault;
      const p = this.predictions.get(id);
      if (!p) return notFound();
      if (!TERMINAL.has(this.status(p))) this.setStatus(id, "canceled");
      return HttpResponse.json(this.toJson(p));
    }),
    http.get(`${REPLICATE_API}/account`, async ({ request }) => {
      const fault = this.takeFault("account", null, request);
      if (fault) return fault;
      return HttpResponse.json({ type: "user", username: "storyframe-test", name: "Storyframe Test" });
    }),
    http.get(`${DELIVERY}/xezq/:id/out-0.webp`, async ({ request, params }) => {
      const id = String(params.id);
      const fault = this.takeFault("download", id, request);
      if (fault) return fault;
      const p = this.predictions.get(id);
      if (!p) return new HttpResponse(null, { status: 404 });
      const output = p.script.output ?? "image";
      if (output === "not-image") {
        return new HttpResponse("<html><body>not an image</body></html>", { headers: { "content-type": "image/webp" } });
      }
      if (output === "svg") {
        const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1344" height="768"><rect width="100%" height="100%" fill="red"/></svg>';
        return new HttpResponse(svg, { headers: { "content-type": "image/svg+xml" } });
      }
      if (output === "pixel-bomb") return new HttpResponse(pixelBomb(), { headers: { "content-type": "image/png" } });
      if (typeof output === "object" && "status" in output) return new HttpResponse(null, { status: output.status });
      if (typeof output === "object" && "redirectTo" in output) return HttpResponse.redirect(output.redirectTo, 302);
      const bytes = await this.imageOf(p);
      return new HttpResponse(bytes, { headers: { "content-type": "image/webp", "content-length": String(bytes.length) } });
    }),
  ];

  /** The script of the next created prediction (then the next one queued, then the default). */
  script(...scripts: PredictionScript[]): this {
    this.scripts.push(...scripts);
    return this;
  }

  setDefaultScript(script: PredictionScript): this {
    this.defaultScript = script;
    return this;
  }

  /** Answers the next `times` matching requests with `respond` instead of the fake's own answer. */
  fault(kind: Kind, respond: () => Response | Promise<Response>, options: { times?: number; predictionId?: string } = {}): this {
    this.faults.push({ kind, respond, times: options.times ?? 1, predictionId: options.predictionId });
    return this;
  }

  clearFaults(): this {
    this.faults = [];
    return this;
  }

  /** Forget scripts, faults and the request log (predictions stay). */
  reset(): void {
    this.scripts.length = 0;
    this.defaultScript = {};
    this.faults = [];
    this.log.length = 0;
    this.creates.length = 0;
  }

  status(p: FakePrediction): ReplicateStatus {
    return p.script.statuses[p.step]!;
  }

  /** Moves a prediction to `status` now (its next GETs keep answering it). */
  setStatus(id: string, status: ReplicateStatus): void {
    const p = this.predictions.get(id);
    if (!p) throw new Error(`no prediction ${id}`);
    p.script.statuses = [...p.script.statuses.slice(0, p.step + 1), status];
    p.step = p.script.statuses.length - 1;
  }

  count(kind: Kind, predictionId?: string): number {
    return this.log.filter((e) => e.kind === kind && (predictionId === undefined || e.predictionId === predictionId)).length;
  }

  /** The bytes the output URL of a prediction serves. */
  imageOf(p: FakePrediction): Promise<Buffer> {
    let image = this.images.get(p.id);
    if (!image) {
      const [width, height] = DIMENSIONS[String(p.input.aspect_ratio)] ?? [1024, 1024];
      // a different colour per prediction, so frames have different bytes (and storage keys)
      const c = (this.colour += 37);
      const fill = (k: number) => `rgb(${(c * k) % 256},${(c * (k + 4)) % 256},${(c * (k + 8)) % 256})`;
      // a drawn picture (a few KB, like a small real frame), a different one per prediction
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
        <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${fill(3)}"/><stop offset="1" stop-color="${fill(5)}"/></linearGradient></defs>
        <rect width="100%" height="100%" fill="url(#g)"/>
        <circle cx="${(c * 13) % width}" cy="${height / 2}" r="${height / 3}" fill="${fill(7)}"/>
        <path d="M0 ${height * 0.8} Q ${width / 2} ${height * 0.5} ${width} ${height * 0.85}" stroke="${fill(11)}" stroke-width="24" fill="none"/>
      </svg>`;
      image = sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer();
      this.images.set(p.id, image);
    }
    return image;
  }

  toJson(p: FakePrediction) {
    const status = this.status(p);
    const done = TERMINAL.has(status);
    const output = p.script.output;
    let out: unknown = null;
    if (status === "succeeded") {
      if (typeof output === "object" && "outputs" in output) out = output.outputs;
      else out = [typeof output === "object" && "url" in output ? output.url : outputUrlOf(p.id)];
    }
    return {
      id: p.id,
      model: p.model,
      version: p.version,
      input: p.input,
      logs: status === "processing" ? "Running predict()...\n 50%|█████     | 2/4 [00:00<00:00,  4.01it/s]\n" : "",
      output: out,
      data_removed: false,
      error: status === "failed" ? (p.script.error ?? "Prediction failed") : null,
      status,
      source: "api",
      created_at: p.createdAt,
      started_at: status === "starting" ? null : p.createdAt,
      completed_at: done ? new Date().toISOString() : null,
      urls: {
        cancel: `${REPLICATE_API}/predictions/${p.id}/cancel`,
        get: `${REPLICATE_API}/predictions/${p.id}`,
        web: `https://replicate.com/p/${p.id}`,
      },
      metrics: status === "succeeded" ? { predict_time: p.script.predictTime ?? 0.734, total_time: 1.5 } : {},
      ...(p.webhook ? { webhook: p.webhook, webhook_events_filter: ["start", "completed"] } : {}),
    };
  }

  private async create(request: Request, model: string | null) {
    const text = await request.clone().text();
    let body: CreateBody | null = null;
    try {
      body = JSON.parse(text) as CreateBody;
    } catch {
      /* recorded as null */
    }
    // no await from here on: the log entry is ours even when creates run concurrently
    const fault = this.takeFault("create", null, request);
    const entry = this.log[this.log.length - 1]!;
    const prefer = request.headers.get("prefer");
    this.creates.push({ path: new URL(request.url).pathname, authorization: request.headers.get("authorization"), body, prefer });
    if (fault) return fault;
    if (!body?.input) return HttpResponse.json({ title: "Invalid input", detail: "input is required", status: 422 }, { status: 422 });
    const script = this.scripts.shift() ?? this.defaultScript;
    const p: FakePrediction = {
      id: predictionId(),
      model: model ?? String(body.version).split(":")[0]!,
      version: model ? "hidden" : (String(body.version).split(":")[1] ?? "hidden"),
      input: body.input,
      webhook: body.webhook ?? null,
      script: { ...script, statuses: [...(script.statuses ?? ["starting", "processing", "succeeded"])] },
      step: 0,
      createdAt: new Date().toISOString(),
    };
    // Sync mode (Prefer: wait): the fake's predictions finish within any wait, so the create
    // answers the script's first terminal status (a script without one stays where it ends).
    if (prefer && /wait/.test(prefer)) {
      const done = p.script.statuses.findIndex((st) => TERMINAL.has(st));
      p.step = done === -1 ? p.script.statuses.length - 1 : done;
    }
    this.predictions.set(p.id, p);
    entry.predictionId = p.id;
    return HttpResponse.json(this.toJson(p), { status: 201 });
  }

  private takeFault(kind: Kind, id: string | null, request: Request): Response | Promise<Response> | null {
    this.log.push({ kind, predictionId: id, method: request.method, path: new URL(request.url).pathname });
    const fault = this.faults.find((f) => f.kind === kind && f.times > 0 && (f.predictionId === undefined || f.predictionId === id));
    if (!fault) return null;
    fault.times--;
    return fault.respond();
  }
}

/** A 74-byte PNG that claims to be 40000 × 40000 pixels (a decompression bomb's header). */
function pixelBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(40_000, 0);
  header.writeUInt32BE(40_000, 4);
  header[8] = 8; // bit depth; colour type 0 (grey)
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(1000))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const notFound = () => HttpResponse.json({ title: "Not found", detail: "Not found.", status: 404 }, { status: 404 });

/** Replicate's throttling answer. */
export const rateLimited = (retryAfterSeconds: number) =>
  HttpResponse.json(
    { title: "Request was throttled", detail: `Request was throttled. Your rate limit resets in ~${retryAfterSeconds}s.`, status: 429 },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds) } },
  );

export const serverError = (status = 500) =>
  HttpResponse.json({ title: "Internal Server Error", detail: "Something went wrong", status }, { status });

/** A 200 whose body is not JSON. */
export const malformedJson = () =>
  new HttpResponse('{"id": "abc", "status": "start', { status: 200, headers: { "content-type": "application/json" } });

export const networkError = () => HttpResponse.error();
