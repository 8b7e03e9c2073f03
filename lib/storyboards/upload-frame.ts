import "server-only";
import { updateSceneById } from "@/lib/db/queries/scenes";
import type { FrameRow } from "@/lib/db/schema";
import type { Storage } from "@/lib/storage/types";
import { editableStoryboardOrThrow, recordEdit } from "./edit-log";
import { sceneOrThrow, type Scope } from "./edit-scenes";
import { imageFromUpload, insertStoredFrame, storeFrameImage } from "./frame-images";

/**
 * Your own picture for a scene: validated and processed like a generated frame, stored the same
 * way, recorded as a new succeeded frame (a variation) that becomes the selected one. Undo goes
 * back to the frame shown before; the upload stays among the variations.
 */
export async function uploadSceneFrame(
  scope: Scope & { storage: Storage },
  sceneId: string,
  upload: { body: Buffer; contentType: string },
): Promise<FrameRow> {
  // Refuse a locked storyboard or an unknown scene before the (slow) image work.
  await editableStoryboardOrThrow(scope.db, scope.workspaceId, scope.storyboardId);
  await sceneOrThrow(scope.db, scope.storyboardId, sceneId);
  const image = await storeFrameImage(scope.storage, scope.storyboardId, await imageFromUpload(upload.body, upload.contentType));
  return scope.db.transaction(async (tx) => {
    const storyboard = await editableStoryboardOrThrow(tx, scope.workspaceId, scope.storyboardId);
    const scene = await sceneOrThrow(tx, scope.storyboardId, sceneId);
    const now = new Date();
    const frame = await insertStoredFrame(tx, { storyboard, scene, image, provider: "upload", model: "upload", seed: null, now });
    await updateSceneById({ db: tx, storyboardId: scope.storyboardId, sceneId, patch: { selectedFrameId: frame.id } });
    await recordEdit(tx, {
      storyboardId: scope.storyboardId,
      kind: "frame.upload",
      sceneId,
      before: { selectedFrameId: scene.selectedFrameId },
      after: { selectedFrameId: frame.id },
      now,
    });
    return frame;
  });
}
