"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { deleteScene } from "@/components/api/storyboards-api";
import { errorMessage, isApiError } from "@/components/api/fetch-json";
import { toast } from "@/components/ui/toaster";
import { removeScene } from "./storyboard-cache";
import type { StoryboardCache } from "./use-storyboard-cache";

/** How long a deleted scene can be brought back. */
export const UNDO_MS = 6000;

/**
 * Deleting scenes with an undo window. The DELETE is only sent when the window closes (or the
 * editor is left), so Undo is a purely local restore and never has to recreate a scene and its
 * frames on the server.
 */
export function useSceneDeletes(id: string, { setSb }: StoryboardCache) {
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

  return { deleteScene: deleteSceneWithUndo, hidden, flushDeletes };
}
