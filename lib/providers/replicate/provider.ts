import "server-only";
import Replicate from "replicate";
import { fetchOutputBytes } from "../output-ref";
import type { DownloadPolicy } from "../safe-download";
import {
  ProviderError,
  type ImageInput,
  type ImageProvider,
  type Prediction,
  type ProviderFailure,
  type StartOptions,
  type WebhookVerdict,
} from "../types";
import { mapPrediction, type ReplicatePrediction } from "./map-prediction";
import type { ReplicateModel } from "./models";
import { verifyReplicateWebhook } from "./verify-webhook";

/** Where Replicate serves prediction outputs (HTTP_API.md: allow-list *.replicate.delivery). */
export const REPLICATE_OUTPUT_HOSTS = ["replicate.delivery"] as const;

// The replicate client retries POST create on network errors (duplicate predictions), 429s
// and every 5xx GET six times without backoff, ignoring Retry-After. We own the retry policy
// instead: this fetch turns those cases into statuses the client does not retry (420 for 429,
// 499 for a network failure, 498 for a 5xx — else each poll during an outage costs six
// requests), and mapCallError() turns them back into our failures.
const RATE_LIMITED = 420;
const NETWORK_FAILED = 499;
const SERVER_FAILED = 498;
const UPSTREAM_STATUS = "x-storyframe-status";

