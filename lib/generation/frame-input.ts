import { randomInt } from "node:crypto";
import type { SceneRow, StoryboardRow } from "@/lib/db/schema";
import type { AspectRatio, CameraMove, NarrativeRole, ShotType, StyleBible } from "@/lib/planner/schema";
import type { ImageInput } from "@/lib/providers/types";

const FALLBACK_STYLE: StyleBible = {
  preset: "pencil-sketch",
  palette: ["#d9822b", "#3b4252"],
  lighting: "soft natural light",
  mood: ["grounded"],
};

/** What a provider is asked to draw for a scene. */
export function frameInputFor(input: {
  storyboard: StoryboardRow;
  scene: SceneRow;
  outputFormat: ImageInput["outputFormat"];
  webhookUrl: string | null;
  prompt?: string;
  referenceImageUrl?: string | null;
  seed?: number;
}): ImageInput {
  const { storyboard, scene } = input;
  const names = new Set(scene.characters ?? []);
  const characters = (storyboard.characters ?? []).filter((c) => names.has(c.name));
  return {
    prompt: input.prompt ?? scene.imagePrompt,
    aspectRatio: storyboard.aspectRatio as AspectRatio,
    seed: input.seed ?? randomInt(1, 2_147_483_647),
    outputFormat: input.outputFormat,
    referenceImageUrl: input.referenceImageUrl ?? null,
    webhookUrl: input.webhookUrl,
    scene: {
      number: scene.order,
      description: scene.description,
      shotType: scene.shotType as ShotType,
      cameraMove: scene.cameraMove as CameraMove,
      narrativeRole: (scene.narrativeRole as NarrativeRole | null) ?? null,
      durationSeconds: scene.durationSeconds,
      characters,
      style: storyboard.styleBible ?? { ...FALLBACK_STYLE, preset: storyboard.style as StyleBible["preset"] },
      diagram: scene.diagram ?? null,
    },
  };
}
