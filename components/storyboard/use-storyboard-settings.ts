"use client";

import { useMutation } from "@tanstack/react-query";
import { patchStoryboard, type StoryboardPatch } from "@/components/api/storyboards-api";
import { errorMessage } from "@/components/api/fetch-json";
import { toast } from "@/components/ui/toaster";
import { adoptStoryboardMeta, applyStoryboardPatch } from "./storyboard-cache";
import type { StoryboardCache } from "./use-storyboard-cache";

/** Title, style, aspect ratio, approval: shown at once, rolled back with a toast when the save fails. */
export function useStoryboardSettings(id: string, { getSb, setSb }: StoryboardCache) {
  const { mutate } = useMutation({
    mutationFn: (patch: StoryboardPatch) => patchStoryboard(id, patch),
    onMutate: (patch) => {
      const prev = getSb();
      setSb((sb) => applyStoryboardPatch(sb, patch, new Date()));
      return { prev };
    },
    onError: (e, patch, ctx) => {
      const prev = ctx?.prev;
      if (prev) setSb((sb) => adoptStoryboardMeta(sb, prev, patch));
      toast.show({ tone: "error", message: `Couldn't save that change: ${errorMessage(e)}` });
    },
    onSuccess: (server, patch) => setSb((sb) => adoptStoryboardMeta(sb, server, patch)),
  });
  return { updateStoryboard: mutate };
}
