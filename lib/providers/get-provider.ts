import "server-only";
import { env, type Env } from "@/lib/config/env";
import type { ProviderDeps } from "./provider-entry";
import { activeProviderId, createProvider } from "./registry";
import type { ImageProvider } from "./types";

// The functions generation calls today, kept with their signatures and implemented through the
// registry (lib/providers/registry.ts), so wiring a new provider into generation is a no-op here.

export { downloadPolicy } from "./download-policy";

export function usesReplicate(config: Env): boolean {
  return activeProviderId(config) === "replicate";
}

/** The provider new frames are drawn with. */
export function activeProvider(config: Env = env(), deps: ProviderDeps = {}): ImageProvider {
  return createProvider(activeProviderId(config), config, { deps });
}

/** The provider a stored frame was started on (config may have changed since). Unknown ids throw. */
export function providerForFrame(frame: { provider: string; model: string }, config: Env = env(), deps: ProviderDeps = {}): ImageProvider {
  return createProvider(frame.provider, config, { modelKey: frame.model, deps });
}
