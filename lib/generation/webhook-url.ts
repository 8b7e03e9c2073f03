import type { Env } from "@/lib/config/env";

/**
 * Replicate POSTs status changes here when the app has a public https URL; polling works without it.
 * The URL names no frame: its query is not signed, so the webhook finds the frame by prediction id.
 */
export function webhookUrlFor(config: Env, providerId: string) {
  return (): string | null => {
    if (providerId !== "replicate" || !config.PUBLIC_BASE_URL?.startsWith("https://")) return null;
    return `${config.PUBLIC_BASE_URL.replace(/\/$/, "")}/api/webhooks/replicate`;
  };
}

/**
 * How long a background start waits for its output in one call (sync mode), or 0 for a plain
 * create. With webhooks the create returns at once: Replicate tells us when the output exists.
 */
export function syncWaitSecondsFor(config: Env, providerId: string): number {
  if (providerId === "sketch") return 1; // answers at once
  if (providerId !== "replicate" || webhookUrlFor(config, providerId)()) return 0;
  return config.REPLICATE_SYNC_WAIT_SECONDS;
}
