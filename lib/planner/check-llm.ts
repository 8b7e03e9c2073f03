import "server-only";
import type OpenAI from "openai";
import { env as readEnv, type Env } from "@/lib/config/env";
import type { ErrorCode } from "@/lib/errors";
import { OPENAI_DEFAULT_BASE_URL, createLlmClientFromEnv, isOpenRouter } from "@/lib/planner/llm-client";
import { mapLlmError } from "@/lib/planner/llm-errors";

export type LlmCheck = {
  planner: "llm" | "embedded";
  baseUrlHost: string;
  model: string;
  keySet: boolean;
  /** At most a 3-character prefix and the last 4, e.g. "sk-…abcd"; null without a key. */
  keyMasked: string | null;
  /** null when nothing was checked (embedded planner and no key). */
  valid: boolean | null;
  latencyMs: number | null;
  error: { code: ErrorCode; message: string } | null;
};

/** Which planner the configuration selects: PLANNER wins; "auto" means the LLM when a key is set. */
export function plannerModeFor(e: Env): "llm" | "embedded" {
  if (e.PLANNER !== "auto") return e.PLANNER;
  return e.OPENAI_API_KEY ? "llm" : "embedded";
}

export function maskKey(key: string | undefined): string | null {
  if (!key) return null;
  // Short keys (placeholders like "ollama") would leak most of themselves; show nothing of them.
  if (key.length < 12) return "…";
  return `${key.slice(0, 3)}…${key.slice(-4)}`;
}

// The cheapest authenticated call: OpenRouter's /key (its /models answers without auth, so it
// proves nothing); elsewhere /models, which local servers answer without checking any key.
async function ping(client: OpenAI, openRouter: boolean): Promise<void> {
  // No retries: a diagnostic should report a 429 or a dead host now, not after the SDK's backoff.
  if (openRouter) await client.get("/key", { maxRetries: 0 });
  else await client.models.list({ maxRetries: 0 });
}

/** Diagnostics for GET /api/test-llm and /api/test-openrouter: config summary plus one live validation call. */
export async function checkLlm(deps: { env?: Env; client?: OpenAI } = {}): Promise<LlmCheck> {
  const e = deps.env ?? readEnv();
  const baseURL = e.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL;
  const planner = plannerModeFor(e);
  const summary = {
    planner,
    baseUrlHost: new URL(baseURL).host,
    model: e.OPENAI_MODEL,
    keySet: Boolean(e.OPENAI_API_KEY),
    keyMasked: maskKey(e.OPENAI_API_KEY),
  };
  // A key is checked even when PLANNER=embedded: the diagnostics page is where people test one.
  if (planner === "embedded" && !summary.keySet) return { ...summary, valid: null, latencyMs: null, error: null };

  const client = deps.client ?? createLlmClientFromEnv(e);
  const started = performance.now();
  try {
    await ping(client, isOpenRouter(baseURL));
    return { ...summary, valid: true, latencyMs: Math.round(performance.now() - started), error: null };
  } catch (err) {
    const mapped = mapLlmError(err);
    return {
      ...summary,
      valid: false,
      latencyMs: Math.round(performance.now() - started),
      error: { code: mapped.code, message: mapped.message },
    };
  }
}
