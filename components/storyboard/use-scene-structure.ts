"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback } from "react";
import { addScene, reorderScenes } from "@/components/api/storyboards-api";
import { errorMessage } from "@/components/api/fetch-json";
import { toast } from "@/components/ui/toaster";
import { adoptStructure, reorderStoryboard } from "./storyboard-cache";
import type { StoryboardCache } from "./use-storyboard-cache";

type StructureOp = { kind: "add"; afterSceneId: string | null } | { kind: "reorder"; sceneIds: string[] };

/**
 * Adding and reordering scenes, one after another (a mutation scope). Pending deletes are sent
 * first, so the server's list and ours agree on which scenes exist.
 */
export function useSceneStructure(id: string, { getSb, setSb }: StoryboardCache, flushDeletes: () => Promise<unknown>) {
  const { mutate, mutateAsync, isPending, variables } = useMutation({
    scope: { id: `structure:${id}` },
    mutationFn: async (op: StructureOp) => {
      await flushDeletes();
      if (op.kind === "add") return addScene(id, { afterSceneId: op.afterSceneId, description: "New scene" });
      // The server wants every scene exactly once: whatever was deleted meanwhile is gone from the list.
      const current = new Set(getSb()?.scenes.map((s) => s.id) ?? []);
      return reorderScenes(
        id,
        op.sceneIds.filter((x) => current.has(x)),
      );
    },
    onMutate: (op) => {
      if (op.kind !== "reorder") return { prevOrder: null };
      const prevOrder = getSb()?.scenes.map((s) => s.id) ?? null;
      setSb((sb) => reorderStoryboard(sb, op.sceneIds));
      return { prevOrder };
    },
    onError: (e, op, ctx) => {
      if (op.kind === "reorder" && ctx?.prevOrder) setSb((sb) => reorderStoryboard(sb, ctx.prevOrder ?? []));
      toast.show({
        tone: "error",
        message: op.kind === "add" ? `Couldn't add a scene: ${errorMessage(e)}` : `Couldn't save the new order: ${errorMessage(e)}`,
      });
    },
    onSuccess: (server) => setSb((sb) => adoptStructure(sb, server)),
  });

  /** Adds a scene after `afterSceneId` (null: first); resolves with the new scene's id. */
  const insertScene = useCallback(
    async (afterSceneId: string | null): Promise<string | null> => {
      const before = new Set(getSb()?.scenes.map((s) => s.id) ?? []);
      try {
        const server = await mutateAsync({ kind: "add", afterSceneId });
        return server.scenes.find((s) => !before.has(s.id))?.id ?? null;
      } catch {
        return null;
      }
    },
    [getSb, mutateAsync],
  );

  const reorder = useCallback((sceneIds: string[]) => mutate({ kind: "reorder", sceneIds }), [mutate]);

  return { insertScene, inserting: isPending && variables?.kind === "add", reorder };
}
