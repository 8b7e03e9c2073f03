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
  /**
   * Output references, one string each, in one of three forms (see lib/providers/output-ref.ts):
   * an http(s) URL to download under the adapter's download policy; a `data:image/…;base64,…`
   * URL carrying the bytes inline (synchronous APIs that answer with b64_json); or an opaque ref
   * only the adapter understands (e.g. `sketch:frame`). fetchOutput() turns any of them into bytes.
   */
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
  /** Typical seconds per frame on this model, when known (adapters fall back to their own figure). */
  expectedSeconds?: number;
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

/**
 * A provider's registry id: "replicate", "sketch", "fal", "comfyui", "openai-images",
 * "gpu-service", or any id a future adapter registers. Stored on each frame row.
 */
export type ProviderId = string;

/** The answer of an adapter's webhook check: callers answer 401 on `ok: false` and log the reason. */
export type WebhookVerdict =
  | { ok: true; /** The provider's id for this delivery, to apply each once (null: none sent). */ deliveryId: string | null }
  | { ok: false; reason: string };

export type StartOptions = { waitSeconds?: number };

export interface ImageProvider {
  readonly id: ProviderId;
  readonly model: ModelInfo;
  // The next three are optional only so hand-written test and bench stubs keep compiling; every
  // registry adapter sets them. Read them through providerFacts() (lib/providers/provider-facts.ts).
  /** Typical seconds from start to a succeeded frame: feeds ETAs and poll intervals. */
  readonly expectedSeconds?: number;
  /** Hosts (and their subdomains) this adapter's output URLs may be downloaded from. */
  readonly allowedDownloadHosts?: readonly string[];
  /** US dollars per image with the current model (the model's price; 0 for embedded renderers). */
  readonly pricePerImage?: number;
  /**
   * Sync mode: how long a start may hold its create open for the output (0/absent: a plain create
   * that answers at once). Synchronous APIs set the time one call may take. Above 0, generation
   * starts such frames after the answer (after()), never in the request.
   */
  readonly syncWaitSeconds?: number;
  /** start() is the whole draw whatever `waitSeconds` says (one synchronous HTTP call): never run it in a request. */
  readonly synchronousStart?: boolean;
  /** The format asked of the model (absent: webp). */
  readonly outputFormat?: "png" | "webp" | "jpg";
  /**
   * Checks a webhook delivery's signature over the raw body (providers that sign their webhooks).
   * Absent: the provider sends no signed webhooks and the webhook route refuses its deliveries.
   */
  verifyWebhook?(request: Request, rawBody: string): Promise<WebhookVerdict>;
  /** Maps a (verified) webhook body to our prediction; throws ProviderError on a body it can't read. */
  parseWebhook?(body: unknown): Prediction;
  /**
   * Providers that draw a whole board in one job (the GPU service) start all frames at once: one
   * prediction per input, in order. Generic code calls this when present, else start() per frame.
   */
  startBoard?(board: { prompt: string; frames: ImageInput[] }): Promise<Prediction[]>;
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
  /** The nouns a frame of this input shows (embedded renderer only; hosted models can't say). */
  depictsOf?(input: ImageInput): string[];
}

/** Pixel size a hosted model returns for each aspect ratio (flux-schnell's table; 2.39:1 → 21:9). */
export const OUTPUT_SIZES: Record<AspectRatio, { width: number; height: number }> = {
  "16:9": { width: 1344, height: 768 },
  "9:16": { width: 768, height: 1344 },
  "1:1": { width: 1024, height: 1024 },
  "4:3": { width: 1152, height: 896 },
  "2.39:1": { width: 1536, height: 640 },
};
