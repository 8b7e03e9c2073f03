import { parseProgressFromLogs } from "replicate";
import type { Prediction, PredictionStatus, ProviderFailure } from "../types";

/** The fields of Replicate's prediction object we read. */
export type ReplicatePrediction = {
  id: string;
  status: string;
  output?: unknown;
  error?: unknown;
  logs?: string | null;
  metrics?: { predict_time?: number } | null;
};

const STATUS: Record<string, PredictionStatus> = {
  starting: "starting",
  processing: "processing",
  succeeded: "succeeded",
  failed: "failed",
  canceled: "canceled",
  aborted: "canceled",
};

/** Classifies a failed prediction's error text: only transient ones are worth another attempt. */
export function classifyPredictionError(text: string): ProviderFailure {
  const t = text.toLowerCase();
  if (/nsfw|safety|content polic|flagged|sensitive/.test(t)) {
    return {
      code: "CONTENT_POLICY",
      message: "The model's safety filter rejected this frame. Rephrase the image prompt and regenerate.",
      retryable: false,
      retryAfterSeconds: null,
    };
  }
  if (/invalid|validation|must be|not allowed|unprocessable|is not one of|required/.test(t)) {
    return {
      code: "INVALID_INPUT",
      message: `The model refused the input: ${text.slice(0, 200)}`,
      retryable: false,
      retryAfterSeconds: null,
    };
  }
  return {
    code: "PREDICTION_FAILED",
    message: `The model failed to draw this frame: ${text.slice(0, 200) || "no reason given"}`,
    retryable: true,
    retryAfterSeconds: null,
  };
}

function outputUrls(output: unknown): string[] {
  if (typeof output === "string") return [output];
  if (Array.isArray(output)) return output.filter((o): o is string => typeof o === "string");
  return [];
}

export function mapPrediction(p: ReplicatePrediction): Prediction {
  const status = STATUS[p.status] ?? "processing";
  const output = outputUrls(p.output);
  let error: ProviderFailure | null = null;
  if (status === "failed") error = classifyPredictionError(typeof p.error === "string" ? p.error : JSON.stringify(p.error ?? ""));
  // All outputs NSFW-dropped on a "succeeded" prediction leaves nothing to store.
  if (status === "succeeded" && output.length === 0) {
    error = classifyPredictionError("no output: all generated images contained NSFW content");
  }
  const progress = p.logs ? parseProgressFromLogs(p.logs)?.percentage ?? null : null;
  return {
    id: p.id,
    status: status === "succeeded" && output.length === 0 ? "failed" : status,
    output,
    error,
    progress: status === "succeeded" ? 1 : progress,
    metrics: { predictTimeSeconds: p.metrics?.predict_time ?? null },
  };
}
