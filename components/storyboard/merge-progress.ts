import type { FrameDto, SceneDto, StoryboardDto, StoryboardProgressDto, StoryboardStatus } from "@/lib/storyboards/dto";

// The editor keeps two caches: the storyboard (text, order, settings — changed only by the person)
// and the progress poll (frame fields — changed by generation). This joins them for rendering, so
// a poll landing mid-edit can never overwrite what someone is typing: polls carry no scene text.

export type SelectionOverrides = Readonly<Record<string, string>>;

function byNewest(a: FrameDto, b: FrameDto): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt);
}

/** Every succeeded frame we know of for a scene, newest first, each once. */
export function collectVariations(frames: (FrameDto | null | undefined)[]): FrameDto[] {
  const seen = new Map<string, FrameDto>();
  for (const f of frames) {
    if (f && f.status === "succeeded" && f.image && !seen.has(f.id)) seen.set(f.id, f);
  }
  return [...seen.values()].sort(byNewest);
}

function mergeScene(
  scene: SceneDto,
  live: StoryboardProgressDto["scenes"][number] | undefined,
  selectedOverride: string | undefined,
): SceneDto {
  const latestFrame = live ? live.latestFrame : scene.latestFrame;
  let selectedFrame = live ? live.selectedFrame : scene.selectedFrame;
  const variations = collectVariations([selectedFrame, latestFrame, ...scene.variations]);
  if (selectedOverride) selectedFrame = variations.find((f) => f.id === selectedOverride) ?? selectedFrame;
  if (latestFrame === scene.latestFrame && selectedFrame === scene.selectedFrame && variations.length === scene.variations.length) {
    return scene;
  }
  return { ...scene, latestFrame, selectedFrame, variations };
}

const STAGE_STATUS: Record<StoryboardProgressDto["stage"], StoryboardStatus | null> = {
  idle: null,
  generating: "generating",
  ready: "ready",
  partial: "partial",
  failed: "failed",
};

export function mergeProgress(
  storyboard: StoryboardDto,
  progress: StoryboardProgressDto | undefined,
  overrides: SelectionOverrides = {},
): StoryboardDto {
  const live = new Map(progress?.scenes.map((s) => [s.sceneId, s]) ?? []);
  const scenes = storyboard.scenes.map((s) => mergeScene(s, live.get(s.id), overrides[s.id]));
  if (!progress) return { ...storyboard, scenes };
  return {
    ...storyboard,
    scenes,
    status: STAGE_STATUS[progress.stage] ?? storyboard.status,
    cost: progress.cost,
  };
}

/** The progress cache after one scene's frames changed (a selection, a new attempt). */
export function patchProgressScene(
  progress: StoryboardProgressDto | undefined,
  scene: Pick<SceneDto, "id" | "selectedFrame" | "latestFrame">,
): StoryboardProgressDto | undefined {
  if (!progress) return progress;
  const entry = { sceneId: scene.id, selectedFrame: scene.selectedFrame, latestFrame: scene.latestFrame };
  const exists = progress.scenes.some((s) => s.sceneId === scene.id);
  return {
    ...progress,
    scenes: exists ? progress.scenes.map((s) => (s.sceneId === scene.id ? entry : s)) : [...progress.scenes, entry],
  };
}
