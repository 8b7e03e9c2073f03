import "server-only";
import type { Env } from "@/lib/config/env";
import { maskKey } from "@/lib/planner/check-llm";
import { downloadPolicy, originOf } from "../download-policy";
import { policyWith, type ProviderEntry } from "../provider-entry";
import type { ImageProvider } from "../types";
import { OPENAI_IMAGE_HOSTS, OpenAIImagesProvider } from "./provider";

const OPENAI = "https://api.openai.com";
const cache = new Map<string, ImageProvider>();

/** A base URL other than OpenAI's is a server the operator named (LocalAI on the LAN): trust its origin. */
function trustedOrigins(config: Env): string[] {
  const origin = originOf(config.OPENAI_IMAGES_BASE_URL);
  return origin === OPENAI ? [] : [origin];
}

export const openaiImagesEntry: ProviderEntry = {
  id: "openai-images",
  label: "OpenAI-compatible images",
  // OpenAI needs a key; a self-hosted server named by its base URL may not.
  isConfigured: (config) => Boolean(config.OPENAI_IMAGES_API_KEY) || originOf(config.OPENAI_IMAGES_BASE_URL) !== OPENAI,
  defaultModel: (config) => config.OPENAI_IMAGES_MODEL,
  models: (config) => [openaiImagesEntry.create(config, config.OPENAI_IMAGES_MODEL, {}).model],
  create(config: Env, modelKey: string) {
    const trusted = trustedOrigins(config);
    const policy = policyWith(downloadPolicy(config), { hosts: [...OPENAI_IMAGE_HOSTS, ...trusted.map((o) => new URL(o).hostname)], trustedOrigins: trusted });
    const key = JSON.stringify([config.OPENAI_IMAGES_BASE_URL, config.OPENAI_IMAGES_API_KEY, modelKey, policy]);
    let provider = cache.get(key);
    if (!provider) {
      provider = new OpenAIImagesProvider({
        baseUrl: config.OPENAI_IMAGES_BASE_URL,
        ...(config.OPENAI_IMAGES_API_KEY ? { apiKey: config.OPENAI_IMAGES_API_KEY } : {}),
        model: modelKey,
        download: policy,
      });
      cache.set(key, provider);
    }
    return provider;
  },
  async check(config) {
    // GET /models is free and authenticated on OpenAI and answered by LocalAI, Ollama and friends.
    const started = performance.now();
    const host = new URL(config.OPENAI_IMAGES_BASE_URL).host;
    const detail = `${host}, model ${config.OPENAI_IMAGES_MODEL}${config.OPENAI_IMAGES_API_KEY ? `, key ${maskKey(config.OPENAI_IMAGES_API_KEY)}` : ""}`;
    try {
      const res = await fetch(`${config.OPENAI_IMAGES_BASE_URL.replace(/\/+$/, "")}/models`, {
        cache: "no-store",
        headers: config.OPENAI_IMAGES_API_KEY ? { authorization: `Bearer ${config.OPENAI_IMAGES_API_KEY}` } : {},
        signal: AbortSignal.timeout(5000),
      });
      const latencyMs = Math.round(performance.now() - started);
      if (res.status === 401 || res.status === 403) return { ok: false, latencyMs, detail, error: { code: "AUTHENTICATION_FAILED", message: "The images API rejected the key." } };
      if (!res.ok) return { ok: false, latencyMs, detail, error: { code: "PROVIDER_ERROR", message: `The images API answered HTTP ${res.status}.` } };
      return { ok: true, latencyMs, detail, error: null };
    } catch {
      return { ok: false, latencyMs: Math.round(performance.now() - started), detail, error: { code: "NETWORK_ERROR", message: "The images API could not be reached." } };
    }
  },
};
