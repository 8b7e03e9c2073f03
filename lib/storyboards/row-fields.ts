import type { SceneRow, StoryboardRow } from "@/lib/db/schema";
import type { AspectRatio, CameraMove, Form, NarrativeRole, ShotType, StylePreset } from "@/lib/planner/schema";

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
    diagram: scene.diagram ?? null,
  };
}

/** A storyboard row's descriptive fields, typed as the domain knows them. */
export function storyboardFieldsOf(s: StoryboardRow) {
  return {
    id: s.id,
    title: s.title,
    logline: s.logline,
    prompt: s.prompt,
    form: (s.form as Form | null) ?? null,
    style: s.style as StylePreset,
    aspectRatio: s.aspectRatio as AspectRatio,
    totalDuration: s.totalDuration,
    styleBible: s.styleBible ?? null,
    characters: s.characters ?? [],
  };
}
