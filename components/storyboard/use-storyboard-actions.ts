"use client";

import { useSceneDeletes } from "./use-scene-deletes";
import { useSceneEdits } from "./use-scene-edits";
import { useSceneStructure } from "./use-scene-structure";
import { useGenerationActions } from "./use-generation-actions";
import { useStoryboardCache } from "./use-storyboard-cache";
import { useStoryboardSettings } from "./use-storyboard-settings";

type Options = { storyboardId: string; restartPolling: () => void; /** Image provider picked for new drawings; absent: the active one. */ provider?: string };

/**
 * Every change the editor makes, optimistic and with rollback, one hook per concern: settings,
 * scene edits and selection, generation, deletes with undo, and structure (add, reorder).
 */
export function useStoryboardActions({ storyboardId: id, restartPolling, provider }: Options) {
  const cache = useStoryboardCache(id);
  const settings = useStoryboardSettings(id, cache);
  const edits = useSceneEdits(id, cache);
  const generation = useGenerationActions(id, cache, restartPolling, provider);
  const deletes = useSceneDeletes(id, cache);
  const structure = useSceneStructure(id, cache, deletes.flushDeletes);
  return { ...settings, ...edits, ...generation, ...deletes, ...structure };
}
