import "server-only";
import type { Env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";
import { comfyuiEntry } from "./comfyui/entry";
import { falEntry } from "./fal/entry";
import { gpuServiceEntry } from "./gpu-service/entry";
import { openaiImagesEntry } from "./openai-images/entry";
import type { ProviderCheck, ProviderDeps, ProviderEntry } from "./provider-entry";
import { replicateEntry } from "./replicate/entry";
import { sketchEntry } from "./sketch/entry";
import type { ImageProvider, ProviderId } from "./types";

// Provider id → adapter factory. Generic code (generation, progress, webhooks, diagnostics) goes
// through here and names no provider; a new backend is one folder plus one line below.
const ENTRIES: readonly ProviderEntry[] = [sketchEntry, replicateEntry, falEntry, comfyuiEntry, openaiImagesEntry, gpuServiceEntry];
const BY_ID = new Map<ProviderId, ProviderEntry>(ENTRIES.map((e) => [e.id, e]));

export const PROVIDER_IDS: readonly ProviderId[] = ENTRIES.map((e) => e.id);

/** The registry entry for `id`. An unknown id is an error — never a silent sketch. */
export function providerEntry(id: ProviderId): ProviderEntry {
  const entry = BY_ID.get(id);
  if (!entry) {
    throw new AppError("INVALID_REQUEST", `Unknown image provider "${id}". Known providers: ${PROVIDER_IDS.join(", ")}.`);
  }
  return entry;
}

/** The provider id new frames are drawn with: IMAGE_PROVIDER, where auto keeps Replicate-if-token-else-sketch. */
export function activeProviderId(config: Env): ProviderId {
  if (config.IMAGE_PROVIDER !== "auto") return config.IMAGE_PROVIDER;
  return replicateEntry.isConfigured(config) ? replicateEntry.id : sketchEntry.id;
}

/** An adapter for `id` (its default model unless `modelKey` is given). */
export function createProvider(id: ProviderId, config: Env, options: { modelKey?: string; deps?: ProviderDeps } = {}): ImageProvider {
  const entry = providerEntry(id);
  return entry.create(config, options.modelKey ?? entry.defaultModel(config), options.deps ?? {});
}

/** Every provider whose configuration is present (sketch always), the active one first. */
export function configuredProviders(config: Env): ProviderEntry[] {
  const active = activeProviderId(config);
  return [...ENTRIES].filter((e) => e.isConfigured(config) || e.id === active).sort((a, b) => Number(b.id === active) - Number(a.id === active));
}

/**
 * One line per known provider. `live: "all"` runs every configured provider's check (/api/test-keys);
 * `live: "health"` only the free up-checks of self-hosted boxes (/api/health); `"none"` no network.
 */
export async function checkProviders(config: Env, options: { live: "all" | "health" | "none" }): Promise<ProviderCheck[]> {
  const active = activeProviderId(config);
  return Promise.all(
    ENTRIES.map(async (e): Promise<ProviderCheck> => {
      const configured = e.isConfigured(config);
      const base = { id: e.id, label: e.label, configured, active: e.id === active };
      const run = options.live === "all" || (options.live === "health" && e.checkIsHealth);
      if (!configured || !run || !e.check) return { ...base, ok: configured && !e.check ? true : null, latencyMs: null, detail: null, error: null };
      try {
        return { ...base, ...(await e.check(config)) };
      } catch {
        return { ...base, ok: false, latencyMs: null, detail: null, error: { code: "PROVIDER_ERROR", message: `${e.label} check failed.` } };
      }
    }),
  );
}
