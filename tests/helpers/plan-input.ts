import type { Plan, PlanScene } from "@/lib/planner/schema";
import type { ImageInput } from "@/lib/providers/types";

/**
 * What the sketch renderer is asked to draw for a planned scene, as generation builds it from the
 * stored rows (lib/generation/frame-input.ts), straight from the Plan: for corpus tests and sheets.
 */
export function planSceneInput(plan: Plan, scene: PlanScene, seed: number): ImageInput {
  const names = new Set(scene.characters);
  return {
    prompt: scene.imagePrompt,
    aspectRatio: "16:9",
    seed,
    outputFormat: "png",
    referenceImageUrl: null,
    webhookUrl: null,
    scene: {
      number: scene.order,
      description: scene.description,
      shotType: scene.shotType,
      cameraMove: scene.cameraMove,
      narrativeRole: scene.narrativeRole,
      durationSeconds: scene.durationSeconds,
      characters: plan.characters.filter((c) => names.has(c.name)),
      style: plan.styleBible,
      diagram: scene.diagram ?? null,
    },
  };
}
