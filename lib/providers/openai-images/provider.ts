import "server-only";
import { randomUUID } from "node:crypto";
import type { AspectRatio } from "@/lib/planner/schema";
import { httpFailure, networkFailure } from "../call-failure";
import { fetchOutputBytes } from "../output-ref";
import type { DownloadPolicy } from "../safe-download";
import { OUTPUT_SIZES, ProviderError, type ImageInput, type ImageProvider, type ModelInfo, type Prediction } from "../types";

/** Where OpenAI's DALL·E URL answers live (gpt-image-1 always answers b64_json). */
export const OPENAI_IMAGE_HOSTS = ["oaidalleapiprodscus.blob.core.windows.net"] as const;

type ImagesAnswer = { data?: { b64_json?: string; url?: string }[] };

// gpt-image-1 draws three sizes, DALL·E 3 another three; servers like LocalAI take any WxH.
const GPT_IMAGE: Record<AspectRatio, string> = { "16:9": "1536x1024", "4:3": "1536x1024", "2.39:1": "1536x1024", "1:1": "1024x1024", "9:16": "1024x1536" };
const DALLE_3: Record<AspectRatio, string> = { "16:9": "1792x1024", "4:3": "1792x1024", "2.39:1": "1792x1024", "1:1": "1024x1024", "9:16": "1024x1792" };

export function imageSize(model: string, ratio: AspectRatio): string {
  if (/^gpt-image/.test(model)) return GPT_IMAGE[ratio];
  if (model === "dall-e-3") return DALLE_3[ratio];
  if (model === "dall-e-2") return "1024x1024";
  const s = OUTPUT_SIZES[ratio];
  return `${s.width}x${s.height}`;
}

const PRICES: Record<string, number> = { "gpt-image-1": 0.042, "gpt-image-1-mini": 0.011, "dall-e-3": 0.08, "dall-e-2": 0.02 };

export type OpenAIImagesOptions = {
  /** Up to and including /v1, e.g. https://api.openai.com/v1 or http://localai:8080/v1. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  download: DownloadPolicy;
  /** A synchronous draw takes a while (gpt-image-1: up to a minute or two). */
  timeoutMs?: number;
};

/**
 * Any OpenAI-compatible images API. The call is synchronous: start() draws the frame and answers
 * a prediction that is already terminal, the bytes inline as a data: URL (or the URL the server
 * gave). Callers run start() in the background so no route waits on it.
 */
export class OpenAIImagesProvider implements ImageProvider {
  readonly id = "openai-images" as const;
  readonly model: ModelInfo;
  readonly expectedSeconds: number;
  readonly allowedDownloadHosts: readonly string[];
  readonly pricePerImage: number;
  /** start() is the whole draw: generation runs it after the answer, holding the frame that long. */
  readonly syncWaitSeconds: number;
  readonly synchronousStart = true;
  private readonly url: string;

  constructor(private readonly options: OpenAIImagesOptions) {
    this.url = `${options.baseUrl.replace(/\/+$/, "")}/images/generations`;
    this.pricePerImage = PRICES[options.model] ?? 0;
    this.syncWaitSeconds = Math.ceil((options.timeoutMs ?? 180_000) / 1000);
    this.expectedSeconds = /^gpt-image/.test(options.model) ? 30 : 12;
    this.allowedDownloadHosts = options.download.allowedHosts;
    this.model = {
      key: options.model,
      ref: options.model,
      label: `${options.model} (OpenAI-compatible images)`,
      pricePerImage: this.pricePerImage,
      supportsReferenceImage: false,
      expectedSeconds: this.expectedSeconds,
    };
  }

  async start(input: ImageInput): Promise<Prediction> {
    const id = `oai-${randomUUID()}`;
    const body: Record<string, unknown> = { model: this.options.model, prompt: input.prompt, n: 1, size: imageSize(this.options.model, input.aspectRatio) };
    // DALL·E answers URLs unless asked; gpt-image-1 refuses the parameter and always answers b64_json.
    if (/^dall-e/.test(this.options.model)) body.response_format = "b64_json";
    const started = Date.now();
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: "POST",
        cache: "no-store",
        headers: { "content-type": "application/json", ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 180_000),
      });
    } catch (e) {
      throw new ProviderError(networkFailure("The images API", e));
    }
    const text = await res.text().catch(() => "");
    if (!res.ok) {
      // As with every adapter, a refused start throws: non-retryable (content policy, 400) fails
      // the frame at once, retryable (429, 5xx) starts another attempt.
      throw new ProviderError(httpFailure("The images API", res.status, res.headers, text));
    }
    let answer: ImagesAnswer;
    try {
      answer = JSON.parse(text) as ImagesAnswer;
    } catch {
      throw new ProviderError({ code: "PROVIDER_ERROR", message: "The images API sent a malformed answer.", retryable: true, retryAfterSeconds: null });
    }
    const first = answer.data?.[0];
    const output = first?.b64_json ? [`data:image/png;base64,${first.b64_json}`] : first?.url ? [first.url] : [];
    const metrics = { predictTimeSeconds: Math.round((Date.now() - started) / 100) / 10 };
    if (output.length === 0) {
      return { id, status: "failed", output: [], error: { code: "INVALID_OUTPUT", message: "The images API answered without an image.", retryable: true, retryAfterSeconds: null }, progress: null, metrics };
    }
    return { id, status: "succeeded", output, error: null, progress: 1, metrics };
  }

  async get(predictionId: string): Promise<Prediction> {
    // Nothing upstream to ask: the answer came with start(). A frame still waiting on one lost it
    // (the process died before storing it); a retryable failure draws it again.
    return {
      id: predictionId,
      status: "failed",
      output: [],
      error: { code: "PREDICTION_LOST", message: "The synchronous image answer was lost before it was stored; drawing it again.", retryable: true, retryAfterSeconds: null },
      progress: null,
      metrics: { predictTimeSeconds: null },
    };
  }

  async cancel(): Promise<void> {
    // Synchronous: there is nothing queued upstream to cancel.
  }

  async fetchOutput(output: string): Promise<Buffer> {
    return fetchOutputBytes(output, this.options.download);
  }
}
