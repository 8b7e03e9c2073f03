import "server-only";
import { createFalClient, type FalClient } from "@fal-ai/client";
import { classifyFailureText, httpFailure, networkFailure } from "../call-failure";
import { fetchOutputBytes } from "../output-ref";
import type { DownloadPolicy } from "../safe-download";
import { ProviderError, type ImageInput, type ImageProvider, type Prediction, type WebhookVerdict } from "../types";
import type { FalModel } from "./models";
import { falWebhookHeaders, verifyFalWebhook, type FalJwk } from "./verify-webhook";

/** Where fal serves outputs (v3.fal.media, …). */
export const FAL_OUTPUT_HOSTS = ["fal.media"] as const;
export const FAL_JWKS_URL = "https://rest.alpha.fal.ai/.well-known/jwks.json";
const JWKS_TTL_MS = 24 * 60 * 60 * 1000;

/** The fields of fal's queue status and result we read. */
type FalStatus = { status: string; request_id?: string; queue_position?: number; logs?: { message: string }[] | null; error?: string | null; metrics?: { inference_time?: number | null } };
type FalImage = { url?: string; content_type?: string };
type FalResult = { images?: FalImage[]; image?: FalImage; has_nsfw_concepts?: boolean[]; timings?: { inference?: number } };

/**
 * The fal client retries 429/5xx and network failures itself (up to five times with backoff),
 * ignoring our policy. This fetch throws our own failure instead, which the client passes through
 * untouched, so one poll is one request and generation owns the retries.
 */
