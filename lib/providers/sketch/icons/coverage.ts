import type { SceneContext } from "@/lib/providers/types";
import { readSceneNouns } from "./scene-nouns";

// How much of what a scene names its frame shows: the description's drawable nouns (people,
// animals, things, vehicles, places the index knows) against the frame's `depicts`.

/**
 * The description's subjects and props: people, animals, things, vehicles, buildings. Scenery the
 * index files as natural objects ("canal", "hole", "sea") is the setting's and not counted.
 */
export function drawableNouns(scene: Pick<SceneContext, "description" | "characters">): string[] {
  return readSceneNouns(scene.description, "", scene.characters.map((c) => c.name))
    .filter((n) => n.category !== "nature")
    .map((n) => n.noun);
}

export function coverageOf(scene: Pick<SceneContext, "description" | "characters">, depicts: readonly string[]): { nouns: string[]; missing: string[] } {
  const have = new Set(depicts.map((d) => d.toLowerCase()));
  const nouns = drawableNouns(scene);
  // A named character in the description counts through its name.
  const names = scene.characters.filter((c) => scene.description.toLowerCase().includes(c.name.toLowerCase())).map((c) => c.name.toLowerCase());
  const missing = [...nouns.filter((n) => !have.has(n)), ...names.filter((n) => !have.has(n))];
  return { nouns: [...nouns, ...names], missing };
}
