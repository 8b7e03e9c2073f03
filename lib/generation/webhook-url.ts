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
