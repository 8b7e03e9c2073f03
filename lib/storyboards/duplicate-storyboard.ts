import "server-only";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertFrameStatement, insertSceneStatement, insertStoryboardStatement } from "@/lib/db/queries/edit-statements";
import { AppError } from "@/lib/errors";
import { framesByScene } from "@/lib/generation/latest-frames";
import { storyboardPrefix } from "@/lib/storage/keys";
import type { Storage } from "@/lib/storage/types";
import { runStatements, type Statement } from "./edit-log";
import { importedTitle } from "./import-storyboard";
import { loadStoryboardOrThrow } from "./load-storyboard";

/**
 * Duplicates a storyboard with its scenes and every finished frame (the files copied under the
 * new storyboard, so deleting either never touches the other's pictures); titled "… (copy)",
 * unapproved, with a fresh history. Failed and in-flight attempts are not copied.
 */
export async function duplicateStoryboard({
  db,
  storage,
  workspaceId,
  id,
}: {
  db: Db;
  storage: Storage;
  workspaceId: string;
  id: string;
}): Promise<string> {
  const { storyboard: s, scenes, frames } = await loadStoryboardOrThrow({ db, workspaceId, id });
  const copyId = newId();
  const from = storyboardPrefix(s.id);
  const to = storyboardPrefix(copyId);
  const rekey = (key: string | null) => (key && key.startsWith(from) ? to + key.slice(from.length) : key);
  const byScene = framesByScene(frames);
  const succeeded = scenes.flatMap((scene) => byScene.get(scene.id)?.succeeded ?? []);

  const copied = new Set<string>();
  try {
    for (const frame of succeeded) {
      for (const key of [frame.originalKey, frame.displayKey, frame.thumbnailKey]) {
        if (!key || copied.has(key)) continue;
        const object = await storage.get(key);
        if (!object) throw new AppError("STORAGE_ERROR", "A stored frame of this storyboard is missing; it cannot be duplicated.");
        await storage.put(rekey(key)!, object.body, { contentType: object.contentType });
        copied.add(key);
      }
    }
    const now = new Date();
    const statements: Statement[] = [
      insertStoryboardStatement(db, {
        ...s,
        id: copyId,
        title: importedTitle(s.title, " (copy)"),
        status: s.status === "generating" ? "draft" : s.status,
        approvedAt: null,
        approvedBy: null,
        revision: 0,
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
      }),
    ];
    for (const scene of scenes) {
      const sceneId = newId();
      const ids = new Map<string, string>();
      const copies = (byScene.get(scene.id)?.succeeded ?? []).map((f) => {
        const frameId = newId();
        ids.set(f.id, frameId);
        return {
          ...f,
          id: frameId,
          sceneId,
          storyboardId: copyId,
          // Not the upstream prediction: its id is unique to the original frame.
          predictionId: null,
          retryOfFrameId: null,
          leaseToken: null,
          leaseExpiresAt: null,
          originalKey: rekey(f.originalKey),
          displayKey: rekey(f.displayKey),
          thumbnailKey: rekey(f.thumbnailKey),
        };
      });
      const selectedFrameId = (scene.selectedFrameId && ids.get(scene.selectedFrameId)) ?? null;
      statements.push(
        insertSceneStatement(db, { ...scene, id: sceneId, storyboardId: copyId, selectedFrameId, revision: 0, deletedAt: null, createdAt: now, updatedAt: now }),
        ...copies.map((f) => insertFrameStatement(db, f)),
      );
    }
    // One batch: the copy lands whole or not at all.
    await runStatements(db, statements);
  } catch (e) {
    if (copied.size > 0) await storage.deletePrefix(to).catch(() => {});
    throw e;
  }
  return copyId;
}
