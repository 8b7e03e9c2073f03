"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  addScene,
  cancelFrame,
  deleteScene,
  generateFrames,
  patchScene,
  patchStoryboard,
  reorderScenes,
  type ScenePatch,
  type StoryboardPatch,
} from "@/components/api/storyboards-api";
import { errorMessage, isApiError } from "@/components/api/fetch-json";
import { toast } from "@/components/ui/toaster";
import type { SceneDto, StoryboardDto, StoryboardProgressDto } from "@/lib/storyboards/dto";
import { patchProgressScene } from "./merge-progress";
import { progressKey, storyboardKey } from "./query-keys";
import {
  adoptStoryboardMeta,
  adoptStructure,
  applyStoryboardPatch,
  pickSceneText,
  removeScene,
  reorderStoryboard,
  updateScene,
} from "./storyboard-cache";

/** How long a deleted scene can be brought back. */
export const UNDO_MS = 6000;

type Options = { storyboardId: string; restartPolling: () => void };

/**
 * Every change the editor makes, optimistic and with rollback. Edits to scenes run one after
 * another (a mutation scope), so a slow save can never land after a newer one.
 */
export function useStoryboardActions({ storyboardId: id, restartPolling }: Options) {
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

  // ---- storyboard settings: title, style, aspect ratio, approval ----
  const storyboardMutation = useMutation({
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

  // ---- scene fields and frame selection ----
  const sceneMutation = useMutation({
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
      await sceneMutation.mutateAsync({ sceneId, patch });
    },
    // mutateAsync is stable across renders
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  // A picked variation shows at once and survives polls that have not seen it yet.
  const [selection, setSelection] = useState<Record<string, string>>({});
  const selectFrame = useCallback(
    (sceneId: string, frameId: string) => {
      setSelection((s) => ({ ...s, [sceneId]: frameId }));
      sceneMutation.mutate(
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setSb, writeFrames],
  );

  // ---- generation ----
  const [starting, setStarting] = useState<ReadonlySet<string>>(new Set());
  const [startingAll, setStartingAll] = useState(false);

  const generate = useCallback(
    async (input: { sceneIds?: string[]; force?: boolean } = {}) => {
      const ids = input.sceneIds ?? [];
      if (ids.length) setStarting((s) => new Set([...s, ...ids]));
      else setStartingAll(true);
      try {
        const res = await generateFrames(id, input);
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
    [id, qc, restartPolling],
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

  // ---- deleting, with an undo window ----
  // The DELETE is only sent when the undo window closes (or the editor is left), so Undo is a
  // purely local restore and never has to recreate a scene and its frames on the server.
  const pendingDeletes = useRef(new Map<string, { timer: ReturnType<typeof setTimeout>; toastId: string }>());
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const unhide = useCallback(
    (sceneId: string) =>
      setHidden((h) => {
        const next = new Set(h);
        next.delete(sceneId);
        return next;
      }),
    [],
  );

  const commitDelete = useCallback(
    async (sceneId: string, opts: { keepalive?: boolean } = {}) => {
      const pending = pendingDeletes.current.get(sceneId);
      if (!pending) return;
      clearTimeout(pending.timer);
      pendingDeletes.current.delete(sceneId);
      toast.dismiss(pending.toastId);
      try {
        const res = await deleteScene(id, sceneId, opts);
        setSb((sb) => removeScene(sb, sceneId, res.totalDuration));
        unhide(sceneId);
      } catch (e) {
        if (isApiError(e) && e.status === 404) {
          setSb((sb) => removeScene(sb, sceneId));
          unhide(sceneId);
          return;
        }
        unhide(sceneId);
        toast.show({ tone: "error", message: `Couldn't delete the scene, so it is back: ${errorMessage(e)}` });
      }
    },
    [id, setSb, unhide],
  );

  const flushDeletes = useCallback(
    (opts: { keepalive?: boolean } = {}) =>
      Promise.all([...pendingDeletes.current.keys()].map((sceneId) => commitDelete(sceneId, opts))),
    [commitDelete],
  );

  const undoDelete = useCallback(
    (sceneId: string) => {
      const pending = pendingDeletes.current.get(sceneId);
      if (!pending) return;
      clearTimeout(pending.timer);
      pendingDeletes.current.delete(sceneId);
      toast.dismiss(pending.toastId);
      unhide(sceneId);
    },
    [unhide],
  );

  const deleteSceneWithUndo = useCallback(
    (sceneId: string, label: string) => {
      if (pendingDeletes.current.has(sceneId)) return;
      setHidden((h) => new Set([...h, sceneId]));
      const toastId = toast.show({
        key: `delete-${sceneId}`,
        message: `${label} deleted`,
        action: { label: "Undo", onClick: () => undoDelete(sceneId) },
        durationMs: UNDO_MS,
        showTimer: true,
      });
      const timer = setTimeout(() => void commitDelete(sceneId), UNDO_MS);
      pendingDeletes.current.set(sceneId, { timer, toastId });
    },
    [commitDelete, undoDelete],
  );

  // Leaving the editor (another page, or the tab closing) ends the undo window: send the deletes
  // now, with keepalive so they survive the page going away.
  useEffect(() => {
    const onPageHide = () => void flushDeletes({ keepalive: true });
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      void flushDeletes({ keepalive: true });
    };
  }, [flushDeletes]);

  // ---- structure: add and reorder ----
  const structureMutation = useMutation({
    scope: { id: `structure:${id}` },
    mutationFn: async (op: { kind: "add"; afterSceneId: string | null } | { kind: "reorder"; sceneIds: string[] }) => {
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
        const server = await structureMutation.mutateAsync({ kind: "add", afterSceneId });
        return server.scenes.find((s) => !before.has(s.id))?.id ?? null;
      } catch {
        return null;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [getSb],
  );

  const reorder = useCallback(
    (sceneIds: string[]) => structureMutation.mutate({ kind: "reorder", sceneIds }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return {
    updateStoryboard: storyboardMutation.mutate,
    saveScene,
    selectFrame,
    selection,
    generate,
    starting,
    startingAll,
    cancel,
    deleteScene: deleteSceneWithUndo,
    hidden,
    flushDeletes,
    insertScene,
    inserting: structureMutation.isPending && structureMutation.variables?.kind === "add",
    reorder,
  };
}
