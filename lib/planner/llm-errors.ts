import "server-only";
import OpenAI from "openai";
import { AppError, redactSecrets } from "@/lib/errors";

// Maps whatever the OpenAI SDK (or an OpenAI-compatible server) throws to our AppError. Messages are
// written here; upstream text is only ever appended after redaction, never the request or the key.

const MAX_DETAIL_CHARS = 300;

function safeDetail(text: unknown): string {
  if (typeof text !== "string" || text.trim() === "") return "";
  const clean = redactSecrets(text.trim()).replace(/\s+/g, " ");
  return clean.length > MAX_DETAIL_CHARS ? `${clean.slice(0, MAX_DETAIL_CHARS)}…` : clean;
}

const withDetail = (message: string, detail: string) => (detail ? `${message} Provider said: ${detail}` : message);

/** Seconds to wait, from `retry-after-ms` (preferred, as the SDK does) or `Retry-After` (seconds or HTTP date). */
export function retryAfterSecondsFrom(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms / 1000);
  const raw = headers?.get("retry-after");
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

type ErrorBody = { code?: unknown; message?: unknown; metadata?: unknown };

// OpenRouter answers 403 when a moderated model flags the input: a refusal, not a credential problem.
function isModerationBody(body: ErrorBody | undefined, detail: string): boolean {
  const meta = body?.metadata;
  if (meta && typeof meta === "object" && ("reasons" in meta || "flagged_input" in meta)) return true;
  return /moderation|flagged/i.test(detail);
}

function fromStatus(status: number, body: ErrorBody | undefined, headers: Headers | undefined, cause: unknown): AppError {
  const detail = safeDetail(body?.message);
  const retryAfterSeconds = retryAfterSecondsFrom(headers);

  if (status === 401) {
    // No provider text at all: OpenAI's 401 message echoes part of the key.
    return new AppError(
      "AUTHENTICATION_FAILED",
      "The LLM provider rejected the API key (HTTP 401). Check OPENAI_API_KEY, and OPENAI_BASE_URL if the key belongs to OpenRouter or another server.",
      { cause },
    );
  }
  if (status === 403) {
    if (isModerationBody(body, detail)) {
      return new AppError("PLAN_REFUSED", withDetail("The provider's moderation declined this idea.", detail), { cause });
    }
    return new AppError(
      "AUTHENTICATION_FAILED",
      withDetail("The API key is not allowed to use this model or endpoint (HTTP 403).", detail),
      { cause },
    );
  }
  if (status === 402) {
    // Not RATE_LIMIT: waiting does not help until someone adds credits or raises the key's limit.
    return new AppError(
      "PROVIDER_ERROR",
      withDetail(
        "The LLM provider asks for payment (HTTP 402): the account is out of credits or the key's spending limit is reached.",
        detail,
      ),
      { cause },
    );
  }
  if (status === 408) {
    return new AppError("TIMEOUT", "The LLM provider timed out while planning (HTTP 408).", { cause, retryAfterSeconds });
  }
  if (status === 429) {
    const wait = retryAfterSeconds !== undefined ? ` Try again in ${retryAfterSeconds} s.` : " Try again shortly.";
    return new AppError("RATE_LIMIT", withDetail(`The LLM provider is rate-limiting requests (HTTP 429).${wait}`, detail), {
      cause,
      retryAfterSeconds,
    });
  }
  if (status === 404) {
    return new AppError(
      "PROVIDER_ERROR",
      withDetail("The LLM provider answered 404: check OPENAI_MODEL and OPENAI_BASE_URL.", detail),
      { cause },
    );
  }
  if (status >= 500) {
    return new AppError("PROVIDER_ERROR", withDetail(`The LLM provider failed (HTTP ${status}).`, detail), {
      cause,
      retryAfterSeconds,
    });
  }
  return new AppError("PROVIDER_ERROR", withDetail(`The LLM provider rejected the request (HTTP ${status}).`, detail), {
    cause,
  });
}

/** OpenRouter's error-in-a-200-body (`{ error: { code, message, metadata } }`), or any server that copies it. */
export function mapLlmErrorBody(body: ErrorBody, cause?: unknown): AppError {
  const code = typeof body.code === "string" ? Number.parseInt(body.code, 10) : body.code;
  if (typeof code === "number" && Number.isInteger(code) && code >= 400 && code < 600) {
    return fromStatus(code, body, undefined, cause ?? body);
  }
  return new AppError("PROVIDER_ERROR", withDetail("The LLM provider reported an error.", safeDetail(body.message)), {
    cause: cause ?? body,
  });
}

export function mapLlmError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  // Subclasses before their parents: timeout ⊂ connection ⊂ APIError.
  if (e instanceof OpenAI.APIConnectionTimeoutError) {
    return new AppError("TIMEOUT", "The LLM provider did not answer in time (OPENAI_TIMEOUT_MS).", { cause: e });
  }
  if (e instanceof OpenAI.APIUserAbortError) {
    return new AppError("TIMEOUT", "The planning request was cancelled before the LLM answered.", { cause: e });
  }
  if (e instanceof OpenAI.APIConnectionError) {
    return new AppError("NETWORK_ERROR", "Could not reach the LLM provider: check OPENAI_BASE_URL and the network.", {
      cause: e,
    });
  }
  if (e instanceof OpenAI.APIError && typeof e.status === "number") {
    return fromStatus(e.status, (e.error ?? undefined) as ErrorBody | undefined, e.headers, e);
  }
  return new AppError("PROVIDER_ERROR", "The LLM planner failed unexpectedly.", { cause: e });
}
