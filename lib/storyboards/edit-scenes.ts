import "server-only";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { getFrameById } from "@/lib/db/queries/frames";
import {
  deleteSceneById,
  getSceneById,
  insertSceneAt,
  listScenesByStoryboard,
  reorderScenes,
  updateSceneById,
} from "@/lib/db/queries/scenes";
import { getStoryboardById, refreshTotalDuration } from "@/lib/db/queries/storyboards";
import type { SceneRow, StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SceneCreate, ScenePatchInput } from "./schemas";

type Scope = { db: Db; workspaceId: string; storyboardId: string };

async function storyboardOrThrow({ db, workspaceId, storyboardId }: Scope): Promise<StoryboardRow> {
  const storyboard = await getStoryboardById({ db, workspaceId, id: storyboardId });
  if (!storyboard) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  return storyboard;
}

async function sceneOrThrow(scope: Scope, sceneId: string): Promise<SceneRow> {
  const scene = await getSceneById({ db: scope.db, storyboardId: scope.storyboardId, sceneId });
  if (!scene) throw new AppError("NOT_FOUND", "No scene with this id in this storyboard.");
  return scene;
}

/** A prompt for a scene a person added by hand, in the storyboard's style. */
function promptFor(storyboard: StoryboardRow, input: SceneCreate): string {
  const shot = (input.shotType ?? "medium").replace(/-/g, " ");
  const style = storyboard.styleBible;
  const look = style ? `${style.preset.replace(/-/g, " ")} style, ${style.lighting}, mood: ${style.mood.join(", ")}` : storyboard.style;
  return `${shot} shot. ${input.description}. ${look}.`;
}

export async function addScene(scope: Scope, input: SceneCreate): Promise<void> {
  const storyboard = await storyboardOrThrow(scope);
  const order = input.afterSceneId ? (await sceneOrThrow(scope, input.afterSceneId)).order + 1 : 1;
  await insertSceneAt({
    db: scope.db,
    scene: {
      id: newId(),
      storyboardId: scope.storyboardId,
      order,
      narrativeRole: null,
      description: input.description,
      imagePrompt: input.imagePrompt ?? promptFor(storyboard, input),
      durationSeconds: input.durationSeconds ?? 3,
      shotType: input.shotType ?? "medium",
      cameraMove: input.cameraMove ?? "static",
      characters: [],
      dialogue: input.dialogue ?? null,
      notes: input.notes ?? null,
    },
  });
  await refreshTotalDuration({ db: scope.db, storyboardId: scope.storyboardId });
}

export async function editScene(
  scope: Scope,
  sceneId: string,
  patch: ScenePatchInput,
): Promise<{ scene: SceneRow; totalDuration: number }> {
  await storyboardOrThrow(scope);
  await sceneOrThrow(scope, sceneId);
  if (patch.selectedFrameId) {
    const frame = await getFrameById({ db: scope.db, id: patch.selectedFrameId });
    if (!frame || frame.sceneId !== sceneId) throw new AppError("NOT_FOUND", "No frame with this id for this scene.");
    if (frame.status !== "succeeded") throw new AppError("CONFLICT", "Only a finished frame can be selected.");
  }
  const scene = await updateSceneById({ db: scope.db, storyboardId: scope.storyboardId, sceneId, patch });
  if (!scene) throw new AppError("NOT_FOUND", "No scene with this id in this storyboard.");
  const totalDuration =
    patch.durationSeconds !== undefined
      ? await refreshTotalDuration({ db: scope.db, storyboardId: scope.storyboardId })
      : (await storyboardOrThrow(scope)).totalDuration;
  return { scene, totalDuration };
}

export async function deleteScene(scope: Scope, sceneId: string): Promise<number> {
  await storyboardOrThrow(scope);
  const scene = await sceneOrThrow(scope, sceneId);
  await deleteSceneById({ db: scope.db, storyboardId: scope.storyboardId, scene });
  return refreshTotalDuration({ db: scope.db, storyboardId: scope.storyboardId });
}

/** Applies a new order; the list must name every scene exactly once. */
export async function reorderStoryboardScenes(scope: Scope, sceneIds: string[]): Promise<void> {
  await storyboardOrThrow(scope);
  const scenes = await listScenesByStoryboard({ db: scope.db, storyboardId: scope.storyboardId });
  const known = new Set(scenes.map((s) => s.id));
  const seen = new Set<string>();
  const issues: { path: string; message: string }[] = [];
  sceneIds.forEach((id, i) => {
    if (!known.has(id)) issues.push({ path: `sceneIds.${i}`, message: `${id} is not a scene of this storyboard` });
    else if (seen.has(id)) issues.push({ path: `sceneIds.${i}`, message: `${id} appears twice` });
    seen.add(id);
  });
  for (const s of scenes) if (!seen.has(s.id)) issues.push({ path: "sceneIds", message: `scene ${s.id} is missing` });
  if (issues.length > 0) {
    throw new AppError("INVALID_REQUEST", "The new order must list every scene of the storyboard exactly once.", { issues });
  }
  // The check above gives the issues; the statement re-checks as it writes (see reorderScenes).
  if (!(await reorderScenes({ db: scope.db, storyboardId: scope.storyboardId, sceneIds }))) {
    throw new AppError("CONFLICT", "The scenes changed while reordering (one was added or deleted); reload and try again.");
  }
}
