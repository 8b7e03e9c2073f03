import "server-only";
import { randomUUID } from "node:crypto";
import { classifyFailureText, httpFailure, networkFailure } from "../call-failure";
import { fetchOutputBytes } from "../output-ref";
import { safeDownload, type DownloadPolicy } from "../safe-download";
import { ProviderError, type ImageInput, type ImageProvider, type ModelInfo, type Prediction } from "../types";
import { fillWorkflow, usesReference, workflowValues, type ComfyWorkflow } from "./workflow";

type HistoryImage = { filename: string; subfolder?: string; type?: string };
type HistoryEntry = {
  outputs?: Record<string, { images?: HistoryImage[] }>;
  status?: { status_str?: string; completed?: boolean; messages?: [string, Record<string, unknown>][] };
};
type QueueState = { queue_running?: unknown[][]; queue_pending?: unknown[][] };

export type ComfyUIProviderOptions = {
  /** e.g. http://192.168.1.20:8188 — the operator named it, so its origin is trusted for downloads. */
  baseUrl: string;
  workflow: ComfyWorkflow;
  /** Which workflow this is (the default or COMFYUI_WORKFLOW's path), for the model label. */
  workflowName: string;
  /** Outputs: the ComfyUI origin only. */
  download: DownloadPolicy;
  /** Reference images we fetch to upload to ComfyUI: the app's ordinary public-only policy. */
  referenceDownload: DownloadPolicy;
  timeoutMs?: number;
};

/**
 * ComfyUI behind our interface: POST /prompt with the filled workflow, progress from
 * GET /history/{id} (and GET /queue while it is not there yet), images from GET /view, reference
 * images through POST /upload/image. ComfyUI keeps the state; we keep nothing.
 */
export class ComfyUIProvider implements ImageProvider {
  readonly id = "comfyui" as const;
  readonly model: ModelInfo;
  readonly expectedSeconds = 15;
  readonly allowedDownloadHosts: readonly string[];
  // your own GPU: no per-image charge
  readonly pricePerImage = 0;
  private readonly base: string;
  private readonly clientId = randomUUID();

