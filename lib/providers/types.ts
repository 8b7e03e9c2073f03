import type {
  AspectRatio,
  CameraMove,
  Character,
  Diagram,
  NarrativeRole,
  ShotType,
  StyleBible,
} from "@/lib/planner/schema";

/** The scene as the embedded renderer needs it; hosted models read only the prompt. */
export type SceneContext = {
  /** 1-based position in the storyboard, printed in the caption strip. */
  number: number;
  description: string;
  shotType: ShotType;
  cameraMove: CameraMove;
  narrativeRole: NarrativeRole | null;
  durationSeconds: number;
  /** Characters of the plan that appear in this scene (their traits). */
  characters: Character[];
  style: StyleBible;
  /** Set on explainer scenes that chart something; the sketch renderer draws it. */
  diagram?: Diagram | null;
};

/** What we ask any provider for. Stored with each frame so a stateless instance can resume it. */
export type ImageInput = {
  prompt: string;
  aspectRatio: AspectRatio;
  seed: number;
  outputFormat: "png" | "webp" | "jpg";
  /** https URL of an image to condition on (reference-image models only). */
  referenceImageUrl: string | null;
  scene: SceneContext | null;
  /** Where the provider should POST status changes, when the app has a public URL. */
  webhookUrl: string | null;
};

/** Provider-neutral prediction statuses; `aborted` upstream maps to `canceled`. */
export type PredictionStatus = "starting" | "processing" | "succeeded" | "failed" | "canceled";

/** Why a prediction or a call about it failed, in our codes. */
export type ProviderFailure = {
  code: string;
  message: string;
  retryable: boolean;
  /** Seconds the provider asked us to wait (429 Retry-After). */
  retryAfterSeconds: number | null;
};

export type Prediction = {
  id: string;
  status: PredictionStatus;
  /** Output references (URLs for hosted models, an opaque ref for embedded ones). */
  output: string[];
  error: ProviderFailure | null;
  /** 0..1 when the provider reports it. */
  progress: number | null;
  metrics: { predictTimeSeconds: number | null };
  /** The nouns the renderer actually drew (embedded renderer only; hosted providers leave it unset). */
  depicts?: string[];
};

export type ModelInfo = {
  /** Our registry key, e.g. "flux-schnell" or "sketch". */
  key: string;
  /** Upstream identifier, e.g. "black-forest-labs/flux-schnell". */
  ref: string;
  label: string;
  /** US dollars per output image (embedded renderer: 0). */
  pricePerImage: number;
  supportsReferenceImage: boolean;
};

/**
 * A call to the provider itself failed (HTTP 429/5xx, network, timeout, auth) — as opposed to a
 * prediction that the provider reports as failed.
 */
export class ProviderError extends Error {
  readonly failure: ProviderFailure;
  constructor(failure: ProviderFailure) {
    super(failure.message);
    this.name = "ProviderError";
    this.failure = failure;
  }
}

export type StartOptions = { waitSeconds?: number };

export interface ImageProvider {
  readonly id: "replicate" | "sketch";
  readonly model: ModelInfo;
  /**
   * `waitSeconds` asks for sync mode: hold the create open until the output exists or the time is
   * up (Replicate's `Prefer: wait=N`), so one call both starts and finishes a fast prediction.
   */
  start(input: ImageInput, options?: StartOptions): Promise<Prediction>;
  /** `input` is what start() was given, so embedded providers can stay stateless. */
  get(predictionId: string, input: ImageInput): Promise<Prediction>;
  cancel(predictionId: string): Promise<void>;
  /** The bytes of one output of a succeeded prediction (hosted: an SSRF-guarded download). */
  fetchOutput(output: string, input: ImageInput): Promise<Buffer>;
}

/** Pixel size a hosted model returns for each aspect ratio (flux-schnell's table; 2.39:1 → 21:9). */
export const OUTPUT_SIZES: Record<AspectRatio, { width: number; height: number }> = {
  "16:9": { width: 1344, height: 768 },
  "9:16": { width: 768, height: 1344 },
  "1:1": { width: 1024, height: 1024 },
  "4:3": { width: 1152, height: 896 },
  "2.39:1": { width: 1536, height: 640 },
};
