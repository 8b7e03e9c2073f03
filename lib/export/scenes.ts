import type { ExportScene, ExportStoryboard } from "@/lib/export/types";

/** Scenes in play order; ties keep their given order. */
export function orderedScenes(sb: ExportStoryboard): ExportScene[] {
  return sb.scenes
    .map((scene, index) => ({ scene, index }))
    .sort((a, b) => a.scene.order - b.scene.order || a.index - b.index)
    .map(({ scene }) => scene);
}

/**
 * Total running time, summed from the scenes rather than read from `totalDuration` so every export
 * (cover, JSON, animatic) agrees with the scenes it prints. Rounded to the millisecond to hide float noise.
 */
export function runningTime(scenes: readonly Pick<ExportScene, "durationSeconds">[]): number {
  return Math.round(scenes.reduce((sum, s) => sum + s.durationSeconds, 0) * 1000) / 1000;
}
