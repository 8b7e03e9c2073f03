"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { SceneDto, StoryboardDto, StoryboardProgressDto } from "@/lib/storyboards/dto";
import { patchProgressScene } from "./merge-progress";
import { progressKey, storyboardKey } from "./query-keys";

/** Reads and writes one storyboard (and its progress poll) in the TanStack Query cache. */
export function useStoryboardCache(id: string) {
  const qc = useQueryClient();
  const getSb = useCallback(() => qc.getQueryData<StoryboardDto>(storyboardKey(id)), [qc, id]);
  const setSb = useCallback(
    (fn: (sb: StoryboardDto) => StoryboardDto) =>
      qc.setQueryData<StoryboardDto>(storyboardKey(id), (old) => (old ? fn(old) : old)),
    [qc, id],
  );
  /** Writes one scene's frames into the poll cache, after cancelling a poll that could land older data. */
  const writeFrames = useCallback(
    async (scene: Pick<SceneDto, "id" | "selectedFrame" | "latestFrame">) => {
      await qc.cancelQueries({ queryKey: progressKey(id), exact: true });
      qc.setQueryData<StoryboardProgressDto>(progressKey(id), (p) => patchProgressScene(p, scene));
    },
    [qc, id],
  );
  return { qc, getSb, setSb, writeFrames };
}

export type StoryboardCache = ReturnType<typeof useStoryboardCache>;
