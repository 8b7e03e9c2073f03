import type { GenerationCost, GenerationProgress, GenerationStage, StoryboardStatus } from "@/lib/generation/progress";
import type { AspectRatio, CameraMove, Character, Diagram, Form, NarrativeRole, ShotType, StyleBible, StylePreset } from "@/lib/planner/schema";

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
  /** The nouns the frame shows, as the embedded renderer placed them; empty from hosted models. */
  depicts: string[];
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
  /** The chart, timeline, steps or comparison an explainer scene shows; null for a picture. */
  diagram: Diagram | null;
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
  /** Who approved (null until accounts land). An approved storyboard is locked: edits answer 409 STORYBOARD_LOCKED. */
  approvedBy: string | null;
  /** Bumped on every change of title, style, aspect ratio or approval; send it back as `baseRevision`. */
  revision: number;
  /** Generation stage: `partial` when some scene failed for good ("Ready, 2 scenes failed"). */
  stage: GenerationStage;
  scenesCompleted: number;
  /** Scenes whose newest attempt failed for good (or was canceled with no picture), even over an older picture. */
  scenesFailed: number;
  createdAt: string;
  updatedAt: string;
  cost: CostDto;
  scenes: SceneDto[];
  /** Soft-deleted scenes, newest deletion first: POST …/scenes/:sceneId/restore brings one back. */
  deletedScenes: DeletedSceneDto[];
};

export type DeletedSceneDto = { id: string; order: number; description: string; deletedAt: string };

export type StoryboardSummaryDto = {
  id: string;
  title: string;
  style: StylePreset;
  aspectRatio: AspectRatio;
  totalDuration: number;
  status: StoryboardStatus;
  sceneCount: number;
  approvedAt: string | null;
  revision: number;
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

export type EditKindDto =
  | "scene.edit"
  | "scene.add"
  | "scene.delete"
  | "scene.restore"
  | "scenes.reorder"
  | "frame.select"
  | "frame.upload"
  | "storyboard.edit";

/** One entry of a storyboard's edit log (GET …/history). */
export type EditDto = {
  id: string;
  seq: number;
  kind: EditKindDto;
  sceneId: string | null;
  /** The changed fields before and after (for reorder: the scene id lists). */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** done: in effect; undone: taken back (redo brings it again); discarded: undone, then replaced by a new edit. */
  status: "done" | "undone" | "discarded";
  /** Null until accounts land. */
  actorId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type HistoryDto = {
  entries: EditDto[];
  /** Pass as `before` for the next (older) page; null at the start of the log. */
  nextBefore: number | null;
  canUndo: boolean;
  canRedo: boolean;
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
