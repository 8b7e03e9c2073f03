import "server-only";
import { getFrameById } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import { isTerminal } from "./advance";
import type { GenerationDeps } from "./deps";
import { pollFrame } from "./poll-frame";
import { startFrame, type StartFrameOptions } from "./start-frame";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Background work for one frame after POST …/generate answered: start it (sync mode hands back
 * the output of a fast prediction in the same call, and it is stored at once), then — for a
 * prediction still running when the wait ended, or a retryable failure — keep it moving until it
 * settles or `deps.followUpMs` runs out: a check at the model's expected finish, a due retry.
 * Whatever is left after that is the next poll's, webhook's or sweep's; they share the same leases.
 */
export async function startAndFollowFrame(deps: GenerationDeps, frame: FrameRow, options: StartFrameOptions): Promise<FrameRow> {
  let current = await startFrame(deps, frame, { ...options, finalize: "inline" });
  const until = Date.now() + (deps.followUpMs ?? 0);
  while (Date.now() < until) {
    const due = nextFollowUpAt(current, deps.checkIntervalMs, Date.now());
    if (due === null || due > until) break;
    await sleep(due - Date.now());
    const fresh = (await getFrameById({ db: deps.db, id: current.id })) ?? current;
    // With a webhook the provider tells us; polls only follow frames that would otherwise sit still.
    current = await pollFrame(deps, fresh, { finalize: "inline" });
  }
  return current;
}

/** Follow-up checks of a long prediction spread out: a quarter of its age, at most this far apart. */
const MAX_FOLLOW_GAP_MS = 10_000;

/**
 * When the background work should next look at this frame (epoch ms), or null when asking would
 * not change it (pure). A prediction still running past its expected finish is checked at a
 * quarter of its age apart (≥ one interval, ≤ 10 s): a 2 s model about every second, a 10 min one
 * every 10 s — never once a second for minutes.
 */
export function nextFollowUpAt(
  frame: Pick<FrameRow, "status" | "nextAttemptAt" | "input" | "leaseExpiresAt" | "nextCheckAt" | "lastCheckedAt" | "createdAt">,
  intervalMs: number,
  now: number,
): number | null {
  if (frame.status === "failed") return frame.nextAttemptAt ? frame.nextAttemptAt.getTime() : null;
  // queued: someone else holds the start; a webhook frame is told, not asked.
  if (isTerminal(frame.status) || frame.status === "queued" || frame.input.webhookUrl) return null;
  if (frame.status === "finalizing" && frame.leaseExpiresAt) return frame.leaseExpiresAt.getTime() + 1;
  const checkAt = frame.nextCheckAt?.getTime() ?? 0;
  const lastAt = frame.lastCheckedAt?.getTime() ?? 0;
  const gap = Math.min(MAX_FOLLOW_GAP_MS, Math.max(intervalMs, 0.25 * (now - frame.createdAt.getTime())));
  return Math.max(checkAt, lastAt + (lastAt ? gap : 0), now);
}
