/** Retries after a retryable failure: 2 s, 4 s, 8 s — three retries, four attempts in all. */
export const RETRY_DELAYS_SECONDS = [2, 4, 8] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** A provider's Retry-After is honoured up to this long. */
const MAX_RETRY_AFTER_SECONDS = 300;

/** Seconds until the next attempt after attempt `attempt` failed, or null when none is left. */
export function retryDelaySeconds(attempt: number, retryAfterSeconds: number | null): number | null {
  const base = RETRY_DELAYS_SECONDS[attempt - 1];
  if (base === undefined) return null;
  return Math.max(base, Math.min(retryAfterSeconds ?? 0, MAX_RETRY_AFTER_SECONDS));
}
