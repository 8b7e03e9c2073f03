"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { patchScene, type ScenePatch } from "@/components/api/storyboards-api";
import { errorMessage } from "@/components/api/fetch-json";
import { toast } from "@/components/ui/toaster";
import { pickSceneText, updateScene } from "./storyboard-cache";
import type { StoryboardCache } from "./use-storyboard-cache";

/**
 * Scene fields and frame selection. Edits run one after another (a mutation scope), so a slow save
 * can never land after a newer one.
 */
export function useSceneEdits(id: string, { getSb, setSb, writeFrames }: StoryboardCache) {
  // mutate and mutateAsync are stable across renders (TanStack binds them once per observer).
  const { mutate, mutateAsync } = useMutation({
    scope: { id: `scenes:${id}` },
    mutationFn: ({ sceneId, patch }: { sceneId: string; patch: ScenePatch }) => patchScene(id, sceneId, patch),
    onMutate: ({ sceneId, patch }) => {
      const keys = Object.keys(patch);
      const before = getSb()?.scenes.find((s) => s.id === sceneId);
      const text = pickSceneText(patch, keys);
      if (Object.keys(text).length > 0) setSb((sb) => updateScene(sb, sceneId, (s) => ({ ...s, ...text })));
      return { prev: before ? pickSceneText(before, keys) : {} };
    },
    onError: (_e, { sceneId }, ctx) => {
      if (ctx && Object.keys(ctx.prev).length > 0) setSb((sb) => updateScene(sb, sceneId, (s) => ({ ...s, ...ctx.prev })));
    },
    onSuccess: (res, { sceneId, patch }) => {
      const keys = Object.keys(patch);
      setSb((sb) => ({
        ...updateScene(sb, sceneId, (s) => ({ ...s, ...pickSceneText(res.scene, keys), revision: res.scene.revision })),
        totalDuration: res.totalDuration,
      }));
    },
  });

  /** Saves scene fields; resolves when saved, rejects with the server's error (the cache is rolled back). */
  const saveScene = useCallback(
    async (sceneId: string, patch: ScenePatch) => {
      await mutateAsync({ sceneId, patch });
    },
    [mutateAsync],
  );

  // A picked variation shows at once and survives polls that have not seen it yet.
  const [selection, setSelection] = useState<Record<string, string>>({});
  const selectFrame = useCallback(
    (sceneId: string, frameId: string) => {
      setSelection((s) => ({ ...s, [sceneId]: frameId }));
      mutate(
        { sceneId, patch: { selectedFrameId: frameId } },
        {
          onSuccess: async (res) => {
            setSb((sb) =>
              updateScene(sb, sceneId, (s) => ({
                ...s,
                selectedFrame: res.scene.selectedFrame,
                latestFrame: res.scene.latestFrame,
                variations: res.scene.variations,
              })),
            );
            await writeFrames(res.scene);
          },
          onError: (e) => toast.show({ tone: "error", message: `Couldn't pick that variation: ${errorMessage(e)}` }),
          onSettled: () =>
            setSelection((s) => {
              const { [sceneId]: _drop, ...rest } = s;
              return rest;
            }),
        },
      );
    },
    [mutate, setSb, writeFrames],
  );

  return { saveScene, selectFrame, selection };
}
