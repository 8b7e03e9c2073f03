import "server-only";
import { env, type Env } from "@/lib/config/env";
import { ReplicateProvider } from "./replicate/provider";
import { resolveReplicateModel } from "./replicate/models";
import type { DownloadPolicy } from "./safe-download";
import { SketchProvider } from "./sketch-provider";
import { ProviderError, type ImageProvider } from "./types";

export function downloadPolicy(config: Env): DownloadPolicy {
  return {
    allowedHosts: config.DOWNLOAD_ALLOWED_HOSTS.split(",").map((h) => h.trim()).filter(Boolean),
    maxBytes: config.DOWNLOAD_MAX_BYTES,
    timeoutMs: config.DOWNLOAD_TIMEOUT_MS,
    allowPrivate: config.DOWNLOAD_ALLOW_PRIVATE,
  };
}

export function usesReplicate(config: Env): boolean {
  return config.IMAGE_PROVIDER === "replicate" || (config.IMAGE_PROVIDER === "auto" && Boolean(config.REPLICATE_API_TOKEN));
}

// Polls ask for a provider per frame; one client per configuration and model serves them all.
const replicateProviders = new Map<string, ImageProvider>();

function replicate(config: Env, modelKey: string): ImageProvider {
  if (!config.REPLICATE_API_TOKEN) {
    throw new ProviderError({
      code: "AUTHENTICATION_FAILED",
      message: "This frame was started on Replicate, but REPLICATE_API_TOKEN is not set.",
      retryable: false,
      retryAfterSeconds: null,
    });
  }
  const policy = downloadPolicy(config);
  const cacheKey = JSON.stringify([config.REPLICATE_API_TOKEN, config.REPLICATE_BASE_URL, modelKey, policy]);
  let provider = replicateProviders.get(cacheKey);
  if (!provider) {
    provider = new ReplicateProvider({
      token: config.REPLICATE_API_TOKEN,
      baseUrl: config.REPLICATE_BASE_URL,
      model: resolveReplicateModel(modelKey),
      download: policy,
    });
    replicateProviders.set(cacheKey, provider);
  }
  return provider;
}

const sketch = new SketchProvider();

/** The provider new frames are drawn with. */
export function activeProvider(config: Env = env()): ImageProvider {
  return usesReplicate(config) ? replicate(config, config.REPLICATE_MODEL) : sketch;
}

/** The provider a stored frame was started on (config may have changed since). */
export function providerForFrame(frame: { provider: string; model: string }, config: Env = env()): ImageProvider {
  return frame.provider === "replicate" ? replicate(config, frame.model) : sketch;
}
