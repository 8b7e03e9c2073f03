import "server-only";
import { insertFrameStatement, updateSceneStatement } from "@/lib/db/queries/edit-statements";
import type { FrameRow } from "@/lib/db/schema";
import type { Storage } from "@/lib/storage/types";
import { editableStoryboardOrThrow, logStatements, runStatements, type EditEntry } from "./edit-log";
import { rowsOf, sceneOrThrow, type Scope } from "./edit-scenes";
import { imageFromUpload, storeFrameImage, storedFrameRow } from "./frame-images";

/**
 * Your own picture for a scene: validated and processed like a generated frame, stored the same
 * way, recorded as a new succeeded frame (a variation) that becomes the selected one — one batch.
 * Undo goes back to the frame shown before; the upload stays among the variations.
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
  const storyboard = await editableStoryboardOrThrow(scope.db, scope.workspaceId, scope.storyboardId);
  const scene = await sceneOrThrow(scope.db, scope.storyboardId, sceneId);
  const now = new Date();
  const frame = storedFrameRow({ storyboard, scene, image, provider: "upload", model: "upload", seed: null, now });
  const entry: EditEntry = {
    storyboardId: scope.storyboardId,
    kind: "frame.upload",
    sceneId,
    before: { selectedFrameId: scene.selectedFrameId },
    after: { selectedFrameId: frame.id },
    now,
  };
  const results = await runStatements(scope.db, [
    insertFrameStatement(scope.db, frame),
    updateSceneStatement(scope.db, { storyboardId: scope.storyboardId, sceneId, patch: { selectedFrameId: frame.id }, expectRevision: null, now }),
    ...logStatements(scope.db, entry, null),
  ]);
  return rowsOf<FrameRow>(results[0])[0]!;
}
