import { ProviderError, type ProviderFailure } from "./types";

// Shared by the fetch-based adapters (fal, ComfyUI, OpenAI-compatible images, GPU service): one
// mapping of a failed HTTP call to our failure, so every provider retries the same cases —
// 429, 5xx, network and timeout — and fails at once on the rest.

export function retryAfterSeconds(headers: Headers | undefined): number | null {
  const header = headers?.get("retry-after");
  if (!header) return null;
  if (Number.isFinite(Number(header))) return Math.max(0, Number(header));
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, Math.round((at - Date.now()) / 1000)) : null;
}

const CONTENT_POLICY = /content[_ ]?polic|moderation|safety|nsfw|flagged/i;

/** A non-2xx answer from `label` (e.g. "fal") mapped to our failure. */
export function httpFailure(label: string, status: number, headers?: Headers, bodyText = ""): ProviderFailure {
  if (status === 429) {
    return { code: "RATE_LIMIT", message: `${label} is rate-limiting us; the frame will be retried.`, retryable: true, retryAfterSeconds: retryAfterSeconds(headers) };
  }
  if (status === 401 || status === 403) {
    return { code: "AUTHENTICATION_FAILED", message: `${label} rejected our credentials.`, retryable: false, retryAfterSeconds: null };
  }
  if (status === 402) return { code: "PAYMENT_REQUIRED", message: `The ${label} account is out of credit.`, retryable: false, retryAfterSeconds: null };
  if (status === 404) return { code: "NOT_FOUND", message: `${label} does not know this model or request.`, retryable: false, retryAfterSeconds: null };
  if (status === 408 || status === 504) return { code: "TIMEOUT", message: `${label} did not answer in time.`, retryable: true, retryAfterSeconds: null };
  if (status >= 500) return { code: "PROVIDER_ERROR", message: `${label} answered HTTP ${status}.`, retryable: true, retryAfterSeconds: null };
  if (CONTENT_POLICY.test(bodyText)) {
    return {
      code: "CONTENT_POLICY",
      message: `${label}'s safety filter rejected this frame. Rephrase the image prompt and regenerate.`,
      retryable: false,
      retryAfterSeconds: null,
    };
  }
  return { code: "INVALID_INPUT", message: `${label} refused the input (HTTP ${status}).`, retryable: false, retryAfterSeconds: null };
}

/** fetch() itself threw: a timeout or a network failure, both worth another attempt. */
export function networkFailure(label: string, e: unknown): ProviderFailure {
  const name = (e as Error)?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return { code: "TIMEOUT", message: `${label} did not answer in time.`, retryable: true, retryAfterSeconds: null };
  }
  return { code: "NETWORK_ERROR", message: `${label} could not be reached.`, retryable: true, retryAfterSeconds: null };
}

/** A prediction the provider reports as failed, classified by its error text. */
export function classifyFailureText(label: string, text: string): ProviderFailure {
  const t = text.toLowerCase();
  if (CONTENT_POLICY.test(t) || /sensitive/.test(t)) {
    return {
      code: "CONTENT_POLICY",
      message: `${label}'s safety filter rejected this frame. Rephrase the image prompt and regenerate.`,
      retryable: false,
      retryAfterSeconds: null,
    };
  }
  if (/invalid|validation|must be|not allowed|unprocessable|is not one of|required|not found|missing/.test(t)) {
    return { code: "INVALID_INPUT", message: `${label} refused the input: ${text.slice(0, 200)}`, retryable: false, retryAfterSeconds: null };
  }
  return {
    code: "PREDICTION_FAILED",
    message: `${label} failed to draw this frame: ${text.slice(0, 200) || "no reason given"}`,
    retryable: true,
    retryAfterSeconds: null,
  };
}

/** A frame asks for a provider whose configuration is missing (e.g. started before a key was removed). */
export function notConfiguredError(label: string, variable: string): ProviderError {
  return new ProviderError({
    code: "AUTHENTICATION_FAILED",
    message: `This frame uses ${label}, but ${variable} is not set.`,
    retryable: false,
    retryAfterSeconds: null,
  });
}