function ownRetriesFetch(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    let res: Response;
    try {
      res = await fetch(input, { ...init, cache: "no-store", signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      const timedOut = (e as Error).name === "TimeoutError";
      return new Response(JSON.stringify({ detail: timedOut ? "timeout" : "network error" }), {
        status: NETWORK_FAILED,
        headers: { "content-type": "application/json", "x-storyframe-failure": timedOut ? "timeout" : "network" },
      });
    }
    if (res.status === 429) {
      return new Response(res.body, { status: RATE_LIMITED, headers: res.headers });
    }
    if (res.status >= 500) {
      const headers = new Headers(res.headers);
      headers.set(UPSTREAM_STATUS, String(res.status));
      return new Response(res.body, { status: SERVER_FAILED, headers });
    }
    return res;
  };
}

function retryAfterSeconds(headers: Headers | undefined, body: string): number | null {
  const header = headers?.get("retry-after");
  if (header && Number.isFinite(Number(header))) return Number(header);
  const fromBody = body.match(/resets in ~?(\d+)s/);
  return fromBody ? Number(fromBody[1]) : null;
}

/** Maps a failed API call (not a failed prediction) to our failure. */
export function mapCallError(e: unknown): ProviderFailure {
  const response = (e as { response?: Response }).response;
  const status = response?.status;
  const message = (e as Error)?.message ?? "";
  if (status === RATE_LIMITED) {
    return {
      code: "RATE_LIMIT",
      message: "Replicate is rate-limiting us; the frame will be retried.",
      retryable: true,
      retryAfterSeconds: retryAfterSeconds(response?.headers, message),
    };
  }
  if (status === NETWORK_FAILED) {
    const timeout = response?.headers.get("x-storyframe-failure") === "timeout";
    return {
      code: timeout ? "TIMEOUT" : "NETWORK_ERROR",
      message: timeout ? "Replicate did not answer in time." : "Replicate could not be reached.",
      retryable: true,
      retryAfterSeconds: null,
    };
  }
  if (status === 401 || status === 403) {
    return {
      code: "AUTHENTICATION_FAILED",
      message: "Replicate rejected the API token. Check REPLICATE_API_TOKEN.",
      retryable: false,
      retryAfterSeconds: null,
    };
  }
  if (status === 404) {
    return { code: "NOT_FOUND", message: "Replicate does not know this model or prediction.", retryable: false, retryAfterSeconds: null };
  }
  if (status === 402) {
    return { code: "PAYMENT_REQUIRED", message: "The Replicate account is out of credit.", retryable: false, retryAfterSeconds: null };
  }
  if (status === 422 || status === 400) {
    return { code: "INVALID_INPUT", message: "Replicate refused the prediction input.", retryable: false, retryAfterSeconds: null };
  }
  if (status === SERVER_FAILED || (status !== undefined && status >= 500)) {
    const upstream = status === SERVER_FAILED ? response?.headers.get(UPSTREAM_STATUS) : status;
    return { code: "PROVIDER_ERROR", message: `Replicate answered HTTP ${upstream}.`, retryable: true, retryAfterSeconds: null };
  }
  if (e instanceof SyntaxError || /JSON/i.test(message)) {
    return { code: "PROVIDER_ERROR", message: "Replicate sent a malformed answer.", retryable: true, retryAfterSeconds: null };
  }
  return { code: "PROVIDER_ERROR", message: "Replicate call failed.", retryable: true, retryAfterSeconds: null };
}

export type ReplicateProviderOptions = {
  token: string;
  baseUrl?: string;
  model: ReplicateModel;
  download: DownloadPolicy;
  timeoutMs?: number;
  /** REPLICATE_WEBHOOK_SECRET (`whsec_…`); without it every webhook delivery is refused. */
  webhookSecret?: string;
  /** Clock for the webhook timestamp check (tests pass their own). */
  now?: () => Date;
  /** REPLICATE_SYNC_WAIT_SECONDS: how long a create may wait for its output (Prefer: wait). */
  syncWaitSeconds?: number;
};

export class ReplicateProvider implements ImageProvider {
  readonly id = "replicate" as const;
  readonly model: ReplicateModel;
  readonly expectedSeconds: number;
  readonly allowedDownloadHosts: readonly string[];
  readonly pricePerImage: number;
  readonly syncWaitSeconds: number;
  private readonly client: Replicate;
  private readonly download: DownloadPolicy;
  private readonly webhookSecret: string | undefined;
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(options: ReplicateProviderOptions) {
    this.model = options.model;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.download = options.download;
    this.expectedSeconds = options.model.expectedSeconds ?? 10;
    this.allowedDownloadHosts = options.download.allowedHosts;
    this.pricePerImage = options.model.pricePerImage;
    this.webhookSecret = options.webhookSecret;
    this.syncWaitSeconds = options.syncWaitSeconds ?? 0;
    this.now = options.now ?? (() => new Date());
    this.client = new Replicate({
      auth: options.token,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      useFileOutput: false,
      fetch: ownRetriesFetch(this.timeoutMs),
    });
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw new ProviderError(mapCallError(e));
    }
  }

  async start(input: ImageInput, options: StartOptions = {}): Promise<Prediction> {
    // Sync mode is documented for 1–60 s; the call's own timeout must outlast the wait.
    const wait = options.waitSeconds ? Math.min(60, Math.max(1, Math.ceil(options.waitSeconds))) : undefined;
    const body = {
      ...this.model.target,
      input: this.model.toInput(input),
      ...(input.webhookUrl ? { webhook: input.webhookUrl, webhook_events_filter: ["start", "completed"] as const } : {}),
      ...(wait ? { wait, signal: AbortSignal.timeout(wait * 1000 + this.timeoutMs) } : {}),
    };
    const prediction = await this.call(() =>
      this.client.predictions.create(body as Parameters<Replicate["predictions"]["create"]>[0]),
    );
    return mapPrediction(prediction as unknown as ReplicatePrediction);
  }

  async get(predictionId: string): Promise<Prediction> {
    const prediction = await this.call(() => this.client.predictions.get(predictionId));
    return mapPrediction(prediction as unknown as ReplicatePrediction);
  }

  async cancel(predictionId: string): Promise<void> {
    await this.call(() => this.client.predictions.cancel(predictionId));
  }

  async fetchOutput(output: string): Promise<Buffer> {
    // URLs go through safeDownload exactly as before; sync-mode (`Prefer: wait`) data: URLs are
    // decoded under the same byte cap.
    return fetchOutputBytes(output, this.download);
  }

  async verifyWebhook(request: Request, rawBody: string): Promise<WebhookVerdict> {
    if (!this.webhookSecret) return { ok: false, reason: "REPLICATE_WEBHOOK_SECRET is not set" };
    const headers = {
      id: request.headers.get("webhook-id"),
      timestamp: request.headers.get("webhook-timestamp"),
      signature: request.headers.get("webhook-signature"),
    };
    const verdict = verifyReplicateWebhook({
      secret: this.webhookSecret,
      headers,
      rawBody,
      nowSeconds: Math.floor(this.now().getTime() / 1000),
    });
    return verdict.ok ? { ok: true, deliveryId: headers.id } : verdict;
  }

  parseWebhook(body: unknown): Prediction {
    const p = body as Partial<ReplicatePrediction> | null;
    if (!p || typeof p.id !== "string" || typeof p.status !== "string") {
      throw new ProviderError({ code: "INVALID_REQUEST", message: "The webhook body is not a Replicate prediction.", retryable: false, retryAfterSeconds: null });
    }
    return mapPrediction(p as ReplicatePrediction);
  }
}
