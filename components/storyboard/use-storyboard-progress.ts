"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { getProgress } from "@/components/api/storyboards-api";
import type { StoryboardProgressDto } from "@/lib/storyboards/dto";
import { nextPollDelay, POLL_GIVE_UP_MS, progressIsActive } from "./poll-delay";
import { progressKey } from "./query-keys";

/**
 * The one poll of GET /api/storyboards/:id/status. TanStack Query re-evaluates `refetchInterval`
 * after every change of the query (a poll landing, a mutation writing into the cache), so the
 * interval is always computed from the latest data by nextPollDelay(); no timers of our own.
 */
export function useStoryboardProgress(storyboardId: string) {
  const queryClient = useQueryClient();
  const errorCount = useRef(0);
  // Whether the last two answers were active: [before last, last].
  const activity = useRef<[boolean, boolean]>([false, false]);
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const startedAtRef = useRef(startedAt);
  const [timedOut, setTimedOut] = useState(false);

  const query = useQuery<StoryboardProgressDto>({
    queryKey: progressKey(storyboardId),
    queryFn: async ({ signal }) => {
      try {
        const p = await getProgress(storyboardId, signal);
        errorCount.current = 0;
        activity.current = [activity.current[1], progressIsActive(p)];
        return p;
      } catch (e) {
        if (!signal.aborted) errorCount.current += 1;
        throw e;
      }
    },
    retry: false,
    staleTime: 0,
    refetchOnWindowFocus: true,
    // Hidden tab: the interval keeps ticking but fetches nothing; focus fetches once and resumes.
    refetchIntervalInBackground: false,
    refetchInterval: (q) => {
      const d = nextPollDelay({
        progress: q.state.data,
        errorCount: errorCount.current,
        startedAt: startedAtRef.current,
        now: Date.now(),
        justSettled: activity.current[0] && !activity.current[1],
      });
      return d.poll ? d.delayMs : false;
    },
  });

  const active = query.data ? progressIsActive(query.data) : true;

  // The give-up deadline only changes what the UI says; nextPollDelay already stops the polls.
  useEffect(() => {
    if (!active || timedOut) return;
    const t = setTimeout(() => setTimedOut(true), Math.max(0, startedAt + POLL_GIVE_UP_MS - Date.now()));
    return () => clearTimeout(t);
  }, [active, timedOut, startedAt]);

  /** Start a fresh round of polling (after starting frames, or "Check again" after a timeout). */
  const restart = useCallback(() => {
    const now = Date.now();
    startedAtRef.current = now;
    errorCount.current = 0;
    setStartedAt(now);
    setTimedOut(false);
    void queryClient.invalidateQueries({ queryKey: progressKey(storyboardId), exact: true });
  }, [queryClient, storyboardId]);

  return {
    progress: query.data,
    /** The last poll failed (we keep showing the last good data and back off). */
    pollError: query.error,
    failedPolls: query.error ? Math.max(1, errorCount.current) : 0,
    timedOut: timedOut && active,
    restart,
  };
}
