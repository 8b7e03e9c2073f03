import "server-only";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertStoryboardWithScenes } from "@/lib/db/queries/storyboards";
import type { StoryboardRow } from "@/lib/db/schema";
import type { PlannedIdea } from "@/lib/planner/plan-idea";
import type { PlanRequest } from "@/lib/planner/schema";

/** Saves a plan as a storyboard and its scenes (one atomic batch); returns the new id. */
export async function createStoryboard({
  db,
  workspaceId,
  request,
  planned,
  sourceKind,
}: {
  db: Db;
  workspaceId: string;
  request: PlanRequest;
  planned: PlannedIdea;
  sourceKind: StoryboardRow["sourceKind"];
}): Promise<string> {
  const { plan } = planned;
  const id = newId();
  const now = new Date();
  const totalDuration = Math.round(plan.scenes.reduce((sum, s) => sum + s.durationSeconds, 0) * 1000) / 1000;
  await insertStoryboardWithScenes({
    db,
    storyboard: {
      id,
      workspaceId,
      title: request.title ?? plan.title,
      logline: plan.logline,
      prompt: request.prompt,
      sourceKind,
      form: plan.form,
      style: request.style,
      aspectRatio: request.aspectRatio,
      targetDuration: request.targetDuration,
      totalDuration,
      status: "draft",
      plannerUsed: planned.planner,
      plannerModel: planned.model,
      styleBible: plan.styleBible,
      characters: plan.characters,
      createdAt: now,
      updatedAt: now,
    },
    sceneRows: plan.scenes.map((s, i) => ({
      id: newId(),
      storyboardId: id,
      order: i + 1,
      narrativeRole: s.narrativeRole,
      description: s.description,
      imagePrompt: s.imagePrompt,
      durationSeconds: s.durationSeconds,
      shotType: s.shotType,
      cameraMove: s.cameraMove,
      characters: s.characters,
      dialogue: s.dialogue,
      notes: s.notes,
      diagram: s.diagram ?? null,
      createdAt: now,
      updatedAt: now,
    })),
  });
  return id;
}
