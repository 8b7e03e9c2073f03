import "server-only";
import { randomUUID } from "node:crypto";
import { renderSketchFrame, sketchDepicts } from "./sketch/render-sketch";
import type { ImageInput, ImageProvider, ModelInfo, Prediction, StartOptions } from "./types";

/** Prompts containing this token fail deterministically: lets people (and e2e tests) see the failure path offline. */
export const SKETCH_FAIL_TOKEN = "[[fail]]";

export const SKETCH_MODEL: ModelInfo = {
  key: "sketch",
  ref: "storyframe/sketch",
  label: "Embedded sketch renderer",
  pricePerImage: 0,
  supportsReferenceImage: false,
};

/**
 * The embedded renderer behind the provider interface. It keeps no state: get() answers from the
 * stored input, and the pixels are drawn when the finalizer asks for the output.
 */
export class SketchProvider implements ImageProvider {
  readonly id = "sketch" as const;
  readonly model = SKETCH_MODEL;
  readonly expectedSeconds = 0.5;
  readonly allowedDownloadHosts: readonly string[] = [];
  readonly pricePerImage = 0;
  /** Answers at once in sync mode. */
  readonly syncWaitSeconds = 1;
  readonly outputFormat = "png" as const;
  // What recent inputs depict: the poll, the render and the finalizer each ask about one frame,
  // and a composition costs a few milliseconds.
  private readonly depictsCache = new Map<string, string[]>();

  private remember(input: ImageInput, depicts: string[]): string[] {
    const key = JSON.stringify(input);
    this.depictsCache.delete(key);
    this.depictsCache.set(key, depicts);
    if (this.depictsCache.size > 64) this.depictsCache.delete(this.depictsCache.keys().next().value as string);
    return depicts;
  }

  async start(input: ImageInput, options: StartOptions = {}): Promise<Prediction> {
    const id = `sketch-${randomUUID()}`;
    // Sync mode: the answer is known at once (the pixels are drawn when the finalizer asks).
    if (options.waitSeconds) return this.get(id, input);
    return { id, status: "processing", output: [], error: null, progress: 0, metrics: { predictTimeSeconds: null } };
  }

  async get(predictionId: string, input: ImageInput): Promise<Prediction> {
    if (input.prompt.includes(SKETCH_FAIL_TOKEN)) {
      return {
        id: predictionId,
        status: "failed",
        output: [],
        error: {
          code: "PREDICTION_FAILED",
          message: `The renderer was asked to fail (the prompt contains ${SKETCH_FAIL_TOKEN}). Remove it and retry.`,
          retryable: false,
          retryAfterSeconds: null,
        },
        progress: null,
        metrics: { predictTimeSeconds: null },
      };
    }
    return {
      id: predictionId,
      status: "succeeded",
      output: ["sketch:frame"],
      error: null,
      progress: 1,
      metrics: { predictTimeSeconds: 0 },
      depicts: this.depictsOf(input),
    };
  }

  async cancel(): Promise<void> {}

  async fetchOutput(_output: string, input: ImageInput): Promise<Buffer> {
    const { png, depicts } = await renderSketchFrame(input);
    this.remember(input, depicts);
    return png;
  }

  depictsOf(input: ImageInput): string[] {
    return this.depictsCache.get(JSON.stringify(input)) ?? this.remember(input, sketchDepicts(input));
  }
}
