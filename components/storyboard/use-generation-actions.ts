"use client";

import { useCallback, useState } from "react";
import { cancelFrame, generateFrames, type GenerateInput } from "@/components/api/storyboards-api";
import { errorMessage } from "@/components/api/fetch-json";
import { toast } from "@/components/ui/toaster";
import { progressKey } from "./query-keys";
import type { StoryboardCache } from "./use-storyboard-cache";

/** Drawing frames (all, or some scenes, or forced redraws) and canceling one. */
export function useGenerationActions(id: string, { qc }: StoryboardCache, restartPolling: () => void, provider?: string) {
  const [starting, setStarting] = useState<ReadonlySet<string>>(new Set());
  const [startingAll, setStartingAll] = useState(false);

  const generate = useCallback(
    async (input: Omit<GenerateInput, "provider"> = {}) => {
      const ids = input.sceneIds ?? [];
      if (ids.length) setStarting((s) => new Set([...s, ...ids]));
      else setStartingAll(true);
      try {
        const res = await generateFrames(id, provider ? { ...input, provider } : input);
        await qc.cancelQueries({ queryKey: progressKey(id), exact: true });
        qc.setQueryData(progressKey(id), res.progress);
        restartPolling();
      } catch (e) {
        toast.show({ tone: "error", message: `Couldn't start drawing: ${errorMessage(e)}` });
      } finally {
        if (ids.length)
          setStarting((s) => {
            const next = new Set(s);
            ids.forEach((x) => next.delete(x));
            return next;
          });
        else setStartingAll(false);
      }
    },
    [id, qc, restartPolling, provider],
  );

  const cancel = useCallback(
    async (frameId: string) => {
      try {
        await cancelFrame(frameId);
      } catch (e) {
        toast.show({ tone: "error", message: `Couldn't cancel: ${errorMessage(e)}` });
      }
      await qc.invalidateQueries({ queryKey: progressKey(id), exact: true });
    },
    [id, qc],
  );

  return { generate, starting, startingAll, cancel };
}
