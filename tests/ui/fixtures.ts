import type { FrameDto, SceneDto, StoryboardDto, StoryboardProgressDto } from "@/lib/storyboards/dto";

export function frame(over: Partial<FrameDto> = {}): FrameDto {
  const id = over.id ?? "f1";
  return {
    id,
    sceneId: "s1",
    status: "succeeded",
    progress: null,
    attempt: 1,
    provider: "sketch",
    model: "sketch-v1",
    predictionId: `p-${id}`,
    errorCode: null,
    errorMessage: null,
    nextAttemptAt: null,
    image:
      over.status && over.status !== "succeeded"
        ? null
        : { url: `/api/files/${id}.webp`, thumbnailUrl: `/api/files/${id}-t.webp`, originalUrl: `/api/files/${id}.png`, width: 1280, height: 720 },
    depicts: [],
    seed: 1,
    cost: 0,
    createdAt: "2025-01-01T00:00:00.000Z",
    completedAt: null,
    ...over,
  };
}

export function scene(over: Partial<SceneDto> = {}): SceneDto {
  return {
    id: "s1",
    order: 1,
    narrativeRole: null,
    description: "A lighthouse at dusk",
    imagePrompt: "lighthouse, dusk, pencil sketch",
    diagram: null,
    durationSeconds: 5,
    shotType: "wide",
    cameraMove: "static",
    characters: [],
    dialogue: null,
    notes: null,
    revision: 0,
    selectedFrame: null,
    latestFrame: null,
    variations: [],
    ...over,
  };
}

export function storyboard(over: Partial<StoryboardDto> = {}): StoryboardDto {
  return {
    id: "b1",
    title: "Lighthouse",
    logline: null,
    prompt: "a lighthouse keeper",
    form: "story",
    style: "pencil-sketch",
    aspectRatio: "16:9",
    targetDuration: 30,
    totalDuration: 30,
    status: "draft",
    plannerUsed: "embedded",
    plannerModel: null,
    styleBible: null,
    characters: [],
    approvedAt: null,
    approvedBy: null,
    revision: 0,
    stage: "idle",
    scenesCompleted: 0,
    scenesFailed: 0,
    deletedScenes: [],
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    cost: { estimated: 0, actual: 0, currency: "USD" },
    scenes: [scene()],
    ...over,
  };
}

export function progress(over: Partial<StoryboardProgressDto> = {}): StoryboardProgressDto {
  return {
    stage: "ready",
    scenesTotal: 1,
    scenesCompleted: 1,
    scenesFailed: 0,
    scenesInFlight: 0,
    scenesRetrying: 0,
    currentScene: null,
    estimatedCompletionSeconds: null,
    message: "Ready",
    cost: { estimated: 0, actual: 0, currency: "USD" },
    scenes: [],
    ...over,
  };
}
