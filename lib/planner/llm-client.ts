import "server-only";
import OpenAI from "openai";
import type { Env } from "@/lib/config/env";

export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";
/** Local servers (Ollama, llama.cpp, LM Studio) ignore the key, but the SDK refuses to start without one. */
export const KEYLESS_API_KEY = "not-needed";
const APP_TITLE = "Storyframe";
// OpenRouter wants a referer to attribute usage; PUBLIC_BASE_URL is the real one when it is set.
const FALLBACK_SITE_URL = "http://localhost:3000";

export type LlmClientOptions = {
  apiKey: string;
  baseURL?: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  siteUrl?: string | undefined;
};

export function isOpenRouter(baseURL: string | undefined): boolean {
  if (!baseURL) return false;
  try {
    const host = new URL(baseURL).hostname;
    return host === "openrouter.ai" || host.endsWith(".openrouter.ai");
  } catch {
    return false;
  }
}

/** One OpenAI SDK client for OpenAI, OpenRouter or any OpenAI-compatible server, told apart by URL alone. */
export function createLlmClient(opts: LlmClientOptions): OpenAI {
  const baseURL = opts.baseURL ?? OPENAI_DEFAULT_BASE_URL;
  return new OpenAI({
    apiKey: opts.apiKey,
    // Passed explicitly (with organization/project) so the SDK never reads process.env on its own:
    // configuration comes from lib/config only.
    baseURL,
    organization: null,
    project: null,
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries,
    defaultHeaders: isOpenRouter(baseURL)
      ? { "HTTP-Referer": opts.siteUrl ?? FALLBACK_SITE_URL, "X-OpenRouter-Title": APP_TITLE }
      : undefined,
  });
}

/** The client the app uses, configured from the parsed environment. */
export function createLlmClientFromEnv(e: Env): OpenAI {
  return createLlmClient({
    apiKey: e.OPENAI_API_KEY ?? KEYLESS_API_KEY,
    baseURL: e.OPENAI_BASE_URL,
    timeoutMs: e.OPENAI_TIMEOUT_MS,
    maxRetries: e.OPENAI_MAX_RETRIES,
    siteUrl: e.PUBLIC_BASE_URL,
  });
}
