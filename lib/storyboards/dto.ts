import type { GenerationCost, GenerationProgress, GenerationStage, StoryboardStatus } from "@/lib/generation/progress";
import type { AspectRatio, CameraMove, Character, Form, NarrativeRole, ShotType, StyleBible, StylePreset } from "@/lib/planner/schema";

// What the JSON API returns. Client-safe (types only): the studio UI imports these.
// Dates travel as ISO strings.

export type FrameStatusDto = "queued" | "starting" | "processing" | "finalizing" | "succeeded" | "failed" | "canceled";

export type FrameImageDto = {
  url: string;
  thumbnailUrl: string;
  originalUrl: string;
  width: number;
  height: number;
};

export type FrameDto = {
  id: string;
  sceneId: string;
  status: FrameStatusDto;
  /** 0..1 when known. */
  progress: number | null;
  attempt: number;
  provider: string;
  model: string;
  predictionId: string | null;
  errorCode: string | null;
  /** In words a person understands, e.g. "The model flagged this prompt as unsafe." */
  errorMessage: string | null;
  /** When a retry of a failed attempt is scheduled. */
  nextAttemptAt: string | null;
  image: FrameImageDto | null;
  seed: number | null;
  cost: number | null;
  createdAt: string;
  completedAt: string | null;
};

export type SceneDto = {
  id: string;
  order: number;
  narrativeRole: NarrativeRole | null;
  description: string;
  imagePrompt: string;
  durationSeconds: number;
  shotType: ShotType;
  cameraMove: CameraMove;
  characters: string[];
  dialogue: string | null;
  notes: string | null;
  /** Bumped on every edit. */
  revision: number;
  /** The chosen succeeded frame shown on the card (newest success unless the person picked another). */
  selectedFrame: FrameDto | null;
  /** The newest attempt, whatever its status (in flight, failed, …); equals selectedFrame when that is newest. */
  latestFrame: FrameDto | null;
  /** Every succeeded frame of this scene, newest first (the variations history). */
  variations: FrameDto[];
};

export type { StoryboardStatus };

export type CostDto = GenerationCost;

export type StoryboardDto = {
  id: string;
  title: string;
  logline: string | null;
  prompt: string;
  form: Form | null;
  style: StylePreset;
  aspectRatio: AspectRatio;
  targetDuration: number;
  totalDuration: number;
  status: StoryboardStatus;
  plannerUsed: "embedded" | "llm" | "import";
  plannerModel: string | null;
  styleBible: StyleBible | null;
  characters: Character[];
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  cost: CostDto;
  scenes: SceneDto[];
};

export type StoryboardSummaryDto = {
  id: string;
  title: string;
  style: StylePreset;
  aspectRatio: AspectRatio;
  totalDuration: number;
  status: StoryboardStatus;
  sceneCount: number;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Up to 8 thumbnail URLs in scene order (null where a scene has no frame yet). */
  thumbnails: (string | null)[];
};

export type { GenerationStage };

export type StoryboardProgressDto = GenerationProgress & {
  /** Per scene, the frame fields that change while generating. */
  scenes: { sceneId: string; selectedFrame: FrameDto | null; latestFrame: FrameDto | null }[];
};

export type GenerateResponseDto = {
  frames: { frameId: string; sceneId: string; predictionId: string | null; status: FrameStatusDto; pollUrl: string }[];
  progress: StoryboardProgressDto;
};

/** An export rendered off the request (the MP4 animatic): GET its pollUrl until it settles. */
export type ExportJobDto = {
  id: string;
  kind: "animatic";
  status: "queued" | "running" | "succeeded" | "failed" | "canceled";
  /** 0..1 */
  progress: number;
  stage: string | null;
  result: { url: string; bytes: number; durationSeconds: number; width: number; height: number } | null;
  error: { code: string; message: string } | null;
  pollUrl: string;
  createdAt: string;
  completedAt: string | null;
};
