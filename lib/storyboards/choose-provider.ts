import "server-only";
import { env, type Env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";
import { appProviderDeps } from "@/lib/generation/provider-deps";
import { activeProviderId, configuredProviders, createProvider } from "@/lib/providers/registry";
import { ProviderError, type ImageProvider } from "@/lib/providers/types";

/**
 * The adapter new frames of this request are drawn with: the one the person picked (it must be
 * configured), else the active one (IMAGE_PROVIDER). A pick that is unknown or not configured is a
 * 400 naming the configured providers; so is a configured one that cannot run (e.g. the GPU
 * service without PUBLIC_BASE_URL to call back to).
 */
export function chooseProvider(requested: string | undefined, config: Env = env()): ImageProvider {
  const configured = configuredProviders(config).map((e) => e.id);
  const id = requested ?? activeProviderId(config);
  if (requested !== undefined && !configured.includes(requested)) {
    throw new AppError("INVALID_REQUEST", `Image provider "${requested}" is not configured here. Configured providers: ${configured.join(", ")}.`, {
      details: { configuredProviders: configured },
    });
  }
  try {
    return createProvider(id, config, { deps: appProviderDeps() });
  } catch (e) {
    if (requested !== undefined && e instanceof ProviderError) {
      throw new AppError("INVALID_REQUEST", `Image provider "${requested}" cannot draw here: ${e.message}`, { details: { configuredProviders: configured } });
    }
    throw e;
  }
}

/** Price and ETA figures of the provider a storyboard's frames are drawn with (never throws). */
export function providerForFigures(lastFrame: { provider: string; model: string } | undefined, config: Env = env()): ImageProvider | null {
  try {
    if (lastFrame) return createProvider(lastFrame.provider, config, { modelKey: lastFrame.model, deps: appProviderDeps() });
  } catch {
    // The provider it was drawn with went away: fall back to the active one.
  }
  try {
    return createProvider(activeProviderId(config), config, { deps: appProviderDeps() });
  } catch {
    return null;
  }
}