  constructor(private readonly options: ComfyUIProviderOptions) {
    this.base = options.baseUrl.replace(/\/+$/, "");
    this.allowedDownloadHosts = [new URL(this.base).hostname];
    this.model = {
      key: options.workflowName,
      ref: `comfyui/${options.workflowName}`,
      label: `ComfyUI (${options.workflowName})`,
      pricePerImage: 0,
      supportsReferenceImage: usesReference(options.workflow),
      expectedSeconds: 15,
    };
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, { ...init, cache: "no-store", signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000) });
    } catch (e) {
      throw new ProviderError(networkFailure("ComfyUI", e));
    }
    if (!res.ok) {
      const text = await res.text().catch(() => "");
      const failure = httpFailure("ComfyUI", res.status, res.headers, text);
      // POST /prompt answers 400 with {error: {message}, node_errors}: say which, it's the fix.
      const detail = text.match(/"message"\s*:\s*"([^"]{1,160})/)?.[1];
      throw new ProviderError(detail && res.status === 400 ? { ...failure, message: `ComfyUI refused the workflow: ${detail}` } : failure);
    }
    return res;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    const res = await this.request(path, init);
    try {
      return (await res.json()) as T;
    } catch {
      throw new ProviderError({ code: "PROVIDER_ERROR", message: "ComfyUI sent a malformed answer.", retryable: true, retryAfterSeconds: null });
    }
  }

  /** Fetches the reference image and hands it to ComfyUI; answers the name LoadImage takes. */
  private async uploadReference(url: string): Promise<string> {
    const bytes = await safeDownload(url, this.options.referenceDownload);
    const form = new FormData();
    form.append("image", new Blob([new Uint8Array(bytes)]), `storyframe-ref-${randomUUID()}.png`);
    form.append("overwrite", "true");
    const uploaded = await this.json<{ name: string; subfolder?: string }>("/upload/image", { method: "POST", body: form });
    return uploaded.subfolder ? `${uploaded.subfolder}/${uploaded.name}` : uploaded.name;
  }

  async start(input: ImageInput): Promise<Prediction> {
    const reference = input.referenceImageUrl && this.model.supportsReferenceImage ? await this.uploadReference(input.referenceImageUrl) : null;
    const prompt = fillWorkflow(this.options.workflow, workflowValues(input, reference));
    const queued = await this.json<{ prompt_id?: string; node_errors?: Record<string, unknown> }>("/prompt", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt, client_id: this.clientId }),
    });
    if (!queued.prompt_id) {
      throw new ProviderError({ code: "PROVIDER_ERROR", message: "ComfyUI queued nothing (no prompt_id).", retryable: true, retryAfterSeconds: null });
    }
    return { id: queued.prompt_id, status: "starting", output: [], error: null, progress: 0, metrics: { predictTimeSeconds: null } };
  }

  async get(predictionId: string): Promise<Prediction> {
    const base = { id: predictionId, output: [] as string[], error: null, metrics: { predictTimeSeconds: null } };
    const history = await this.json<Record<string, HistoryEntry>>(`/history/${encodeURIComponent(predictionId)}`);
    const entry = history[predictionId];
    if (!entry) {
      const queue = await this.json<QueueState>("/queue");
      const has = (rows: unknown[][] | undefined) => (rows ?? []).some((row) => row[1] === predictionId);
      if (has(queue.queue_running)) return { ...base, status: "processing", progress: null };
      if (has(queue.queue_pending)) return { ...base, status: "starting", progress: 0 };
      // Neither done nor queued: ComfyUI restarted (its history is in memory). Draw it again.
      return {
        ...base,
        status: "failed",
        progress: null,
        error: { code: "PREDICTION_LOST", message: "ComfyUI no longer knows this prompt (restarted?); drawing it again.", retryable: true, retryAfterSeconds: null },
      };
    }
    const messages = entry.status?.messages ?? [];
    if (entry.status?.status_str === "error") {
      if (messages.some(([event]) => event === "execution_interrupted")) return { ...base, status: "canceled", progress: null };
      const error = messages.find(([event]) => event === "execution_error")?.[1];
      const text = [error?.exception_type, error?.exception_message].filter(Boolean).join(": ") || "execution error";
      const failure = classifyFailureText("ComfyUI", String(text));
      // Out of GPU memory is the one execution error that another attempt may get past.
      return { ...base, status: "failed", progress: null, error: /out of memory|OOM/i.test(String(text)) ? { ...failure, code: "PREDICTION_FAILED", retryable: true } : failure };
    }
    if (!entry.status?.completed && entry.status?.status_str !== "success") return { ...base, status: "processing", progress: null };
    const images = Object.values(entry.outputs ?? {})
      .flatMap((o) => o.images ?? [])
      .filter((i) => (i.type ?? "output") === "output");
    const output = images.map((i) => {
      const q = new URLSearchParams({ filename: i.filename, subfolder: i.subfolder ?? "", type: i.type ?? "output" });
      return `${this.base}/view?${q}`;
    });
    if (output.length === 0) {
      return { ...base, status: "failed", progress: null, error: { code: "INVALID_OUTPUT", message: "The ComfyUI workflow saved no image (does it end in SaveImage?).", retryable: false, retryAfterSeconds: null } };
    }
    return { ...base, status: "succeeded", output, progress: 1 };
  }

  async cancel(predictionId: string): Promise<void> {
    const queue = await this.json<QueueState>("/queue");
    const running = (queue.queue_running ?? []).some((row) => row[1] === predictionId);
    // Interrupt only our own prompt (ComfyUI ≥ 0.3 reads prompt_id; older ones ignore the body,
    // which is why we check it is the one running first).
    if (running) {
      await this.request("/interrupt", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ prompt_id: predictionId }) });
    }
    await this.request("/queue", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ delete: [predictionId] }) });
  }

  async fetchOutput(output: string): Promise<Buffer> {
    // Only URLs on the ComfyUI origin itself: the policy has no other host.
    return fetchOutputBytes(output, this.options.download);
  }
}
