import "server-only";
import type { Env } from "@/lib/config/env";
import { maskKey } from "@/lib/planner/check-llm";
import { notConfiguredError } from "../call-failure";
import { downloadPolicy } from "../download-policy";
import { policyWith, type ProviderEntry } from "../provider-entry";
import type { ImageProvider } from "../types";
import { FAL_MODELS, resolveFalModel } from "./models";
import { FAL_OUTPUT_HOSTS, FalProvider } from "./provider";

const cache = new Map<string, ImageProvider>();

export const falEntry: ProviderEntry = {
  id: "fal",
  label: "fal.ai",
  isConfigured: (config) => Boolean(config.FAL_KEY),
  defaultModel: (config) => config.FAL_MODEL,
  models: () => Object.values(FAL_MODELS),
  create(config: Env, modelKey: string) {
    if (!config.FAL_KEY) throw notConfiguredError("fal", "FAL_KEY");
    const policy = policyWith(downloadPolicy(config), { hosts: FAL_OUTPUT_HOSTS });
    const key = JSON.stringify([config.FAL_KEY, modelKey, policy]);
    let provider = cache.get(key);
    if (!provider) {
      provider = new FalProvider({ key: config.FAL_KEY, model: resolveFalModel(modelKey), download: policy });
      cache.set(key, provider);
    }
    return provider;
  },
  // fal has no free account endpoint to validate a key against; report it masked and unchecked.
  check: async (config) => ({ ok: null, latencyMs: null, detail: `key ${maskKey(config.FAL_KEY!)}, model ${config.FAL_MODEL}`, error: null }),
};
