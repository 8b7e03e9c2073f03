import type { StoryboardProgressDto } from "@/lib/storyboards/dto";
import { isInFlight, isRetryScheduled } from "./format-progress";

// When to ask GET /status again. Pure so the stop conditions are table-tested
// (tests/ui/poll-delay.test.ts); use-storyboard-progress.ts feeds it TanStack Query's state.

export const POLL_IN_FLIGHT_MS = 1000;
export const POLL_MAX_BACKOFF_MS = 30_000;
export const POLL_GIVE_UP_MS = 10 * 60_000;
const RETRY_WAIT_MIN_MS = 1000;
const RETRY_WAIT_MAX_MS = 5000;

export type PollInput = {
  progress: StoryboardProgressDto | undefined;
  /** Consecutive failed polls (0 after a success). */
  errorCount: number;
  /** When this round of polling began (ms). */
  startedAt: number;
  now: number;
  /**
   * The answer before this one was still active: check once more before stopping, so a poll that
   * raced the last frame's finalization (and saw it done but not yet selected) is not the last word.
   */
  justSettled?: boolean;
};

export type PollDecision =
  | { poll: true; delayMs: number }
  | { poll: false; reason: "settled" | "timeout" };

/** Does this progress still change without anyone acting? */
export function progressIsActive(progress: StoryboardProgressDto): boolean {
  return (
    progress.stage === "generating" ||
    progress.scenes.some((s) => isInFlight(s.latestFrame) || isRetryScheduled(s.latestFrame))
  );
}

export function nextPollDelay({ progress, errorCount, startedAt, now, justSettled = false }: PollInput): PollDecision {
  if (now - startedAt >= POLL_GIVE_UP_MS) return { poll: false, reason: "timeout" };

  // Back off while the poll itself fails: 2 s, 4 s, 8 s … at most 30 s.
  if (errorCount > 0) {
    return { poll: true, delayMs: Math.min(POLL_MAX_BACKOFF_MS, 1000 * 2 ** Math.min(errorCount, 15)) };
  }
  if (!progress) return { poll: true, delayMs: POLL_IN_FLIGHT_MS };

  if (progress.stage === "generating" || progress.scenes.some((s) => isInFlight(s.latestFrame))) {
    return { poll: true, delayMs: POLL_IN_FLIGHT_MS };
  }

  // Only scheduled retries left: come back about when the next one is due (the poll starts it).
  const dueTimes = progress.scenes
    .map((s) => s.latestFrame)
    .filter(isRetryScheduled)
    .map((f) => Date.parse(f?.nextAttemptAt ?? ""))
    .filter(Number.isFinite);
  if (dueTimes.length > 0) {
    const wait = Math.min(...dueTimes) - now;
    return { poll: true, delayMs: Math.min(RETRY_WAIT_MAX_MS, Math.max(RETRY_WAIT_MIN_MS, wait)) };
  }

  if (justSettled) return { poll: true, delayMs: POLL_IN_FLIGHT_MS };
  return { poll: false, reason: "settled" };
}
