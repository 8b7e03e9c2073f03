import "server-only";
import { listRecentPredictTimes } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import type { GenerationDeps } from "./deps";

/** How many recent frames of a model inform its expected run time. */
const SAMPLE = 20;
/** A model's expected run time is re-read from the database at most this often per process. */
const CACHE_MS = 10_000;
/** A history this short is not kept: the next start reads again (a new model fills up fast). */
const MIN_CACHED = 5;
/** With a webhook the first check is only a safety net: webhooks lost in transit are rare. */
const WEBHOOK_GRACE_MS = 15_000;

/**
 * Milliseconds from a prediction's start to its first check (pure). Checked at about the 80th
 * percentile of recent run times, most frames are done at the first look: one GET each, where a
 * check every second of a 2 s job costs two or three. Replicate's predict_time leaves out the
 * queue and boot time before it, hence the margin. No history: one check interval, as before.
 */
export function firstCheckDelayMs(input: { predictTimesSeconds: number[]; intervalMs: number; webhook: boolean }): number {
  const times = input.predictTimesSeconds.filter((t) => t > 0).sort((a, b) => a - b);
  let expected = input.intervalMs;
  if (times.length > 0) {
    const p80 = times[Math.min(times.length - 1, Math.floor(times.length * 0.8))]!;
    expected = Math.min(60_000, Math.max(500, p80 * 1000 * 1.12 + 100));
  }
  return input.webhook ? expected + WEBHOOK_GRACE_MS : expected;
}

const cache = new Map<string, { at: number; times: number[] }>();

/** When the frame just started should be checked first, from its model's recent run times. */
export async function firstCheckAt(deps: GenerationDeps, frame: Pick<FrameRow, "provider" | "model" | "input">, startedAt: Date): Promise<Date> {
  const key = `${frame.provider}:${frame.model}`;
  let entry = cache.get(key);
  if (!entry || Date.now() - entry.at > CACHE_MS) {
    entry = { at: Date.now(), times: await listRecentPredictTimes({ db: deps.db, provider: frame.provider, model: frame.model, limit: SAMPLE }) };
    if (entry.times.length >= MIN_CACHED) cache.set(key, entry);
  }
  const delay = firstCheckDelayMs({ predictTimesSeconds: entry.times, intervalMs: deps.checkIntervalMs, webhook: Boolean(frame.input.webhookUrl) });
  return new Date(startedAt.getTime() + delay);
}

/** Tests and the bench start from a clean slate. */
export function resetCheckScheduleCache(): void {
  cache.clear();
}
