import type { AspectRatio, Character, ShotType, CameraMove, NarrativeRole } from "@/lib/planner/schema";
import type { ImageInput, SceneContext } from "@/lib/providers/types";

export const STYLE = {
  preset: "pencil-sketch" as const,
  palette: ["#c8553d", "#2c2b29", "#f4f0e6"],
  lighting: "soft morning light",
  mood: ["warm"],
};

export const MAYA: Character = { name: "Maya", look: "young woman, long dark hair", wardrobe: "rust denim jacket" };
export const LEO: Character = { name: "Leo", look: "barista, man with a beard", wardrobe: "grey apron" };

export function sceneOf(over: Partial<SceneContext> = {}): SceneContext {
  return {
    number: 1,
    description: "Maya walks along a city street in the morning.",
    shotType: "wide",
    cameraMove: "static",
    narrativeRole: null,
    durationSeconds: 4,
    characters: [MAYA],
    style: STYLE,
    ...over,
  };
}

export function inputOf(
  scene: Partial<SceneContext> | null = {},
  over: Partial<Omit<ImageInput, "scene">> = {},
): ImageInput {
  const sc = scene === null ? null : sceneOf(scene);
  return {
    prompt: sc ? `${sc.description} Pencil storyboard sketch.` : "A woman drinks coffee by the window.",
    aspectRatio: "16:9",
    seed: 42,
    outputFormat: "png",
    referenceImageUrl: null,
    scene: sc,
    webhookUrl: null,
    ...over,
  };
}

export type BoardScene = {
  shotType: ShotType;
  cameraMove: CameraMove;
  narrativeRole: NarrativeRole;
  description: string;
  characters: Character[];
};

/** Six scenes of a 30 s coffee ad, the way a planner would lay them out. */
export const COFFEE_AD: BoardScene[] = [
  { shotType: "extreme-wide", cameraMove: "pan", narrativeRole: "hook", description: "Dawn over the city skyline, streets still empty.", characters: [] },
  { shotType: "wide", cameraMove: "truck", narrativeRole: "intro", description: "Maya walks along the city street toward the café.", characters: [MAYA] },
  { shotType: "medium", cameraMove: "static", narrativeRole: "feature", description: "Maya and the barista talk across the café counter.", characters: [MAYA, LEO] },
  { shotType: "insert", cameraMove: "static", narrativeRole: "feature", description: "The product: a package of single-origin beans.", characters: [] },
  { shotType: "close-up", cameraMove: "dolly-in", narrativeRole: "feature", description: "Maya sips her coffee and smiles.", characters: [MAYA] },
  { shotType: "extreme-close-up", cameraMove: "static", narrativeRole: "cta", description: "Her eye catches the morning light.", characters: [MAYA] },
];

export const ASPECTS_3: AspectRatio[] = ["16:9", "9:16", "1:1"];
