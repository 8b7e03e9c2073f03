import "server-only";
import type { Env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";
import type { ProviderDeps } from "./provider-entry";
import { createProvider, PROVIDER_IDS } from "./registry";
import { ProviderError, type Prediction, type ProviderId } from "./types";

/**
 * The provider-neutral half of a webhook route (`POST /api/webhooks/:provider`): which adapter,
 * is the signature good, what does the body say. Applying the prediction to its frame (once per
 * delivery id) stays with generation. Throws AppError: 404 for a provider that doesn't exist or
 * sends no signed webhooks, 401 for a bad signature, 400 for a body it can't read.
 */
export async function verifyWebhookDelivery(input: {
  providerId: ProviderId;
  request: Request;
  rawBody: string;
  config: Env;
  deps?: ProviderDeps;
}): Promise<{ prediction: Prediction; deliveryId: string | null }> {
  if (!PROVIDER_IDS.includes(input.providerId)) throw new AppError("NOT_FOUND", "No such webhook.");
  let provider;
  try {
    provider = createProvider(input.providerId, input.config, { deps: input.deps ?? {} });
  } catch (e) {
    if (e instanceof ProviderError) throw new AppError("UNAUTHORIZED", `Webhooks for ${input.providerId} are not configured.`);
    throw e;
  }
  if (!provider.verifyWebhook || !provider.parseWebhook) throw new AppError("NOT_FOUND", "This provider sends no webhooks.");
  const verdict = await provider.verifyWebhook(input.request, input.rawBody);
  if (!verdict.ok) throw new AppError("UNAUTHORIZED", `Webhook rejected: ${verdict.reason}.`);
  let body: unknown;
  try {
    body = JSON.parse(input.rawBody);
  } catch {
    throw new AppError("INVALID_REQUEST", "The webhook body is not valid JSON.");
  }
  try {
    return { prediction: provider.parseWebhook(body), deliveryId: verdict.deliveryId };
  } catch (e) {
    if (e instanceof ProviderError) throw new AppError("INVALID_REQUEST", e.message);
    throw e;
  }
}
