import "server-only";
import type { Env } from "@/lib/config/env";
import { downloadPolicy } from "../download-policy";
import { policyWith, type ProviderEntry } from "../provider-entry";
import { ProviderError, type ImageProvider } from "../types";
import { checkReplicateToken } from "./check-token";
import { REPLICATE_MODELS, resolveReplicateModel } from "./models";
import { REPLICATE_OUTPUT_HOSTS, ReplicateProvider } from "./provider";

// Polls ask for a provider per frame; one client per configuration and model serves them all.
const cache = new Map<string, ImageProvider>();

export const replicateEntry: ProviderEntry = {
  id: "replicate",
  label: "Replicate",
  isConfigured: (config) => Boolean(config.REPLICATE_API_TOKEN),
  defaultModel: (config) => config.REPLICATE_MODEL,
  models: () => Object.values(REPLICATE_MODELS),
  create(config: Env, modelKey: string) {
    if (!config.REPLICATE_API_TOKEN) {
      // Same words as before the registry: frames started on Replicate whose token went away.
      throw new ProviderError({
        code: "AUTHENTICATION_FAILED",
        message: "This frame was started on Replicate, but REPLICATE_API_TOKEN is not set.",
        retryable: false,
        retryAfterSeconds: null,
      });
    }
    const policy = policyWith(downloadPolicy(config), { hosts: REPLICATE_OUTPUT_HOSTS });
    const key = JSON.stringify([config.REPLICATE_API_TOKEN, config.REPLICATE_BASE_URL, config.REPLICATE_WEBHOOK_SECRET, config.REPLICATE_SYNC_WAIT_SECONDS, modelKey, policy]);
    let provider = cache.get(key);
    if (!provider) {
      provider = new ReplicateProvider({
        token: config.REPLICATE_API_TOKEN,
        baseUrl: config.REPLICATE_BASE_URL,
        model: resolveReplicateModel(modelKey),
        download: policy,
        syncWaitSeconds: config.REPLICATE_SYNC_WAIT_SECONDS,
        ...(config.REPLICATE_WEBHOOK_SECRET ? { webhookSecret: config.REPLICATE_WEBHOOK_SECRET } : {}),
      });
      cache.set(key, provider);
    }
    return provider;
  },
  async check(config) {
    const r = await checkReplicateToken(config.REPLICATE_API_TOKEN, config.REPLICATE_BASE_URL);
    return {
      ok: r.valid,
      latencyMs: r.latencyMs,
      detail: r.keyMasked ? `token ${r.keyMasked}${r.account ? `, account ${r.account}` : ""}` : null,
      error: r.error,
    };
  },
};