function ownRetriesFetch(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    let res: Response;
    try {
      res = await fetch(input, { ...init, cache: "no-store", signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw new ProviderError(networkFailure("fal", e));
    }
    if (!res.ok) {
      const text = await res.text().catch(() => "");
      throw new ProviderError(httpFailure("fal", res.status, res.headers, text));
    }
    return res;
  };
}

export type FalProviderOptions = {
  key: string;
  model: FalModel;
  download: DownloadPolicy;
  timeoutMs?: number;
  jwksUrl?: string;
  now?: () => Date;
};

function imagesOf(result: FalResult): string[] {
  const list = result.images ?? (result.image ? [result.image] : []);
  return list.map((i) => i.url).filter((u): u is string => typeof u === "string" && u.length > 0);
}

/** A finished fal result mapped to our prediction (shared by polls and webhooks). */
export function mapFalResult(id: string, result: FalResult, predictTimeSeconds: number | null = null): Prediction {
  const output = imagesOf(result);
  const nsfw = result.has_nsfw_concepts?.some(Boolean) ?? false;
  if (nsfw || output.length === 0) {
    return {
      id,
      status: "failed",
      output: [],
      error: classifyFailureText("fal", nsfw ? "nsfw content flagged by the safety checker" : "no output: the model returned no image"),
      progress: null,
      metrics: { predictTimeSeconds },
    };
  }
  return { id, status: "succeeded", output, error: null, progress: 1, metrics: { predictTimeSeconds: predictTimeSeconds ?? result.timings?.inference ?? null } };
}

export class FalProvider implements ImageProvider {
  readonly id = "fal" as const;
  readonly model: FalModel;
  readonly expectedSeconds: number;
  readonly allowedDownloadHosts: readonly string[];
  readonly pricePerImage: number;
  private readonly client: FalClient;
  private readonly download: DownloadPolicy;
  private readonly jwksUrl: string;
  private readonly now: () => Date;
  private jwks: { keys: FalJwk[]; at: number } | null = null;

  constructor(options: FalProviderOptions) {
    this.model = options.model;
    this.download = options.download;
    this.expectedSeconds = options.model.expectedSeconds ?? 8;
    this.allowedDownloadHosts = options.download.allowedHosts;
    this.pricePerImage = options.model.pricePerImage;
    this.jwksUrl = options.jwksUrl ?? FAL_JWKS_URL;
    this.now = options.now ?? (() => new Date());
    this.client = createFalClient({
      credentials: options.key,
      suppressLocalCredentialsWarning: true,
      fetch: ownRetriesFetch(options.timeoutMs ?? 20_000),
      retry: { maxRetries: 0 },
    });
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof ProviderError) throw e;
      const status = (e as { status?: number }).status;
      if (typeof status === "number") throw new ProviderError(httpFailure("fal", status));
      if (e instanceof SyntaxError) throw new ProviderError({ code: "PROVIDER_ERROR", message: "fal sent a malformed answer.", retryable: true, retryAfterSeconds: null });
      throw new ProviderError(networkFailure("fal", e));
    }
  }

  async start(input: ImageInput): Promise<Prediction> {
    const queued = await this.call(() =>
      this.client.queue.submit(this.model.endpoint(input), {
        input: this.model.toInput(input),
        ...(input.webhookUrl ? { webhookUrl: input.webhookUrl } : {}),
      }),
    );
    return { id: queued.request_id, status: "starting", output: [], error: null, progress: 0, metrics: { predictTimeSeconds: null } };
  }

  async get(predictionId: string): Promise<Prediction> {
    const status = (await this.call(() => this.client.queue.status(this.model.app, { requestId: predictionId, logs: false }))) as unknown as FalStatus;
    const base = { id: predictionId, output: [], error: null, metrics: { predictTimeSeconds: null } };
    if (status.status === "IN_QUEUE") return { ...base, status: "starting", progress: 0 };
    if (status.status === "IN_PROGRESS") return { ...base, status: "processing", progress: null };
    if (status.status !== "COMPLETED") return { ...base, status: "processing", progress: null };
    const predictTime = status.metrics?.inference_time ?? null;
    if (status.error && /cancel/i.test(status.error)) return { ...base, status: "canceled", progress: null };
    if (status.error) return { ...base, status: "failed", error: classifyFailureText("fal", status.error), progress: null, metrics: { predictTimeSeconds: predictTime } };
    try {
      const result = await this.call(() => this.client.queue.result(this.model.app, { requestId: predictionId }));
      return mapFalResult(predictionId, result.data as FalResult, predictTime);
    } catch (e) {
      // A completed request whose result is a 4xx failed for good (e.g. 422 validation): that is
      // the prediction's outcome, not a failed call.
      if (e instanceof ProviderError && !e.failure.retryable) {
        return { ...base, status: "failed", error: e.failure, progress: null, metrics: { predictTimeSeconds: predictTime } };
      }
      throw e;
    }
  }

  async cancel(predictionId: string): Promise<void> {
    try {
      await this.call(() => this.client.queue.cancel(this.model.app, { requestId: predictionId }));
    } catch (e) {
      // 400 "already completed" — nothing left to cancel.
      if (e instanceof ProviderError && e.failure.code === "INVALID_INPUT") return;
      throw e;
    }
  }

  async fetchOutput(output: string): Promise<Buffer> {
    return fetchOutputBytes(output, this.download);
  }

  private async keys(force = false): Promise<FalJwk[]> {
    const now = this.now().getTime();
    if (!force && this.jwks && now - this.jwks.at < JWKS_TTL_MS) return this.jwks.keys;
    const res = await fetch(this.jwksUrl, { cache: "no-store", signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`fal JWKS answered HTTP ${res.status}`);
    const body = (await res.json()) as { keys?: FalJwk[] };
    const keys = (body.keys ?? []).filter((k) => typeof k.x === "string");
    this.jwks = { keys, at: now };
    return keys;
  }

  async verifyWebhook(request: Request, rawBody: string): Promise<WebhookVerdict> {
    const headers = falWebhookHeaders(request.headers);
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    let keys: FalJwk[];
    try {
      keys = await this.keys();
    } catch {
      return { ok: false, reason: "fal's webhook keys could not be fetched" };
    }
    let verdict = verifyFalWebhook({ headers, rawBody, keys, nowSeconds });
    // fal may have rotated its key since we cached the set: look once more before refusing.
    if (!verdict.ok && verdict.reason === "signature does not match") {
      try {
        verdict = verifyFalWebhook({ headers, rawBody, keys: await this.keys(true), nowSeconds });
      } catch {
        // keep the first verdict
      }
    }
    return verdict.ok ? { ok: true, deliveryId: headers.requestId && headers.timestamp ? `${headers.requestId}:${headers.timestamp}` : null } : verdict;
  }

  parseWebhook(body: unknown): Prediction {
    const b = body as { request_id?: unknown; status?: unknown; payload?: unknown; error?: unknown; payload_error?: unknown } | null;
    if (!b || typeof b.request_id !== "string" || (b.status !== "OK" && b.status !== "ERROR")) {
      throw new ProviderError({ code: "INVALID_REQUEST", message: "The webhook body is not a fal result.", retryable: false, retryAfterSeconds: null });
    }
    if (b.status === "ERROR") {
      const detail = typeof b.error === "string" ? b.error : "";
      const payload = b.payload ? JSON.stringify(b.payload) : "";
      const failure = classifyFailureText("fal", `${detail} ${payload}`.trim());
      return { id: b.request_id, status: "failed", output: [], error: failure, progress: null, metrics: { predictTimeSeconds: null } };
    }
    if (!b.payload || typeof b.payload !== "object") {
      return {
        id: b.request_id,
        status: "failed",
        output: [],
        error: { code: "INVALID_OUTPUT", message: `fal could not deliver the result: ${String(b.payload_error ?? "no payload")}`.slice(0, 200), retryable: true, retryAfterSeconds: null },
        progress: null,
        metrics: { predictTimeSeconds: null },
      };
    }
    return mapFalResult(b.request_id, b.payload as FalResult);
  }
}
