import "server-only";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertStoryboardWithScenes } from "@/lib/db/queries/storyboards";
import { parseStoryboardJson } from "@/lib/export/storyboard-json";

/** Recreates a storyboard (text, timing, style, cast — not the pictures) from an exported JSON file. */
export async function importStoryboard({ db, workspaceId, file }: { db: Db; workspaceId: string; file: unknown }): Promise<string> {
  const json = parseStoryboardJson(file);
  const id = newId();
  const now = new Date();
  const { storyboard: s } = json;
  await insertStoryboardWithScenes({
    db,
    storyboard: {
      id,
      workspaceId,
      title: s.title,
      logline: s.logline,
      prompt: s.prompt,
      sourceKind: "import",
      form: s.form,
      style: s.style,
      aspectRatio: s.aspectRatio,
      targetDuration: s.totalDuration,
      totalDuration: s.totalDuration,
      status: "draft",
      plannerUsed: "import",
      plannerModel: null,
      styleBible: s.styleBible,
      characters: s.characters,
      createdAt: now,
      updatedAt: now,
    },
    sceneRows: json.scenes.map((scene) => ({
      id: newId(),
      storyboardId: id,
      order: scene.order,
      narrativeRole: scene.narrativeRole,
      description: scene.description,
      imagePrompt: scene.imagePrompt,
      durationSeconds: scene.durationSeconds,
      shotType: scene.shotType,
      cameraMove: scene.cameraMove,
      characters: scene.characters,
      dialogue: scene.dialogue,
      notes: scene.notes,
      diagram: scene.diagram ?? null,
      createdAt: now,
      updatedAt: now,
    })),
  });
  return id;
}
