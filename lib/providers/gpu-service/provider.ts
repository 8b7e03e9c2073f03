import "server-only";
import { randomBytes } from "node:crypto";
import { classifyFailureText, httpFailure, networkFailure } from "../call-failure";
import { fetchOutputBytes } from "../output-ref";
import type { DownloadPolicy } from "../safe-download";
import { ProviderError, type ImageInput, type ImageProvider, type ModelInfo, type Prediction } from "../types";
import type { GpuJob, GpuJobStore } from "./job-store";

export const GPU_JOB_ID = /^gpu_[0-9a-f]{32}$/;

export const GPU_SERVICE_MODEL: ModelInfo = {
  key: "gpu-service",
  ref: "gpu-service",
  label: "Your GPU service (seed 000 protocol)",
  pricePerImage: 0,
  supportsReferenceImage: false,
  expectedSeconds: 20,
};

export function newGpuJobId(): string {
  return `gpu_${randomBytes(16).toString("hex")}`;
}

/** `gpu_<hex>.<frame index>` ⇄ the job and the frame's place in it. */
export function gpuPredictionId(jobId: string, index: number): string {
  return `${jobId}.${index}`;
}

export function parseGpuPredictionId(id: string): { jobId: string; index: number } | null {
  const m = id.match(/^(gpu_[0-9a-f]{32})\.(\d{1,3})$/);
  return m ? { jobId: m[1]!, index: Number(m[2]) } : null;
}

export type GpuServiceOptions = {
  /** GPU_SERVICE_URL, e.g. http://gpu-box:8000 */
  baseUrl: string;
  /** Where the service PATCHes `{callback_url}/jobs/{job_id}`: `${PUBLIC_BASE_URL}/api/v1`. */
  callbackUrl: string;
  store: GpuJobStore;
  /** Outputs come only from the service's own origin. */
  download: DownloadPolicy;
  timeoutMs?: number;
  now?: () => Date;
};

/**
 * A GPU service speaking seed 000's protocol (docs/gpu-service-protocol.md). The service keeps no
 * job we can ask about: it reports by callback, the callback moves the stored job
 * (apply-callback.ts), and get() answers each frame from that row.
 */
export class GpuServiceProvider implements ImageProvider {
  readonly id = "gpu-service" as const;
  readonly model = GPU_SERVICE_MODEL;
  readonly expectedSeconds = 20;
  readonly allowedDownloadHosts: readonly string[];
  readonly pricePerImage = 0;
  private readonly base: string;
  private readonly now: () => Date;

  constructor(private readonly options: GpuServiceOptions) {
    this.base = options.baseUrl.replace(/\/+$/, "");
    this.allowedDownloadHosts = [new URL(this.base).hostname];
    this.now = options.now ?? (() => new Date());
  }

  async start(input: ImageInput): Promise<Prediction> {
    const [prediction] = await this.startBoard({ prompt: input.prompt, frames: [input] });
    return prediction!;
  }

  async startBoard(board: { prompt: string; frames: ImageInput[] }): Promise<Prediction[]> {
    const id = newGpuJobId();
    const now = this.now();
    const prompts = board.frames.map((f) => f.prompt);
    // Stored before the POST: the service may call back before its answer reaches us.
    await this.options.store.insert({ id, status: "submitted", progress: 0, prompts, resultUrls: [], errorMessage: null, createdAt: now, updatedAt: now });
    const body = { job_id: id, prompt: board.prompt, num_frames: prompts.length, callback_url: this.options.callbackUrl, prompts };
    let res: Response;
    try {
      res = await fetch(`${this.base}/generate`, {
        method: "POST",
        cache: "no-store",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000),
      });
    } catch (e) {
      await this.abandon(id, "the service could not be reached");
      throw new ProviderError(networkFailure("The GPU service", e));
    }
    if (!res.ok) {
      const text = await res.text().catch(() => "");
      await this.abandon(id, `the service answered HTTP ${res.status}`);
      throw new ProviderError(httpFailure("The GPU service", res.status, res.headers, text));
    }
    // Not awaited: cancel() of a tee'd body (msw, fetch wrappers) may settle only much later.
    res.body?.cancel().catch(() => {});
    return prompts.map((_, i) => ({ id: gpuPredictionId(id, i), status: "starting" as const, output: [], error: null, progress: 0, metrics: { predictTimeSeconds: null } }));
  }

  private async abandon(id: string, why: string): Promise<void> {
    await this.options.store.update(id, ["submitted"], { status: "failed", errorMessage: `not started: ${why}`, updatedAt: this.now() }).catch(() => null);
  }

  async get(predictionId: string): Promise<Prediction> {
    const ref = parseGpuPredictionId(predictionId);
    const job = ref ? await this.options.store.get(ref.jobId) : null;
    if (!ref || !job) {
      throw new ProviderError({ code: "NOT_FOUND", message: "No GPU-service job is stored for this frame.", retryable: false, retryAfterSeconds: null });
    }
    return frameOf(job, ref.index, predictionId);
  }

  async cancel(predictionId: string): Promise<void> {
    // The protocol has no cancel. A one-frame job is closed so later callbacks can't move it; a
    // frame of a board just stops listening (the others still want their images).
    const ref = parseGpuPredictionId(predictionId);
    if (!ref) return;
    const job = await this.options.store.get(ref.jobId);
    if (job && job.prompts.length === 1) await this.options.store.update(ref.jobId, ["submitted", "processing"], { status: "canceled", updatedAt: this.now() });
  }

  async fetchOutput(output: string): Promise<Buffer> {
    return fetchOutputBytes(output, this.options.download);
  }

  /** GET {GPU_SERVICE_URL}/health for diagnostics. */
  async health(): Promise<{ ok: boolean; latencyMs: number; status: string | null }> {
    const started = performance.now();
    try {
      const res = await fetch(`${this.base}/health`, { cache: "no-store", signal: AbortSignal.timeout(5000) });
      const body = (await res.json().catch(() => null)) as { status?: unknown } | null;
      return { ok: res.ok, latencyMs: Math.round(performance.now() - started), status: typeof body?.status === "string" ? body.status : null };
    } catch {
      return { ok: false, latencyMs: Math.round(performance.now() - started), status: null };
    }
  }
}

/** One frame's view of a board job: result i is frame i. */
export function frameOf(job: GpuJob, index: number, predictionId: string): Prediction {
  const base = { id: predictionId, output: [] as string[], error: null, metrics: { predictTimeSeconds: null } };
  switch (job.status) {
    case "submitted":
      return { ...base, status: "starting", progress: 0 };
    case "processing":
      return { ...base, status: "processing", progress: job.progress / 100 };
    case "canceled":
      return { ...base, status: "canceled", progress: null };
    case "failed":
      return { ...base, status: "failed", progress: null, error: classifyFailureText("The GPU service", job.errorMessage ?? "") };
    case "completed": {
      const url = job.resultUrls[index];
      if (!url) {
        return {
          ...base,
          status: "failed",
          progress: null,
          error: {
            code: "INVALID_OUTPUT",
            message: `The GPU service returned ${job.resultUrls.length} images for ${job.prompts.length} frames; this one is missing.`,
            retryable: true,
            retryAfterSeconds: null,
          },
        };
      }
      return { ...base, status: "succeeded", output: [url], progress: 1 };
    }
  }
}
