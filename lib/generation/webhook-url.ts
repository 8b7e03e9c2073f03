import type { Env } from "@/lib/config/env";
import type { ImageProvider } from "@/lib/providers/types";

type WebhookProvider = Pick<ImageProvider, "id" | "verifyWebhook" | "syncWaitSeconds">;

/**
 * Providers that sign their webhooks POST status changes to `/api/webhooks/{id}` when the app has
 * a public https URL; polling works without it. The URL names no frame: its query is not signed,
 * so the webhook finds the frame by prediction id.
 */
export function webhookUrlFor(config: Env, provider: WebhookProvider) {
  return (): string | null => {
    if (!provider.verifyWebhook || !config.PUBLIC_BASE_URL?.startsWith("https://")) return null;
    return `${config.PUBLIC_BASE_URL.replace(/\/$/, "")}/api/webhooks/${provider.id}`;
  };
}

/**
 * How long a background start waits for its output in one call (sync mode), or 0 for a plain
 * create. With webhooks the create returns at once: the provider tells us when the output exists.
 */
export function syncWaitSecondsFor(config: Env, provider: WebhookProvider): number {
  if (webhookUrlFor(config, provider)()) return 0;
  return provider.syncWaitSeconds ?? 0;
}
