import type { SceneRow } from "@/lib/db/schema";
import type { CameraMove, NarrativeRole, ShotType } from "@/lib/planner/schema";

/** A scene row's own fields, typed as the domain knows them (the database stores plain text). */
export function sceneFieldsOf(scene: SceneRow) {
  return {
    id: scene.id,
    order: scene.order,
    narrativeRole: (scene.narrativeRole as NarrativeRole | null) ?? null,
    description: scene.description,
    imagePrompt: scene.imagePrompt,
    durationSeconds: scene.durationSeconds,
    shotType: scene.shotType as ShotType,
    cameraMove: scene.cameraMove as CameraMove,
    characters: scene.characters ?? [],
    dialogue: scene.dialogue,
    notes: scene.notes,
  };
}
