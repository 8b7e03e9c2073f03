import "server-only";
import type { FrameRow, SceneRow, StoryboardRow } from "@/lib/db/schema";
import { framesByScene, selectedFrameOf } from "@/lib/generation/latest-frames";
import type { ProgressSummary } from "@/lib/generation/progress";
import type { Storage } from "@/lib/storage/types";
import type { DeletedSceneDto, FrameDto, SceneDto, StoryboardDto, StoryboardProgressDto } from "./dto";
import { sceneFieldsOf, storyboardFieldsOf } from "./row-fields";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function toFrameDto(frame: FrameRow, storage: Storage): Promise<FrameDto> {
  const image =
    frame.status === "succeeded" && frame.displayKey && frame.thumbnailKey && frame.originalKey
      ? {
          url: await storage.url(frame.displayKey),
          thumbnailUrl: await storage.url(frame.thumbnailKey),
          originalUrl: await storage.url(frame.originalKey),
          width: frame.width ?? 0,
          height: frame.height ?? 0,
        }
      : null;
  return {
    id: frame.id,
    sceneId: frame.sceneId,
    status: frame.status,
    progress: frame.progress,
    attempt: frame.attempt,
    provider: frame.provider,
    model: frame.model,
    predictionId: frame.predictionId,
    errorCode: frame.errorCode,
    errorMessage: frame.errorMessage,
    nextAttemptAt: iso(frame.status === "failed" ? frame.nextAttemptAt : null),
    image,
    depicts: frame.depicts ?? [],
    seed: frame.seed,
    cost: frame.cost,
    createdAt: frame.createdAt.toISOString(),
    completedAt: iso(frame.completedAt),
  };
}

/** Per scene: the selected frame, the newest attempt and the variations, as DTOs. */
export async function sceneFrames(scenes: SceneRow[], frames: FrameRow[], storage: Storage) {
  const byScene = framesByScene(frames);
  const cache = new Map<string, Promise<FrameDto>>();
  const dto = (f: FrameRow | null) => {
    if (!f) return Promise.resolve(null);
    if (!cache.has(f.id)) cache.set(f.id, toFrameDto(f, storage));
    return cache.get(f.id)!;
  };
  return Promise.all(
    scenes.map(async (scene) => {
      const entry = byScene.get(scene.id);
      const succeeded = entry?.succeeded ?? [];
      return {
        sceneId: scene.id,
        selectedFrame: await dto(selectedFrameOf(scene.selectedFrameId, succeeded)),
        latestFrame: await dto(entry?.latest ?? null),
        variations: (await Promise.all(succeeded.map((f) => dto(f)))) as FrameDto[],
      };
    }),
  );
}

export async function toStoryboardDto(input: {
  storyboard: StoryboardRow;
  scenes: SceneRow[];
  frames: FrameRow[];
  progress: ProgressSummary;
  storage: Storage;
  deletedScenes?: SceneRow[];
}): Promise<StoryboardDto> {
  const { storyboard: s, progress } = input;
  const scenes = [...input.scenes].sort((a, b) => a.order - b.order);
  const frames = await sceneFrames(scenes, input.frames, input.storage);
  return {
    ...storyboardFieldsOf(s),
    targetDuration: s.targetDuration,
    status: progress.storyboardStatus,
    plannerUsed: s.plannerUsed,
    plannerModel: s.plannerModel,
    approvedAt: iso(s.approvedAt),
    approvedBy: s.approvedBy,
    revision: s.revision,
    stage: progress.stage,
    scenesCompleted: progress.scenesCompleted,
    scenesFailed: progress.scenesFailed,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    cost: progress.cost,
    scenes: scenes.map((scene, i): SceneDto => ({
      ...sceneFieldsOf(scene),
      revision: scene.revision,
      selectedFrame: frames[i]!.selectedFrame,
      latestFrame: frames[i]!.latestFrame,
      variations: frames[i]!.variations,
    })),
    deletedScenes: (input.deletedScenes ?? []).map(
      (d): DeletedSceneDto => ({ id: d.id, order: d.order, description: d.description, deletedAt: d.deletedAt?.toISOString() ?? "" }),
    ),
  };
}

export async function toProgressDto(input: {
  scenes: SceneRow[];
  frames: FrameRow[];
  progress: ProgressSummary;
  storage: Storage;
}): Promise<StoryboardProgressDto> {
  const scenes = [...input.scenes].sort((a, b) => a.order - b.order);
  const frames = await sceneFrames(scenes, input.frames, input.storage);
  const { storyboardStatus: _status, ...progress } = input.progress;
  return {
    ...progress,
    scenes: frames.map(({ sceneId, selectedFrame, latestFrame }) => ({ sceneId, selectedFrame, latestFrame })),
  };
}
